import Foundation
import WFMCore
import WFMReporting

/// One agent-day as a published version holds it: what the agent's calendar shows, and the
/// event's SEQUENCE. Stored per version in `events.json`, so that the next version raises the
/// SEQUENCE of exactly the events that changed and cancels those removed.
public struct PublishedEvent: Sendable, Codable, Equatable {
    public var agent: String
    public var date: LocalDate
    /// The calendar event's UID (``ICalendarWriter/uid(agent:date:)``).
    public var uid: String
    public var shift: String
    /// Start and end, ISO 8601 with the center's offset.
    public var start: String
    public var end: String
    /// Breaks as `HH:MM-HH:MM paid|unpaid`, joined by `;`.
    public var breaks: String
    /// The queues to log into, best priority first.
    public var queues: [String]
    public var paidMinutes: Int
    public var overtimeMinutes: Int
    public var sequence: Int
    /// A shift a later version removed: kept so that a shift published again on that day goes on
    /// from its SEQUENCE.
    public var cancelled: Bool

    /// The event of one working day of a roster, at SEQUENCE 0.
    init(day: AgentSchedule.Day, shift: RosterShift, timeZone: TimeZone) {
        agent = day.agent.id
        date = day.date
        uid = ICalendarWriter.uid(agent: day.agent.id, date: day.date)
        self.shift = shift.templateID
        start = Timestamp.format(shift.start, in: timeZone)
        end = Timestamp.format(shift.end, in: timeZone)
        breaks = AgentSchedule.breaksText(day.breaks)
        queues = day.queues
        paidMinutes = shift.paidMinutes
        overtimeMinutes = shift.overtimeBeforeMinutes + shift.overtimeAfterMinutes
        sequence = 0
        cancelled = false
    }

    /// Whether the calendar would show the same event (SEQUENCE aside).
    func showsTheSame(as other: PublishedEvent) -> Bool {
        var mine = self, theirs = other
        mine.sequence = 0
        theirs.sequence = 0
        return mine == theirs
    }

    /// This version's events with their SEQUENCE, from the previous version's: an unchanged
    /// event keeps it, a changed or republished one gets one more, a new one starts at 0; a
    /// previous event that is gone is returned cancelled with one more.
    /// - Returns: every event of this version (cancelled ones included, sorted by agent and
    ///   date) and those newly cancelled.
    static func sequenced(_ current: [PublishedEvent], previous: [PublishedEvent]) -> (events: [PublishedEvent], newlyCancelled: [PublishedEvent]) {
        let before = Dictionary(previous.map { ($0.uid, $0) }, uniquingKeysWith: { a, _ in a })
        var events: [PublishedEvent] = []
        var seen = Set<String>()
        for var event in current {
            seen.insert(event.uid)
            if let old = before[event.uid] {
                event.sequence = old.cancelled || !event.showsTheSame(as: old) ? old.sequence + 1 : old.sequence
            }
            events.append(event)
        }
        var newlyCancelled: [PublishedEvent] = []
        for old in previous where !seen.contains(old.uid) {
            var gone = old
            if !old.cancelled {
                gone.cancelled = true
                gone.sequence += 1
                newlyCancelled.append(gone)
            }
            events.append(gone)
        }
        let order = { (event: PublishedEvent) in (event.agent, event.date.description) }
        return (events.sorted { order($0) < order($1) }, newlyCancelled.sorted { order($0) < order($1) })
    }
}
