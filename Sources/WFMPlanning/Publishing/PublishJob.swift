import Foundation
import WFMCore
import WFMIO
import WFMReporting

/// `wfm publish roster.csv --config center.yaml --forecast forecast.csv --to published/`: the
/// roster stored as the next numbered version (`v1`, `v2`, …), each folder holding the roster,
/// its report, one calendar per agent and `events.json`. Against the version before, an event
/// that changed gets a higher SEQUENCE under the same UID and a removed shift is cancelled
/// (`<agent>.cancel.ics`, METHOD:CANCEL), so that calendar apps update instead of duplicating.
/// The folder appears whole or not at all: it is written under a temporary name and renamed.
public struct PublishJob: Sendable {
    public var rosterPath: String
    public var configPath: String
    public var forecastPath: String
    public var publishedDirectory: String
    /// When the version is published (`YYYY-MM-DDTHH:MM` in the center's time zone, or with an
    /// offset): the calendars' DTSTAMP and `version.json`'s; nil for the moment of publishing.
    public var publishedAt: String?
    /// Weeks the version's report simulates (nil for the formula only).
    public var replications: Int?
    public var seed: UInt64 = 1

    /// Creates the job.
    public init(rosterPath: String, configPath: String, forecastPath: String, publishedDirectory: String, publishedAt: String? = nil,
                replications: Int? = nil) {
        self.rosterPath = rosterPath
        self.configPath = configPath
        self.forecastPath = forecastPath
        self.publishedDirectory = publishedDirectory
        self.publishedAt = publishedAt
        self.replications = replications
    }

    /// What was published; as JSON, schema `wfm.publish/1`.
    public struct Outcome: Sendable, Encodable {
        public var schema = "wfm.publish/1"
        /// The version's number and folder.
        public let version: Int
        public let folder: String
        /// What changed against the version before (nil for v1).
        public let diff: RosterDiff?
        /// Calendars written, events with a raised SEQUENCE, and shifts cancelled.
        public let calendars: Int
        public let eventsChanged: Int
        public let cancelled: Int

        /// A line per fact, then the changes against the version before.
        public func text() -> String {
            var text = "Published v\(version) to \(folder): \(calendars) agent calendars"
            text += diff == nil ? " (the first version).\n" : ", \(eventsChanged) event(s) updated (SEQUENCE raised), \(cancelled) shift(s) cancelled.\n"
            return text + (diff?.text() ?? "")
        }

        /// The outcome as JSON: the version, its folder, the calendar counts and the diff against
        /// the version before (absent for v1).
        public func json() throws -> String { try JSONOutput.text(self) }
    }

    /// The folder of version `number`.
    public static func versionFolder(_ directory: String, _ number: Int) -> String {
        (directory as NSString).appendingPathComponent("v\(number)")
    }

