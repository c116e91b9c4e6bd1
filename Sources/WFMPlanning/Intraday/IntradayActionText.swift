import Foundation
import WFMCore
import WFMScheduling

/// A ``RepairChange`` as an intraday action: the lever, the change in words and when it starts.
enum IntradayActionText {
    static func action(_ change: RepairChange, timeZone: TimeZone) -> IntradayResult.Action {
        let clock = { (instant: Date) in TimeOfDay(minutes: LocalDateTime(instant, in: timeZone).minuteOfDay)?.description ?? "" }
        let span = { (from: Date, to: Date) in "\(clock(from))-\(clock(to))" }
        let breaks = { (shift: RosterShift) in shift.breaks.map { span($0.start, $0.end) }.joined(separator: ", ") }
        let kind: String, text: String, from: Date
        switch change.kind {
        case .moveBreaks:
            kind = "move_breaks"
            let before = change.before.map(breaks) ?? ""
            text = "breaks \(before) → \(breaks(change.after))"
            let moved = Set(change.after.breaks).subtracting(change.before?.breaks ?? [])
            from = moved.map(\.start).min() ?? change.after.start
        case .overtime:
            kind = "overtime"
            let before = change.before ?? change.after
            text = "shift \(span(before.start, before.end)) → \(span(change.after.start, change.after.end))"
            from = change.after.start < before.start ? change.after.start : before.end
        case .addShift:
            kind = "call_in"
            text = "shift \(span(change.after.start, change.after.end)) (\(change.after.templateID)) on a day off, breaks \(breaks(change.after))"
            from = change.after.start
        }
        return IntradayResult.Action(agentId: change.agentID, kind: kind, change: text, from: Timestamp.format(from, in: timeZone),
                                     paidHoursAdded: change.paidHoursAdded, coveredAgentHours: change.coveredAgentHours)
    }
}
