import Foundation
import WFMCore

/// When each agent of a roster is on the phones: on shift and not on a break, measured in
/// seconds from the start of the planning week and in shares of each interval.
public struct RosterPresence: Sendable {
    /// Per agent (in agents.csv order): periods on the phones, sorted and disjoint, in
    /// seconds from the week's start (a shift may run past the week's end).
    public let periods: [[Range<Double>]]
    /// Per agent: `(interval, share)` pairs for every interval the agent is on the phones in,
    /// the share being the part of the interval (0–1] they are.
    public let intervalShares: [[(interval: Int, share: Double)]]
    /// Per agent: their roster rows, in time order.
    public let shiftsByAgent: [[RosterShift]]

    /// Measures `shifts` (rows of agents not in `agents` are left out; the rule check
    /// reports them); an agent is off the phones while `away` (a what-if's part-day absence).
    /// - Complexity: O(shifts × intervals per shift).
    public init(shifts: [RosterShift], agents: [Agent], grid: TimeGrid, away: [String: [Range<Date>]] = [:]) {
        let weekBegin = grid.intervals.first?.start ?? TimeGrid.startOfDay(grid.weekStart, in: grid.timeZone)
        let length = grid.intervalSeconds
        let count = grid.intervals.count
        let row = Dictionary(agents.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var byAgent = Array(repeating: [RosterShift](), count: agents.count)
        for shift in shifts { if let index = row[shift.agentID] { byAgent[index].append(shift) } }
        var periods: [[Range<Double>]] = []
        var shares: [[(interval: Int, share: Double)]] = []
        for index in byAgent.indices {
            byAgent[index].sort { $0.start < $1.start }
            var own = byAgent[index].flatMap { Self.phonePeriods(of: $0, from: weekBegin) }
            for window in away[agents[index].id] ?? [] {
                let gone = window.lowerBound.timeIntervalSince(weekBegin)..<window.upperBound.timeIntervalSince(weekBegin)
                own = own.flatMap { period -> [Range<Double>] in
                    guard period.overlaps(gone) else { return [period] }
                    var left: [Range<Double>] = []
                    if gone.lowerBound > period.lowerBound { left.append(period.lowerBound..<gone.lowerBound) }
                    if gone.upperBound < period.upperBound { left.append(gone.upperBound..<period.upperBound) }
                    return left
                }
            }
            own.sort { $0.lowerBound < $1.lowerBound }
            var disjoint: [Range<Double>] = []
            for period in own {
                if let last = disjoint.last, last.upperBound >= period.lowerBound {
                    disjoint[disjoint.count - 1] = last.lowerBound..<max(last.upperBound, period.upperBound)
                } else {
                    disjoint.append(period)
                }
            }
            periods.append(disjoint)
            shares.append(Self.intervalShares(of: disjoint, intervalSeconds: length, intervals: count))
        }
        self.periods = periods
        intervalShares = shares
        shiftsByAgent = byAgent
    }

    /// The intervals `shift` is on the phones in (its time less its breaks), with the share of
    /// each interval, in interval order.
    public static func intervalShares(of shift: RosterShift, grid: TimeGrid) -> [(interval: Int, share: Double)] {
        let weekBegin = grid.intervals.first?.start ?? TimeGrid.startOfDay(grid.weekStart, in: grid.timeZone)
        return intervalShares(of: phonePeriods(of: shift, from: weekBegin), intervalSeconds: grid.intervalSeconds,
                              intervals: grid.intervals.count)
    }

    /// The periods of `shift` off its breaks, in seconds from `weekBegin`.
    private static func phonePeriods(of shift: RosterShift, from weekBegin: Date) -> [Range<Double>] {
        var periods: [Range<Double>] = []
        var cursor = shift.start.timeIntervalSince(weekBegin)
        let end = shift.end.timeIntervalSince(weekBegin)
        for pause in shift.breaks.sorted(by: { $0.start < $1.start }) {
            let from = max(cursor, pause.start.timeIntervalSince(weekBegin))
            let to = min(end, pause.end.timeIntervalSince(weekBegin))
            if from > cursor { periods.append(cursor..<from) }
            cursor = max(cursor, to)
        }
        if end > cursor { periods.append(cursor..<end) }
        return periods
    }

    /// The share of each interval that disjoint `periods` cover (at most 1), in interval order;
    /// intervals they do not touch are left out.
    /// - Complexity: O(intervals the periods span); no hashing (the repair calls this for
    ///   every candidate change it values).
    private static func intervalShares(of periods: [Range<Double>], intervalSeconds length: Double, intervals count: Int)
        -> [(interval: Int, share: Double)]
    {
        let spans = periods.compactMap { period -> (first: Int, last: Int, period: Range<Double>)? in
            let first = max(0, Int((period.lowerBound / length).rounded(.down)))
            let last = min(count - 1, Int(((period.upperBound / length).rounded(.up))) - 1)
            return first <= last ? (first, last, period) : nil
        }
        guard let low = spans.map(\.first).min(), let high = spans.map(\.last).max() else { return [] }
        var shares = Array(repeating: 0.0, count: high - low + 1)
        var touched = Array(repeating: false, count: high - low + 1)
        for (first, last, period) in spans {
            for interval in first...last {
                let begin = Double(interval) * length
                let overlap = min(period.upperBound, begin + length) - max(period.lowerBound, begin)
                if overlap > 0 {
                    shares[interval - low] += overlap / length
                    touched[interval - low] = true
                }
            }
        }
        return shares.indices.compactMap { touched[$0] ? (low + $0, min(1, shares[$0])) : nil }
    }
}