    /// The versions already in `directory`, ascending.
    public static func versions(in directory: String) -> [Int] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.compactMap { name in name.hasPrefix("v") ? Int(name.dropFirst()).flatMap { $0 > 0 && "v\($0)" == name ? $0 : nil } : nil }.sorted()
    }

    /// Publishes.
    /// - Throws: ``InputError`` for bad files, ``PlanningError`` when the roster breaks a rule
    ///   (nothing is published).
    public func run(progress: (String) -> Void = { _ in }) throws -> Outcome {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: publishedDirectory, isDirectory: &isFolder), !isFolder.boolValue {
            throw InputError(Diagnostic(file: publishedDirectory, line: nil, field: "--to", problem: "is a file",
                                        expected: "the folder of published versions (v1, v2, …), or a new path"))
        }
        let center = try CenterReader.read(path: configPath)
        let publishedAt = try self.publishedAt.map { try Self.instant($0, center: center) } ?? Date()
        guard let agentsFile = center.agentsPath else { throw PlanningError("no agents file: set agents in \(configPath)") }
        let agents = try AgentsReader.read(path: agentsFile, center: center)
        let forecast = try ForecastReader.read(path: forecastPath, center: center, grid: center.timeGrid)
        guard let rosterText = try? String(contentsOfFile: rosterPath, encoding: .utf8) else {
            throw InputError(Diagnostic(file: rosterPath, line: nil, field: "file", problem: "cannot be read", expected: "a roster.csv as wfm writes it"))
        }
        let shifts = try RosterFiles.read(path: rosterPath, timeZone: center.timeZone)
        let number = (Self.versions(in: publishedDirectory).last ?? 0) + 1
        let previousFolder = number > 1 ? Self.versionFolder(publishedDirectory, number - 1) : nil
        let previousEvents = try previousFolder.map { try Self.readEvents(in: $0) } ?? []

        progress("staffing the forecast and measuring the roster")
        let plan = try StaffingPlanner.plan(center: center, forecast: forecast)
        try FileManager.default.createDirectory(atPath: publishedDirectory, withIntermediateDirectories: true)
        let partial = (publishedDirectory as NSString).appendingPathComponent(".v\(number).partial-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(atPath: partial)
        defer { try? FileManager.default.removeItem(atPath: partial) }
        let report = ReportJob(configPath: configPath, forecastPath: forecastPath, rosterPath: rosterPath, replications: replications, seed: seed,
                               outDirectory: partial)
        let evaluation = try report.evaluate(shifts, center: center, agents: agents, previous: .none, requirements: plan.rows,
                                             progress: progress)
        guard evaluation.report.ruleViolations.isEmpty else {
            throw PlanningError("the roster breaks \(evaluation.report.ruleViolations.count) rule(s); nothing was published:\n"
                                + evaluation.report.ruleViolations.joined(separator: "\n"))
        }
        _ = try report.write(evaluation)
        let write = { (name: String, text: String) in
            try AtomicFileWriter.write(text, to: (partial as NSString).appendingPathComponent(name), overwrite: false)
        }
        try write("roster.csv", rosterText)

        let current = evaluation.schedule.days.compactMap { day in day.shift.map { PublishedEvent(day: day, shift: $0, timeZone: center.timeZone) } }
        let (events, newlyCancelled) = PublishedEvent.sequenced(current, previous: previousEvents)
        try write("events.json", try JSONOutput.text(events))
        let calendars = (partial as NSString).appendingPathComponent("calendars")
        try FileManager.default.createDirectory(atPath: calendars, withIntermediateDirectories: true)
        let weekBegin = TimeGrid.startOfDay(center.weekStart, in: center.timeZone)
        let sequence = Dictionary(events.map { ("\($0.agent)#\($0.date)", $0.sequence) }, uniquingKeysWith: { a, _ in a })
        for (index, agent) in agents.enumerated() {
            let days = Array(evaluation.schedule.days[(index * 7)..<(index * 7 + 7)])
            var sequences: [LocalDate: Int] = [:]
            for day in days { sequences[day.date] = sequence["\(agent.id)#\(day.date)"] ?? 0 }
            try write("calendars/" + ICalendarWriter.fileName(for: agent),
                      ICalendarWriter.calendar(agent: agent, days: days, centerName: center.name, weekStart: weekBegin, sequences: sequences,
                                               stamp: publishedAt))
            let gone = newlyCancelled.filter { $0.agent == agent.id }.compactMap { event -> ICalendarWriter.Cancellation? in
                guard let start = Self.instant(event.start), let end = Self.instant(event.end) else { return nil }
                return ICalendarWriter.Cancellation(date: event.date, start: start, end: end, sequence: event.sequence)
            }
            if !gone.isEmpty {
                let name = (ICalendarWriter.fileName(for: agent) as NSString).deletingPathExtension + ".cancel.ics"
                try write("calendars/" + name, ICalendarWriter.cancellation(agent: agent, cancelled: gone, centerName: center.name, stamp: publishedAt))
            }
        }
        let diff = try previousFolder.map { folder in
            RosterDiff(before: Self.versionName(folder), after: "v\(number)",
                       old: try RosterFiles.read(path: (folder as NSString).appendingPathComponent("roster.csv"), timeZone: center.timeZone),
                       new: shifts, center: center, agents: agents)
        }
        let previousSequence = Dictionary(previousEvents.map { ($0.uid, $0.sequence) }, uniquingKeysWith: { a, _ in a })
        let changed = events.filter { event in !event.cancelled && previousSequence[event.uid].map { $0 != event.sequence } ?? false }.count
        try write("version.json", try JSONOutput.text(PublishedVersion(
            version: number, publishedAt: Timestamp.format(publishedAt, in: center.timeZone), center: center.name,
            weekStart: center.weekStart.description, roster: rosterPath, shifts: shifts.count, eventsChanged: changed,
            cancelled: newlyCancelled.count, agentsChanged: diff?.agents.map(\.agent))))
        let folder = Self.versionFolder(publishedDirectory, number)
        guard !FileManager.default.fileExists(atPath: folder) else {
            throw PlanningError("\(folder) appeared while publishing (another publish at the same time?); nothing was published")
        }
        try FileManager.default.moveItem(atPath: partial, toPath: folder)
        return Outcome(version: number, folder: folder, diff: diff, calendars: agents.count, eventsChanged: changed, cancelled: newlyCancelled.count)
    }

    /// The instant of an event's `start` or `end` (``Timestamp/format(_:in:)``'s form).
    static func instant(_ text: String) -> Date? {
        if case .exact(let instant, _) = Timestamp(text) { return instant }
        return nil
    }

    /// `--at`: a local time of the center, or one with an offset.
    static func instant(_ text: String, center: Center) throws -> Date {
        switch Timestamp(text.trimmingCharacters(in: .whitespaces)) {
        case .exact(let instant, _): return instant
        case .local(let wall):
            guard let instant = wall.instants(in: center.timeZone).first else {
                throw PlanningError("--at: '\(text)' does not exist in \(center.timeZone.identifier) (skipped by a DST change)")
            }
            return instant
        case nil: throw PlanningError("--at: '\(text)' is not a time (expected YYYY-MM-DDTHH:MM, such as 2026-11-26T16:00)")
        }
    }

    /// `v3` for `published/v3`.
    static func versionName(_ folder: String) -> String { (folder as NSString).lastPathComponent }

    /// A version's `events.json`.
    static func readEvents(in folder: String) throws -> [PublishedEvent] {
        let path = (folder as NSString).appendingPathComponent("events.json")
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(Diagnostic(file: path, line: nil, field: "file", problem: "cannot be read", expected: "a version folder wfm publish wrote"))
        }
        do {
            return try BenchJSON.decoder().decode([PublishedEvent].self, from: data)
        } catch let error as DecodingError {
            throw InputError(Diagnostic(file: path, line: nil, field: BenchJSON.field(of: error), problem: BenchJSON.problem(of: error),
                                        expected: "the events of a version wfm publish wrote, unedited"))
        }
    }
}

/// A version's `version.json` (schema `wfm.published/1`).
struct PublishedVersion: Codable {
    var schema = "wfm.published/1"
    var version: Int
    var publishedAt: String
    var center: String
    var weekStart: String
    /// The roster file published, as named.
    var roster: String
    var shifts: Int
    /// Events whose SEQUENCE was raised, and shifts cancelled, against the version before.
    var eventsChanged: Int
    var cancelled: Int
    /// The agents with a change against the version before (nil for v1).
    var agentsChanged: [String]?
}
