import Foundation
import WFMCore
import WFMIO
import WFMReporting

/// `wfm requests`: each request of requests.csv decided against the published roster, in
/// priority order (1 first), then submission order, then the file's order; the roster after
/// the approvals and its report written to `--out`. Coverage is judged by the report's verdict:
/// the formula, or with `report.verdict: simulation` (or `--verdict`) the simulation of the
/// request's day.
public struct RequestsJob: Sendable {
    public var configPath: String
    public var forecastPath: String
    public var rosterPath: String
    public var requestsPath: String
    /// The folder for decisions.csv, requests.json, roster.csv and the report files.
    public var outDirectory: String?
    public var overwrite: Bool
    /// Replications to simulate, for a verdict by simulation (`--simulate`); nil for none.
    public var replications: Int?
    public var seed: UInt64 = 1
    /// `--verdict`: formula or simulation; nil for `report.verdict` in center.yaml.
    public var verdict: String?

    /// Creates the job.
    public init(configPath: String, forecastPath: String, rosterPath: String, requestsPath: String, outDirectory: String? = nil,
                overwrite: Bool = false) {
        self.configPath = configPath
        self.forecastPath = forecastPath
        self.rosterPath = rosterPath
        self.requestsPath = requestsPath
        self.outDirectory = outDirectory
        self.overwrite = overwrite
    }

    /// What was decided: schema `wfm.requests/1`.
    public struct Outcome: Sendable, Codable {
        public var schema = "wfm.requests/1"
        public var roster: String
        public var requests: String
        /// In the order decided.
        public var decisions: [RequestDecision]
        /// The roster after the approvals: shifts, and whether every interval meets its target.
        public var shifts: Int
        public var targetsMet: Bool
        public var intervalsMissed: Int
        public var files: [String]

        /// One row per request, then the counts and the files written.
        public func text() -> String {
            var table = TextTable(columns: [.init("id", .left), .init("agent", .left), .init("type", .left), .init("date", .left),
                                            .init("decision", .left), .init("reason", .left)])
            for decision in decisions {
                let how = decision.basis.map { " (\($0.replacingOccurrences(of: "_", with: " ")))" } ?? ""
                table.append([decision.id, decision.agent, decision.type, decision.date.description, decision.decision.rawValue + how,
                              decision.reason + (decision.repairs.isEmpty ? "" : ": " + decision.repairs.joined(separator: "; "))])
            }
            let count = { (verdict: RequestDecision.Verdict) in decisions.filter { $0.decision == verdict }.count }
            return table.render()
                + "\(decisions.count) requests: \(count(.approved)) approved, \(count(.denied)) denied, \(count(.waitlisted)) waitlisted; "
                + "the roster after them has \(intervalsMissed) queue-interval(s) below target.\n"
                + files.map { "Wrote \($0)\n" }.joined()
        }

        /// The decisions as JSON.
        public func json() throws -> String { try JSONOutput.text(self) }
    }

    /// Decides and writes.
    /// - Throws: ``InputError`` for bad files (a request for an unknown agent or outside the
    ///   week names its id).
    public func run(progress: (String) -> Void = { _ in }) throws -> Outcome {
        let center = try CommandVocabulary.applyingVerdict(verdict, to: try CenterReader.read(path: configPath), simulates: replications != nil)
        guard let agentsFile = center.agentsPath else { throw PlanningError("no agents file: set agents in \(configPath)") }
        let agents = WeekRules.agents(try AgentsReader.read(path: agentsFile, center: center), center: center)
        let forecast = try ForecastReader.read(path: forecastPath, center: center, grid: center.timeGrid)
        let shifts = try RosterFiles.read(path: rosterPath, timeZone: center.timeZone)
        let requests = try RequestsReader.read(path: requestsPath, center: center, agents: agents)
        let report = ReportJob(configPath: configPath, forecastPath: forecastPath, rosterPath: rosterPath, outDirectory: outDirectory,
                               overwrite: overwrite)
        let folder = { (name: String) in outDirectory.map { ($0 as NSString).appendingPathComponent(name) } }
        let outputs = [folder("decisions.csv"), folder("requests.json"), folder("roster.csv")].compactMap { $0 }
        for path in outputs + report.reportFolderFiles.compactMap(folder) { try AtomicFileWriter.checkWritable(path, overwrite: overwrite) }

        progress("staffing the forecast")
        let plan = try StaffingPlanner.plan(center: center, forecast: forecast)
        let simulation = replications.map { SimulationOptions(replications: $0, seed: seed) }
        var decider = try RequestDecider(center: center, agents: agents, requirements: plan.rows, shifts: shifts, simulation: simulation)
        let ordered = requests.sorted { a, b in
            let lateness = { (request: ShiftRequest) in request.submittedAt.map { ($0.date.daysSinceEpoch, $0.minuteOfDay) } ?? (Int.max, 0) }
            return (a.priority, lateness(a).0, lateness(a).1, a.line) < (b.priority, lateness(b).0, lateness(b).1, b.line)
        }
        var decisions: [RequestDecision] = []
        for (number, request) in ordered.enumerated() {
            progress("[\(number + 1)/\(ordered.count)] \(request.id)")
            decisions.append(try decider.decide(request))
        }
        let final = try decider.report()
        var outcome = Outcome(roster: rosterPath, requests: requestsPath, decisions: decisions, shifts: decider.shifts.count,
                              targetsMet: final.targetsMet, intervalsMissed: final.intervalsMissed, files: [])
        guard outDirectory != nil else { return outcome }
        let sorted = decider.shifts.sorted { ($0.agentID, $0.start) < ($1.agentID, $1.start) }
        let evaluation = ReportJob.Evaluation(report: final, schedule: AgentSchedule(center: center, agents: decider.agents, shifts: sorted),
                                              center: center, agents: decider.agents)
        outcome.files = outputs
        try AtomicFileWriter.write(Self.csv(decisions), to: outputs[0], overwrite: overwrite)
        try AtomicFileWriter.write(RosterFiles.csv(sorted, timeZone: center.timeZone), to: outputs[2], overwrite: overwrite)
        outcome.files += try report.write(evaluation)
        try AtomicFileWriter.write(try outcome.json(), to: outputs[1], overwrite: overwrite)
        return outcome
    }

    /// decisions.csv: one row per request, in the order decided.
    static func csv(_ decisions: [RequestDecision]) -> String {
        var lines = ["id,agent_id,type,date,decision,basis,reason,repairs,intervals_below_target"]
        for decision in decisions {
            lines.append([
                CSVFormatting.field(decision.id), CSVFormatting.field(decision.agent), decision.type, decision.date.description,
                decision.decision.rawValue, decision.basis ?? "", CSVFormatting.field(decision.reason),
                CSVFormatting.field(decision.repairs.joined(separator: "; ")), "\(decision.intervalsBelowTarget)",
            ].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
