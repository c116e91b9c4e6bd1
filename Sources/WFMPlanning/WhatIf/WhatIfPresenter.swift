import Foundation
import WFMCore
import WFMReporting
import WFMScheduling

extension WhatIfOutcome {
    /// The side-by-side rows: a label and one cell per column (baseline first).
    public func tableRows() -> [(label: String, cells: [String])] {
        guard let baseline = columns.first else { return [] }
        var rows: [(label: String, cells: [String])] = []
        func row(_ label: String, _ cell: (WhatIfColumn) -> String) { rows.append((label, columns.map(cell))) }
        for target in baseline.report.targets {
            row("SL week \(target.queue) (target \(NumberFormatting.percent(target.serviceLevel, 0)))") { column in
                column.week(target.queue).map { NumberFormatting.percent($0.serviceLevel, 1) } ?? "-"
            }
            row("SL worst day \(target.queue)") { column in
                column.worstDay(target.queue).map { "\(NumberFormatting.percent($0.serviceLevel, 1)) \(Self.weekday($0.period))" } ?? "-"
            }
            if baseline.report.simulation != nil {
                row("SL simulated \(target.queue)") { column in
                    column.report.simulation?.figures(queue: target.queue, period: "week")?.serviceLevel.map(ReportText.interval) ?? "-"
                }
            }
        }
        row("SL week, all queues") { $0.week("all").map { NumberFormatting.percent($0.serviceLevel, 1) } ?? "-" }
        row("ASA s") { $0.week("all").map(\.asaText) ?? "-" }
        row("abandonment") { $0.week("all").map { NumberFormatting.percent($0.abandonmentRate, 1) } ?? "-" }
        row("occupancy") { $0.week("all").map { NumberFormatting.percent($0.occupancy, 1) } ?? "-" }
        row("paid hours") { $0.week("all").map { NumberFormatting.fixed($0.paidHours, 1) } ?? "-" }
        row("short agent-hours") { $0.week("all").map { NumberFormatting.fixed($0.shortfallHours, 1) } ?? "-" }
        row("intervals below target (by \(columns.first?.report.verdict.rawValue ?? "formula"))") { "\($0.report.intervalsMissed) of \($0.report.intervals.count)" }
        row("agent-days changed") { $0.dayChanges.breaksOnly > 0 ? "\($0.agentDaysChanged) (\($0.dayChanges.breaksOnly) breaks only)" : "\($0.agentDaysChanged)" }
        row("rules broken") { "\($0.report.ruleViolations.count)" }
        if columns.contains(where: { $0.capacity != nil }) {
            row("FTE required (week)") { $0.capacity.map { NumberFormatting.fixed($0.requiredFTE, 1) } ?? "" }
            row("FTE available (week)") { $0.capacity.map { NumberFormatting.fixed($0.availableFTE, 1) } ?? "" }
            row("hires, week-level bound") { column in
                guard let capacity = column.capacity else { return "" }
                guard let hires = capacity.hires else { return "none can" }
                return hires.isEmpty ? "none" : hires.map { "\($0.count) \($0.contract) \($0.skills.joined(separator: "+"))" }.joined(separator: ", ")
            }
            row("hires verified by replanning") { column in
                guard column.capacity != nil else { return "" }
                guard let verified = column.verifiedHires else { return "none can" }
                if verified.replans == 0 { return "none needed (targets met)" }
                let replans = "\(verified.replans) replan\(verified.replans == 1 ? "" : "s")"
                guard verified.targetsMet else {
                    let missed = verified.serviceLevels.filter { $0.serviceLevel < $0.target - 1e-9 }
                        .map { "\($0.queue) \(NumberFormatting.percent($0.serviceLevel, 1))" }.joined(separator: ", ")
                    return "not met after \(replans) with \(verified.hiresText) (\(missed))"
                }
                return verified.hires.isEmpty ? "none; a replan meets the targets" : "\(verified.hiresText) (targets met, \(replans))"
            }
            row("SL week with them, replanned") { column in
                guard let verified = column.verifiedHires, verified.replans > 0 else { return "" }
                return verified.serviceLevels.map { "\($0.queue) \(NumberFormatting.percent($0.serviceLevel, 1))" }.joined(separator: ", ")
            }
            if columns.contains(where: { !($0.capacity?.overtime.isEmpty ?? true) }) {
                row("overtime to close the gap") { column in
                    guard let overtime = column.capacity?.overtime, !overtime.isEmpty else { return "" }
                    return overtime.map { "\(NumberFormatting.fixed($0.paidHours, 1)) h \($0.contract) \($0.skills.joined(separator: "+"))" }
                        .joined(separator: ", ")
                }
            }
        }
        if columns.contains(where: { !$0.changes.isEmpty }) {
            row("agents changed by repair") { "\(Set($0.changes.map(\.agentID)).count)" }
            row("paid hours added") { NumberFormatting.fixed($0.changes.reduce(0) { $0 + $1.paidHoursAdded }, 1) }
            row("of which overtime") { NumberFormatting.fixed($0.changes.reduce(0) { $0 + $1.overtimeHoursAdded }, 1) }
        }
        return rows
    }

