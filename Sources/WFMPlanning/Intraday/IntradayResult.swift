import Foundation
import WFMCore
import WFMForecasting
import WFMReporting
import WFMScheduling

/// What `wfm intraday` found at `--now` (JSON `wfm.intraday/1`): per queue the reforecast, per
/// queue and rest-of-day interval the figures before and after, and the actions.
public struct IntradayResult: Sendable, Encodable {
    /// `wfm.intraday/1`.
    public let schema = "wfm.intraday/1"
    /// The center's name.
    public let center: String
    /// `--now`, with the center's offset.
    public let now: String
    /// Nothing changes before this (now + the lead time); nil without a roster.
    public let changesFrom: String?
    /// Per queue, in center.yaml order.
    public let queues: [QueueSummary]
    /// Per queue and interval from the one `--now` falls in to the end of the day.
    public let rows: [Row]
    /// The actions, in the order chosen (empty without a roster).
    public let actions: [Action]
    /// Rules the roster after the actions breaks today (empty when every rule holds).
    public let ruleViolations: [String]
    /// Things the user should know: unreported intervals, the adjustment's source.
    public let notes: [String]

    /// Whether every queue meets its service-level target over the rest of the day after the
    /// actions, by formula (true without a roster: nothing was measured).
    public var targetsMet: Bool {
        queues.allSatisfy { queue in queue.serviceLevel.map { $0.afterActions >= queue.serviceLevelTarget - 1e-9 } ?? true }
    }

    /// One queue's reforecast and its rest-of-day figures.
    public struct QueueSummary: Sendable, Encodable {
        public let queue: String
        /// How the day so far moves the rest (``IntradayAdjustment``), and what it was learned from.
        public let adjustment: String
        public let trainingDays: Int
        /// Calls offered and forecast in the ended intervals with actuals.
        public let actualSoFar: Double
        public let forecastSoFar: Double
        /// r, w and the factor applied to the rest of the day's calls.
        public let observedRatio: Double
        public let weight: Double
        public let callsFactor: Double
        /// Set when the last intervals left the usual range (the day's level shifted).
        public let levelShift: LevelShiftSummary?
        public let ahtFactor: Double
        /// Calls from the cut-off to the end of the day: forecast and reforecast.
        public let restOfDayForecast: Double
        public let restOfDayReforecast: Double
        /// The queue's service-level target (a fraction).
        public let serviceLevelTarget: Double
        /// Service level over the rest of the day, by formula (call-weighted) and by
        /// simulation: as planned (forecast, roster as published), now (reforecast, absences)
        /// and after the actions; nil without a roster.
        public let serviceLevel: Figures?
        public let simulatedServiceLevel: Figures?
        /// Agent-hours short of the requirement over the rest of the day.
        public let shortAgentHours: Figures?
    }

    /// The window whose calls left the usual range: their ratio to the forecast, the step from
    /// the day's earlier ratio, and the usual range of that step.
    public struct LevelShiftSummary: Sendable, Encodable {
        public let from: String
        public let ratio: Double
        /// The step from the day's earlier ratio; nil when the window starts the day (the
        /// window's ratio was tested).
        public let step: Double?
        public let usualLow: Double
        public let usualHigh: Double
    }

    /// A figure as planned, now and after the actions.
    public struct Figures: Sendable, Encodable {
        public let planned: Double
        public let now: Double
        public let afterActions: Double
    }

    /// One queue and interval of the rest of the day.
    public struct Row: Sendable, Encodable {
        public let intervalStart: String
        public let queue: String
        public let forecast: Double
        public let reforecast: Double
        public let reforecastP10: Double?
        public let reforecastP90: Double?
        public let ahtForecast: Double
        public let ahtReforecast: Double
        /// Agents to schedule for the forecast and for the reforecast.
        public let requiredBefore: Int
        public let requiredAfter: Int
        /// Agents present as planned, now (absences), after the actions; nil without a roster.
        public let present: Figures?
        /// By formula: the roster as planned against the forecast, the roster now against the
        /// reforecast, after the actions against the reforecast.
        public let serviceLevel: Figures?
        /// The same by simulation.
        public let simulatedServiceLevel: Figures?
    }

    /// One change to the roster from now on.
    public struct Action: Sendable, Encodable {
        public let agentId: String
        /// `move_breaks`, `overtime` or `call_in`.
        public let kind: String
        /// What changes, in words: `breaks 12:00-12:15 → 12:30-12:45`.
        public let change: String
        /// When the change starts.
        public let from: String
        public let paidHoursAdded: Double
        /// Agent-hours of the shortfall it covers.
        public let coveredAgentHours: Double
    }
}
