import Foundation

/// A break or lunch inside a rostered shift.
public struct RosterBreak: Sendable, Equatable, Hashable {
    /// When the break starts.
    public var start: Date
    /// When it ends.
    public var end: Date

    /// Creates a break.
    public init(start: Date, end: Date) {
        self.start = start
        self.end = end
    }
}

/// One agent's shift on one day: a row of roster.csv.
public struct RosterShift: Sendable, Equatable, Hashable {
    /// The agent's id.
    public var agentID: String
    /// The local date the shift starts on.
    public var date: LocalDate
    /// The shift template's id.
    public var templateID: String
    /// When the shift starts.
    public var start: Date
    /// When it ends.
    public var end: Date
    /// Paid minutes.
    public var paidMinutes: Int
    /// Breaks and lunches, in time order.
    public var breaks: [RosterBreak]
    /// Overtime minutes worked before the template's shift (included in `start` and
    /// `paidMinutes`).
    public var overtimeBeforeMinutes: Int
    /// Overtime minutes worked after the template's shift (included in `end` and
    /// `paidMinutes`).
    public var overtimeAfterMinutes: Int

    /// Creates a shift.
    public init(agentID: String, date: LocalDate, templateID: String, start: Date, end: Date, paidMinutes: Int, breaks: [RosterBreak],
                overtimeBeforeMinutes: Int = 0, overtimeAfterMinutes: Int = 0) {
        self.overtimeBeforeMinutes = overtimeBeforeMinutes
        self.overtimeAfterMinutes = overtimeAfterMinutes
        self.agentID = agentID
        self.date = date
        self.templateID = templateID
        self.start = start
        self.end = end
        self.paidMinutes = paidMinutes
        self.breaks = breaks
    }

    /// Overtime minutes, before and after.
    public var overtimeMinutes: Int { overtimeBeforeMinutes + overtimeAfterMinutes }

    /// When the template's shift starts: `start` less the overtime before it.
    public var regularStart: Date { start.addingTimeInterval(Double(overtimeBeforeMinutes * 60)) }

    /// When the template's shift ends: `end` less the overtime after it.
    public var regularEnd: Date { end.addingTimeInterval(Double(-overtimeAfterMinutes * 60)) }

    /// Paid minutes less overtime: what counts against the contract's weekly hours.
    public var regularPaidMinutes: Int { paidMinutes - overtimeMinutes }
}

/// Requirements as a matrix: agents to schedule per queue and interval of the week.
public struct RequirementMatrix: Sendable, Equatable {
    /// Queue ids, in center.yaml order.
    public let queues: [String]
    /// `agents[q][t]`: agents to schedule on queue `queues[q]` in interval `t` (0 if absent).
    public var agents: [[Double]]
    /// `loads[q][t]`: the calls behind the requirement, when known; the shortage penalty
    /// follows their service-level curve (linear without them).
    public var loads: [[RequirementLoad?]]

    /// An all-zero matrix.
    public init(queues: [String], intervals: Int) {
        self.queues = queues
        agents = Array(repeating: Array(repeating: 0, count: intervals), count: queues.count)
        loads = Array(repeating: Array(repeating: nil, count: intervals), count: queues.count)
    }

    /// The agents to schedule of `rows` (a staffing plan); rows of other queues or outside
    /// the week are left out.
    public init(rows: [IntervalRequirement], queues: [String], intervals: Int) {
        self.init(queues: queues, intervals: intervals)
        let index = Dictionary(queues.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        for row in rows where (0..<intervals).contains(row.interval) {
            guard let queue = index[row.queue] else { continue }
            agents[queue][row.interval] = Double(row.agentsScheduled)
            loads[queue][row.interval] = RequirementLoad(calls: row.calls, ahtSeconds: row.ahtSeconds, productiveAgents: Double(row.agentsProductive))
        }
    }
}

/// The calls behind one requirement (a row of requirements.csv): what being short costs callers.
public struct RequirementLoad: Sendable, Equatable {
    /// Expected calls in the interval.
    public var calls: Double
    /// Expected average handle time, in seconds.
    public var ahtSeconds: Double
    /// Productive agents the requirement stands for (before shrinkage).
    public var productiveAgents: Double

    /// Creates a load, at the precision requirements.csv keeps (calls to a thousandth, AHT to
    /// a tenth of a second, whole agents), so that a requirement handed on in memory (`wfm
    /// plan`, a benchmark) and the same one read back from its file price a shortage alike.
    public init(calls: Double, ahtSeconds: Double, productiveAgents: Double) {
        self.calls = (calls * 1000).rounded() / 1000
        self.ahtSeconds = (ahtSeconds * 10).rounded() / 10
        self.productiveAgents = productiveAgents.rounded()
    }
}
