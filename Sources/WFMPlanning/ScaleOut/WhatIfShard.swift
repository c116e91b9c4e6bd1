import WFMCore

/// The share of a `wfm whatif` run one shard evaluated: the run's items (the baseline, each
/// scenario, each sweep point) and which of them its columns and points are.
public struct WhatIfShardInfo: Sendable, Codable, Equatable {
    public var shard: Shard
    /// Every item of the whole run, in its order: `baseline`, the scenarios' names, then
    /// `sweep <value>` per point.
    public var items: [String]
    /// For each column of this shard, its item's position (a repaired or replanned scenario
    /// gives two columns of one item).
    public var columnItems: [Int]
    /// For each sweep point of this shard, its item's position.
    public var pointItems: [Int]
}

/// How a what-if run splits into shards.
enum WhatIfShard {
    /// The items of a run: the baseline and each scenario, then the sweep's points.
    static func items(scenarios: [Scenario], sweep: WhatIfSweep?) -> [String] {
        scenarios.map(\.name) + (sweep?.values ?? []).map { "sweep \(sweep!.parameter.rawValue)=\(CSVFormatting.number($0, digits: 6))" }
    }

    /// Each item's expected work, in formula evaluations of the week. Measured on the demo with
    /// the release build (`wfm whatif`, 2 cores): a sweep point (one formula evaluation) takes
    /// 0.02 s; a scenario with 20 simulated weeks 0.25 s, about half an evaluation per
    /// simulated week; a repair adds 1.9 s (about 100 evaluations) and a replan about 9 s
    /// (about 500). The largest-first split needs only these orders of magnitude, and the merged
    /// result does not depend on the split.
    static func expectedWork(scenarios: Int, sweep: WhatIfSweep?, mode: WhatIfMode, replications: Int?) -> [Double] {
        let simulated = 1 + Double(replications ?? 0) / 2
        let repair: Double = switch mode {
        case .evaluate: 0
        case .repair: 100
        case .replan: 500
        }
        let columns = (0..<scenarios).map { $0 == 0 ? simulated : simulated + repair }
        return columns + (sweep?.values ?? []).map { _ in 1 }
    }
}
