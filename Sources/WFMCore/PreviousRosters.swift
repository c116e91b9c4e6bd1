import Foundation

/// What one agent's previous rosters carry into the week being planned: the run of days worked
/// up to the boundary and the last shift's end (for the rules that cross it), and counts over
/// the look-back window (the weeks of the previous rosters), for spreading weekends and late
/// shifts over time.
public struct CarryOver: Sendable, Equatable {
    /// Days worked in a row up to the last day before the week (0 when the agent was off that
    /// day).
    public var daysInARow = 0
    /// The last shift before the week: its date and when it ended.
    public var lastShift: LastShift?
    /// Weekend days (Saturday, Sunday) worked in the look-back window.
    public var weekendDays = 0
    /// Shifts starting at noon or later in the look-back window.
    public var lateShifts = 0
    /// Shifts of templates marked unpopular in the look-back window.
    public var unpopularShifts = 0
    /// Paid hours in the look-back window.
    public var paidHours = 0.0

    /// A previous shift's date and end.
    public struct LastShift: Sendable, Equatable {
        /// The local date it started on.
        public let date: LocalDate
        /// When it ended.
        public let end: Date
    }

    /// Creates an empty carry-over: an agent with no previous shifts.
    public init() {}
}

/// The rosters of the weeks before the one being planned (`--previous`), as what they carry
/// into it per agent. An agent with no previous shifts carries nothing; previous shifts of an
/// agent no longer in agents.csv are kept but never asked for.
public struct PreviousRosters: Sendable, Equatable {
    /// Weeks the previous rosters cover (0 without any).
    public let weeks: Int
    /// Per agent id.
    public let byAgent: [String: CarryOver]

    /// No previous rosters: every agent starts the week fresh.
    public static let none = PreviousRosters(weeks: 0, byAgent: [:])

    private init(weeks: Int, byAgent: [String: CarryOver]) {
        self.weeks = weeks
        self.byAgent = byAgent
    }

    /// What `shifts` (the `weeks` weeks before `weekStart`) carry into that week; a shift
    /// starts late at noon or later, local time in `timeZone`; `unpopularTemplates` are the
    /// ids of templates marked unpopular.
    public init(shifts: [RosterShift], weekStart: LocalDate, weeks: Int, timeZone: TimeZone, unpopularTemplates: Set<String> = []) {
        self.weeks = weeks
        var byAgent: [String: CarryOver] = [:]
        for (agent, own) in Dictionary(grouping: shifts, by: \.agentID) {
            var carry = CarryOver()
            let dates = Set(own.map(\.date))
            var day = weekStart.adding(days: -1)
            while dates.contains(day) {
                carry.daysInARow += 1
                day = day.adding(days: -1)
            }
            if let last = own.max(by: { $0.end < $1.end }) { carry.lastShift = CarryOver.LastShift(date: last.date, end: last.end) }
            carry.weekendDays = dates.filter(\.weekday.isWeekend).count
            carry.lateShifts = own.filter { Fairness.isLate(startMinute: LocalDateTime($0.regularStart, in: timeZone).minuteOfDay) }.count
            carry.unpopularShifts = own.filter { unpopularTemplates.contains($0.templateID) }.count
            carry.paidHours = Double(own.reduce(0) { $0 + $1.paidMinutes }) / 60
            byAgent[agent] = carry
        }
        self.byAgent = byAgent
    }

    /// What `agentID` carries in; empty for an agent with no previous shifts.
    public subscript(agentID: String) -> CarryOver { byAgent[agentID] ?? CarryOver() }

    /// How much of `burden` `agentID` carried in the look-back window.
    public func count(_ burden: Fairness.Burden, of agentID: String) -> Int {
        let carried = self[agentID]
        switch burden {
        case .weekendDay: return carried.weekendDays
        case .lateShift: return carried.lateShifts
        case .unpopularShift: return carried.unpopularShifts
        }
    }

    /// Whether there are no previous rosters at all.
    public var isEmpty: Bool { weeks == 0 }

    /// The first instant `agentID` may start a shift under `contract`'s minimum rest, or nil
    /// when the previous rosters do not restrict it.
    public func earliestStart(of agentID: String, contract: Contract) -> Date? {
        byAgent[agentID]?.lastShift.map { $0.end.addingTimeInterval(contract.minRestHours * 3600) }
    }

    /// The days at the start of the week `agentID` may work in a row under `contract` before
    /// a day off: the contract's maximum less the days worked in a row up to the boundary (0:
    /// the first day must be off).
    public func daysLeftInRun(of agentID: String, contract: Contract) -> Int {
        max(0, contract.maxConsecutiveDays - self[agentID].daysInARow)
    }
}