    /// The side-by-side table (baseline and each scenario as columns), the scenarios'
    /// descriptions, and the sweep.
    public func text() -> String {
        guard let baseline = columns.first else { return "" }
        var table = TextTable(columns: [TextTable.Column("", .left)] + columns.map { TextTable.Column($0.scenario.name) })
        for row in tableRows() { table.append([row.label] + row.cells) }
        var text = table.render()
        for column in columns where !column.scenario.description.isEmpty {
            text += "\(column.scenario.name): \(column.scenario.description)\n"
        }
        for column in columns where !column.changes.isEmpty {
            text += "Changes for \(column.scenario.name):\n" + column.changes.map { "  " + Self.changeLine($0, zone: timeZone) }.joined(separator: "\n") + "\n"
        }
        text += "Service level: \(baseline.report.definitions.serviceLevel); by formula\(baseline.report.simulation == nil ? "" : ", and simulated with 95% confidence intervals").\n"
        if let sweep { text += "\n" + sweepText(sweep) }
        return text
    }

    /// The same as one self-contained HTML page, with every scenario's curves overlaid.
    public func html() -> String {
        let compared = columns.map { ComparedReport(name: $0.scenario.name, description: $0.scenario.description, report: $0.report) }
        let swept = sweep.map { SweptReports(parameter: $0.sweep.parameter.rawValue, values: $0.sweep.values, reports: $0.columns.map(\.report)) }
        return ComparisonHTML.render(title: "\(columns.first?.report.center ?? "What-if"): what-if, week of \(columns.first?.report.weekStart ?? "")",
                                     table: tableRows(), columns: compared, sweep: swept)
    }

    private func sweepText(_ sweep: WhatIfSweepResult) -> String {
        let queues = sweep.columns.first?.report.targets.map(\.queue) ?? []
        var table = TextTable(columns: [TextTable.Column(sweep.sweep.parameter.rawValue)] + queues.map { TextTable.Column("SL \($0)") }
            + [TextTable.Column("short h"), TextTable.Column("missed")])
        for (value, column) in zip(sweep.sweep.values, sweep.columns) {
            table.append([String(format: "%g", value)] + queues.map { queue in column.week(queue).map { NumberFormatting.percent($0.serviceLevel, 1) } ?? "-" }
                + [column.week("all").map { NumberFormatting.fixed($0.shortfallHours, 1) } ?? "-", "\(column.report.intervalsMissed)"])
        }
        let end = sweep.sweep.values.last
        let largest = sweep.largestMeetingTarget.map { queue, value in
            guard let value else { return "\(queue) none (not even at \(String(format: "%g", sweep.sweep.values.first ?? 0)))" }
            // Meeting the target at the range's end is no limit: the sweep found none.
            return value == end ? "\(queue) no miss up to \(String(format: "%g", value)), the end of the range" : "\(queue) \(String(format: "%g", value))"
        }
        return table.render() + "Largest \(sweep.sweep.parameter.rawValue) at which each queue's weekly service level meets its target: "
            + largest.joined(separator: ", ") + ".\n"
    }

    private static func weekday(_ period: String) -> String { LocalDate(period)?.weekday.rawValue ?? period }

