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
    ///   - percentile: staff each interval for this quantile of its calls (its target met with
    ///     this probability over the forecast's distribution); default center.yaml's
    ///     `staffing.percentile`, and the point forecast without one.
    /// - Throws: ``PlanningError`` naming the queue and interval if a target cannot be met, or
    ///   if a percentile is asked for and the forecast has no quantiles around it.
    /// - Complexity: O(queues × intervals × staffing search).
    public static func plan(center: Center, forecast: [ForecastEntry], percentile: Double? = nil) throws -> StaffingPlan {
        let percentile = percentile ?? center.staffingPercentile
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
                var row = try requirement(queue: queue, interval: interval, calls: calls, aht: aht, center: center, grid: grid)
                if let percentile {
                    // An interval with no forecast row has no calls at any probability.
                    guard let staffed = entry == nil ? 0 : entry?.calls(atProbability: percentile) else {
                        throw PlanningError("the forecast has no quantiles around \(percentile) for queue '\(queue.id)' (first at \(interval.local)): "
                            + "staffing for a percentile needs the calls_pNN columns wfm forecast writes (calls_p10 to calls_p95)")
                    }
                    row = try riskRequirement(point: row, staffedCalls: staffed, queue: queue, interval: interval, center: center, grid: grid)
                }
                rows.append(row)
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
        warnings += plausibilityWarnings(center: center, rows: rows)
        return StaffingPlan(grid: grid, rows: rows, warnings: warnings)
    }

    /// The shortest and longest handle times taken at face value: outside them, the AHT is
    /// more likely in minutes (or hours) than in seconds. A contact center's calls last from
    /// about half a minute (a balance enquiry) to an hour (complex support).
    static let plausibleAHTSeconds = 30.0...3600.0

    /// Below this share of the required agents busy over a queue's week, the calls or handle
    /// times are probably in the wrong unit (calls per day, AHT in minutes). Queues kept open
    /// at `min_agents` through quiet hours stay well above it over a week.
    static let plausibleWeekOccupancy = 0.2

    /// Per queue: intervals with calls whose AHT lies outside ``plausibleAHTSeconds``, and a
    /// week whose occupancy at the required staffing is below ``plausibleWeekOccupancy``.
    static func plausibilityWarnings(center: Center, rows: [IntervalRequirement]) -> [String] {
        let grid = center.timeGrid
        return center.queues.flatMap { queue -> [String] in
            let own = rows.filter { $0.queue == queue.id && $0.calls > 0 }
            var found: [String] = []
            let odd = own.filter { !plausibleAHTSeconds.contains($0.ahtSeconds) }
            if let first = odd.first {
                found.append("aht_seconds: queue '\(queue.id)' has an AHT of \(NumberFormatting.trimmed(first.ahtSeconds)) s in \(odd.count) interval(s) with calls (first \(grid.intervals[first.interval].local)), outside 30 s to 1 h: is it in minutes instead of seconds?")
            }
            let busy = own.reduce(0) { $0 + $1.erlangs }, staffed = own.reduce(0) { $0 + Double($1.agentsProductive) }
            if staffed > 0, busy / staffed < plausibleWeekOccupancy {
                found.append("queue '\(queue.id)': over the week its required agents would be busy \(NumberFormatting.percent(busy / staffed, 1)) of the time (below \(NumberFormatting.percent(plausibleWeekOccupancy, 0))): check the calls (per interval, not per day) and aht_seconds (in seconds)")
            }
            return found
        }
    }

    /// The requirement for `staffedCalls` (a quantile of the forecast), with the point
    /// forecast's calls and load, and the figures predicted at the point forecast with the
    /// agents staffed.
    private static func riskRequirement(point: IntervalRequirement, staffedCalls: Double, queue: Queue, interval: PlanningInterval,
                                        center: Center, grid: TimeGrid) throws -> IntervalRequirement {
        var row = try requirement(queue: queue, interval: interval, calls: max(point.calls, staffedCalls), aht: point.ahtSeconds,
                                  center: center, grid: grid)
        let load = QueueLoad(calls: point.calls, averageHandleTimeSeconds: point.ahtSeconds, intervalSeconds: grid.intervalSeconds,
                             patienceSeconds: queue.patienceSeconds)
        do {
            let performance = try queueModel(for: load).performance(agents: row.agentsProductive, thresholdSeconds: queue.serviceLevel.withinSeconds)
            row.serviceLevel = performance.serviceLevel
            row.asaSeconds = performance.averageSpeedOfAnswerSeconds
            row.occupancy = performance.occupancy
            row.abandonRate = performance.abandonmentRate
        } catch let error as QueueingError {
            throw PlanningError("queue '\(queue.id)', interval \(interval.local): \(error.message)")
        }
        row.calls = point.calls
        row.erlangs = point.erlangs
        row.staffedCalls = staffedCalls
        row.pointAgentsScheduled = point.agentsScheduled
        return row
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
