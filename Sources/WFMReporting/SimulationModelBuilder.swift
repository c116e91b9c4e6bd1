import Foundation
import WFMCore
import WFMMeasure
import WFMQueueing

/// Turns a report's intervals and a roster's presence into a ``ContactCenterModel``.
///
/// Shrinkage (training, meetings, absence) is simulated as a slice of each interval off the
/// phones, as long as the shrinkage share of the interval (the mean over the agent's queues for
/// that weekday), placed at a different point of the interval for each agent (offsets spread
/// by the golden ratio), so that at any moment about that share of the agents present is away.
struct SimulationModelBuilder {
    let center: Center
    let agents: [Agent]
    let grid: TimeGrid

    /// The model of `figures`' calls, after the calls of `leadIn` (simulated, not measured).
    func model(figures: [IntervalFigures], leadIn: [SimulatedCalls] = [], presence: RosterPresence) -> ContactCenterModel {
        let count = grid.intervals.count
        let queueIndex = Dictionary(uniqueKeysWithValues: center.queues.enumerated().map { ($1.id, $0) })
        var queues = center.queues.map { queue in
            SimulatedQueue(calls: Array(repeating: 0, count: count), ahtSeconds: Array(repeating: queue.ahtSeconds, count: count),
                           patienceSeconds: queue.patienceSeconds, thresholdSeconds: queue.serviceLevel.withinSeconds)
        }
        for row in leadIn where grid.intervals.indices.contains(row.interval) && row.calls > 0 && row.ahtSeconds > 0 {
            guard let queue = queueIndex[row.queue] else { continue }
            queues[queue].calls[row.interval] = row.calls
            queues[queue].ahtSeconds[row.interval] = row.ahtSeconds
        }
        for row in figures {
            let queue = queueIndex[row.queue]!
            queues[queue].calls[row.interval] = row.calls
            queues[queue].ahtSeconds[row.interval] = row.ahtSeconds
        }
        let simulatedAgents = agents.enumerated().map { index, agent in
            let skills = agent.skills.compactMap { skill in queueIndex[skill.queue].map { (queue: $0, priority: skill.priority ?? 1) } }
            let phase = (Double(index) * 0.618_033_988_749_895).truncatingRemainder(dividingBy: 1)
            return SimulatedAgent(skills: skills, onPhone: periods(presence.periods[index], skills: agent.skills, phase: phase))
        }
        return ContactCenterModel(intervalSeconds: grid.intervalSeconds, queues: queues, agents: simulatedAgents,
                                  handleTimeCV: center.report.handleTimeCV, shortAbandonSeconds: center.report.shortAbandonSeconds)
    }

    /// `periods` with each interval's shrinkage slice cut out.
    private func periods(_ periods: [Range<Double>], skills: [Skill], phase: Double) -> [Range<Double>] {
        let length = grid.intervalSeconds
        var result: [Range<Double>] = []
        for period in periods {
            var interval = Int((period.lowerBound / length).rounded(.down))
            while Double(interval) * length < period.upperBound {
                let begin = Double(interval) * length
                let piece = max(begin, period.lowerBound)..<min(begin + length, period.upperBound)
                let share = shrinkage(skills: skills, interval: interval)
                guard share > 0 else {
                    result.append(piece)
                    interval += 1
                    continue
                }
                let sliceStart = begin + phase * length
                let sliceEnd = sliceStart + share * length
                // The slice, wrapped inside the interval: [sliceStart, sliceEnd) and, past the
                // interval's end, [begin, begin + overflow).
                let overflow = max(0, sliceEnd - (begin + length))
                var kept = [piece]
                for slice in [sliceStart..<min(sliceEnd, begin + length), begin..<(begin + overflow)] where !slice.isEmpty {
                    kept = kept.flatMap { part in
                        [Self.span(part.lowerBound, min(part.upperBound, slice.lowerBound)),
                         Self.span(max(part.lowerBound, slice.upperBound), part.upperBound)].compactMap { $0 }
                    }
                }
                result += kept.sorted { $0.lowerBound < $1.lowerBound }
                interval += 1
            }
        }
        return result.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// `from..<to`, or nil when it would be empty.
    private static func span(_ from: Double, _ to: Double) -> Range<Double>? { from < to ? from..<to : nil }

    private func shrinkage(skills: [Skill], interval: Int) -> Double {
        let weekday = interval < grid.intervals.count ? grid.intervals[interval].weekday
            : grid.weekStart.adding(days: 7 + (interval - grid.intervals.count) * grid.intervalMinutes / 1440).weekday
        guard !skills.isEmpty else { return center.shrinkage.defaultValue }
        return skills.reduce(0) { $0 + center.shrinkage.value(queue: $1.queue, weekday: weekday) } / Double(skills.count)
    }
}