    /// `A023 mon 2026-11-30: add early8 07:00-15:30, 8.0 paid h, covers 6.5 agent-h short`;
    /// `… extend early8 07:00-15:30 to 07:00-16:30 (overtime), +1.0 paid h, …`;
    /// `… move breaks of early8 10:00-10:15;12:00-12:30 to …, covers …`.
    static func changeLine(_ change: RepairChange, zone: TimeZone) -> String {
        let shift = change.after
        let clock = { (instant: Date) in TimeOfDay(minutes: LocalDateTime(instant, in: zone).minuteOfDay)?.description ?? "?" }
        let span = { (shift: RosterShift) in "\(clock(shift.start))-\(clock(shift.end))" }
        let breaks = { (shift: RosterShift) in shift.breaks.map { "\(clock($0.start))-\(clock($0.end))" }.joined(separator: ";") }
        let what: String
        switch (change.kind, change.before) {
        case (.overtime, let before?):
            what = "extend \(shift.templateID) \(span(before)) to \(span(shift)) (overtime), +\(NumberFormatting.fixed(change.paidHoursAdded, 1)) paid h"
        case (.moveBreaks, let before?):
            what = "move breaks of \(shift.templateID) \(span(shift)) from \(breaks(before)) to \(breaks(shift)), no paid h"
        default:
            what = "add \(shift.templateID) \(span(shift)), \(NumberFormatting.fixed(change.paidHoursAdded, 1)) paid h"
        }
        return "\(shift.agentID) \(shift.date.weekday.rawValue) \(shift.date): \(what), covers \(NumberFormatting.fixed(change.coveredAgentHours, 1)) agent-h short"
    }

    /// The outcome as JSON, schema `wfm.whatif/2` (docs/whatif.md).
    public func json() throws -> String { try JSONOutput.text(WhatIfJSON(self, mode: mode.rawValue, zone: timeZone)) }
}

/// The JSON of `wfm whatif`; read back to merge shards (``WhatIfMerge``).
struct WhatIfJSON: Codable {
    struct QueueFigures: Codable {
        var queue: String
        var target: Double
        var serviceLevel: Double?
        var worstDay: String?
        var worstDayServiceLevel: Double?
        var simulatedServiceLevel: Estimate?
    }

    struct Column: Codable {
        var name: String
        var description: String
        var queues: [QueueFigures]
        var week: PeriodFigures?
        var intervalsMissed: Int
        var intervals: Int
        var agentDaysChanged: Int
        var agentDaysBreaksOnly: Int
        var targetsMet: Bool
        var rulesBroken: [String]
        var changes: [Change]
        var capacity: Capacity?
    }

    struct Hire: Codable {
        var contract: String
        var skills: [String]
        var count: Int
    }

    /// The week-level bound and the hires verified by replanning (nil when no mix can).
    struct Capacity: Codable {
        var requiredFte: Double
        var availableFte: Double
        var lowerBoundHires: [Hire]?
        var verifiedHires: [Hire]?
        /// Per queue, the weekly service level in the last replan with the verified hires.
        var verifiedServiceLevels: [String: Double]?
        var verifiedTargetsMet: Bool?
        var replans: Int?
    }

    struct Change: Codable {
        var kind: String
        var agent: String
        var date: String
        var shift: String
        var start: String
        var end: String
        var breaks: [String]
        var previousStart: String?
        var previousEnd: String?
        var previousBreaks: [String]?
        var paidHoursAdded: Double
        var overtimeHoursAdded: Double
        var coveredAgentHours: Double
    }

    struct Point: Codable {
        var value: Double
        var serviceLevel: [String: Double]
        var shortfallHours: Double?
        var intervalsMissed: Int
    }

    struct Sweep: Codable {
        var parameter: String
        var points: [Point]
        /// Per queue; absent when even the smallest value misses.
        var largestMeetingTarget: [String: Double]
        /// The queues that meet their target at every value of the range: their largest value
        /// is the range's end, not a limit found.
        var neverMissed: [String]

        /// A sweep's points and what they show against the targets (``WhatIfSweepResult/largestMeetingTarget``).
        init(parameter: String, points: [Point], targets: [QueueFigures]) {
            let largest = WhatIfSweepResult.largestMeetingTarget(
                targets: targets.map { ($0.queue, $0.target) }, values: points.map(\.value),
                serviceLevels: points.map { point in { point.serviceLevel[$0] } })
            self.init(parameter: parameter, points: points,
                      largestMeetingTarget: Dictionary(uniqueKeysWithValues: largest.compactMap { queue, value in value.map { (queue, $0) } }),
                      neverMissed: largest.filter { $0.value != nil && $0.value == points.last?.value }.map(\.queue))
        }

