import Foundation
import WFMCore
import WFMQueueing

/// The requirements of a planning week and what the planner noticed on the way.
public struct StaffingPlan: Sendable {
    /// The week's grid.
    public let grid: TimeGrid
    /// One row per queue and open interval, in time order, queues in center.yaml order.
    public let rows: [IntervalRequirement]
    /// Things the user should know (e.g. open intervals the forecast has no row for).
    public let warnings: [String]
}

/// Turns a forecast into staffing requirements: Erlang A for queues with a patience,
/// Erlang C otherwise.
public enum StaffingPlanner {
    /// Computes the requirement of every open interval of every queue.
    /// - Parameters:
    ///   - center: queues, targets, opening hours, holidays and shrinkage.
    ///   - forecast: expected calls and AHT per interval and queue; an open interval with no
    ///     row counts as no calls (and is reported in the warnings).
    /// - Throws: ``PlanningError`` naming the queue and interval if a target cannot be met.
    /// - Complexity: O(queues × intervals × staffing search).
    public static func plan(center: Center, forecast: [ForecastEntry]) throws -> StaffingPlan {
        let grid = center.timeGrid
        var byKey: [String: ForecastEntry] = [:]
        for entry in forecast { byKey["\(entry.queue)#\(entry.interval)"] = entry }
        var rows: [IntervalRequirement] = []
        var warnings: [String] = []
        var missing: [String: (count: Int, first: String)] = [:]
        var used = 0
        for interval in grid.intervals {
            for queue in center.queues where center.isOpen(queue, at: interval.local) {
                let entry = byKey["\(queue.id)#\(interval.index)"]
                if entry == nil {
                    missing[queue.id, default: (0, interval.local.description)].count += 1
                } else {
                    used += 1
                }
                let calls = entry?.calls ?? 0
                let aht = entry?.ahtSeconds ?? queue.ahtSeconds
                rows.append(try requirement(queue: queue, interval: interval, calls: calls, aht: aht, center: center, grid: grid))
            }
        }
        for queue in center.queues {
            if let gap = missing[queue.id] {
                warnings.append("forecast has no row for \(gap.count) open interval(s) of queue '\(queue.id)' (first \(gap.first)); planned as 0 calls")
            }
        }
        if forecast.count > used {
            warnings.append("\(forecast.count - used) forecast row(s) fall in closed intervals or holidays and were ignored")
        }
        return StaffingPlan(grid: grid, rows: rows, warnings: warnings)
    }

    private static func requirement(
        queue: Queue, interval: PlanningInterval, calls: Double, aht: Double, center: Center, grid: TimeGrid
    ) throws -> IntervalRequirement {
        let load = QueueLoad(calls: calls, averageHandleTimeSeconds: aht, intervalSeconds: grid.intervalSeconds,
                             patienceSeconds: queue.patienceSeconds)
        let shrinkage = center.shrinkage.value(queue: queue.id, weekday: interval.weekday)
        do {
            let result = try StaffingCalculator.requirement(for: load, targets: StaffingTargets(queue: queue), shrinkage: shrinkage)
            return IntervalRequirement(
                interval: interval.index, queue: queue.id, calls: calls, ahtSeconds: aht, erlangs: result.offeredLoad,
                agentsProductive: result.productiveAgents, agentsScheduled: result.scheduledAgents,
                serviceLevel: result.performance.serviceLevel, asaSeconds: result.performance.averageSpeedOfAnswerSeconds,
                occupancy: result.performance.occupancy, abandonRate: result.performance.abandonmentRate,
                binding: result.binding.rawValue)
        } catch let error as QueueingError {
            throw PlanningError("queue '\(queue.id)', interval \(interval.local): \(error.message)")
        }
    }
}

extension StaffingTargets {
    /// The targets configured for `queue` in center.yaml.
    public init(queue: Queue) {
        self.init(
            serviceLevel: queue.serviceLevel.fraction, serviceLevelThresholdSeconds: queue.serviceLevel.withinSeconds,
            maximumAverageSpeedOfAnswerSeconds: queue.asaSeconds, maximumOccupancy: queue.maxOccupancy,
            maximumAbandonmentRate: queue.maxAbandonRate, minimumAgents: queue.minAgents)
    }
}
