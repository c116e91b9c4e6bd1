import WFMCore

/// How a roster differs from the published one, counted the same way in every mode: an
/// agent-day is changed when it gains or loses a shift, or its shift's template, start, end,
/// breaks or overtime differ, or a timed absence takes the agent off the phones during it.
/// Days whose only change is their breaks are also counted apart.
public struct AgentDayChanges: Sendable, Equatable {
    /// Agent-days changed, breaks-only days included.
    public let changed: Int
    /// Of those, the days that keep their shift and change only their breaks.
    public let breaksOnly: Int

    /// No change.
    public static let none = AgentDayChanges(changed: 0, breaksOnly: 0)

    /// The changes from `published` to `roster`; `offPhones` holds the agent-days
    /// (``key(_:)``) a timed absence cuts into.
    static func between(_ published: [RosterShift], _ roster: [RosterShift], offPhones: Set<String> = []) -> AgentDayChanges {
        let before = Dictionary(grouping: published, by: key), after = Dictionary(grouping: roster, by: key)
        var changed = 0, breaksOnly = 0
        for day in Set(before.keys).union(after.keys).union(offPhones) {
            let old = before[day] ?? [], new = after[day] ?? []
            if old == new {
                if offPhones.contains(day) { changed += 1 }
                continue
            }
            changed += 1
            let withoutBreaks = { (shifts: [RosterShift]) in shifts.map { shift -> RosterShift in
                var plain = shift
                plain.breaks = []
                return plain
            } }
            if !offPhones.contains(day), withoutBreaks(old) == withoutBreaks(new) { breaksOnly += 1 }
        }
        return AgentDayChanges(changed: changed, breaksOnly: breaksOnly)
    }

    /// `agent#date`.
    static func key(_ shift: RosterShift) -> String { "\(shift.agentID)#\(shift.date)" }
}