        init(parameter: String, points: [Point], largestMeetingTarget: [String: Double], neverMissed: [String]) {
            self.parameter = parameter
            self.points = points
            self.largestMeetingTarget = largestMeetingTarget
            self.neverMissed = neverMissed
        }
    }

    var schema = "wfm.whatif/2"
    var mode: String
    var serviceLevelDefinition: String
    var columns: [Column]
    var sweep: Sweep?
    /// For one shard's result: which items it evaluated (absent for a whole run).
    var shard: WhatIfShardInfo?

    init(_ outcome: WhatIfOutcome, mode: String, zone: TimeZone) {
        self.mode = mode
        serviceLevelDefinition = outcome.columns.first?.report.definitions.serviceLevel ?? ""
        columns = outcome.columns.map { column in
            Column(
                name: column.scenario.name, description: column.scenario.description,
                queues: column.report.targets.map { target in
                    let worst = column.worstDay(target.queue)
                    return QueueFigures(
                        queue: target.queue, target: target.serviceLevel, serviceLevel: column.week(target.queue)?.serviceLevel,
                        worstDay: worst?.period, worstDayServiceLevel: worst?.serviceLevel,
                        simulatedServiceLevel: column.report.simulation?.figures(queue: target.queue, period: "week")?.serviceLevel)
                },
                week: column.week("all"), intervalsMissed: column.report.intervalsMissed, intervals: column.report.intervals.count,
                agentDaysChanged: column.agentDaysChanged, agentDaysBreaksOnly: column.dayChanges.breaksOnly, targetsMet: column.report.targetsMet, rulesBroken: column.report.ruleViolations,
                changes: column.changes.map { change in
                    let time = { (instant: Date) in Timestamp.format(instant, in: zone) }
                    let breaks = { (shift: RosterShift) in shift.breaks.map { "\(time($0.start))/\(time($0.end))" } }
                    return Change(kind: change.kind.rawValue, agent: change.agentID, date: change.after.date.description, shift: change.after.templateID,
                                  start: time(change.after.start), end: time(change.after.end), breaks: breaks(change.after),
                                  previousStart: change.before.map { time($0.start) }, previousEnd: change.before.map { time($0.end) },
                                  previousBreaks: change.before.map(breaks), paidHoursAdded: change.paidHoursAdded,
                                  overtimeHoursAdded: change.overtimeHoursAdded, coveredAgentHours: change.coveredAgentHours)
                },
                capacity: column.capacity.map { capacity in
                    let hires = { (hires: [CapacityCheck.Hire]) in hires.map { Hire(contract: $0.contract, skills: $0.skills, count: $0.count) } }
                    return Capacity(requiredFte: capacity.requiredFTE, availableFte: capacity.availableFTE, lowerBoundHires: capacity.hires.map(hires),
                                    verifiedHires: column.verifiedHires.map { hires($0.hires) },
                                    verifiedServiceLevels: column.verifiedHires.map { verified in
                                        Dictionary(verified.serviceLevels.map { ($0.queue, $0.serviceLevel) }, uniquingKeysWith: { a, _ in a })
                                    },
                                    verifiedTargetsMet: column.verifiedHires?.targetsMet,
                                    replans: column.verifiedHires?.replans)
                })
        }
        shard = outcome.shard
        sweep = outcome.sweep.map { result in
            let points = zip(result.sweep.values, result.columns).map { value, column in
                Point(value: value, serviceLevel: Dictionary(uniqueKeysWithValues: column.report.weeks.map { ($0.queue, $0.serviceLevel) }),
                      shortfallHours: column.week("all")?.shortfallHours, intervalsMissed: column.report.intervalsMissed)
            }
            // A shard's points are part of the range: what the range shows is the merge's to say.
            return outcome.shard == nil ? Sweep(parameter: result.sweep.parameter.rawValue, points: points, targets: columns.first?.queues ?? [])
                : Sweep(parameter: result.sweep.parameter.rawValue, points: points, largestMeetingTarget: [:], neverMissed: [])
        }
    }
}
