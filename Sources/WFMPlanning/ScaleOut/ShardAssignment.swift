/// Which items of a fanned-out run each shard takes: balanced by expected work, the same on
/// every machine, so that every shard computes the same split without talking to the others.
public struct ShardAssignment: Sendable, Equatable {
    /// Per shard, the positions of its items in the run's order, ascending.
    public let items: [[Int]]

    /// Splits items of the given expected work over `shards` shards: the largest first, each to
    /// the shard with the least work so far (the longest-processing-time rule, within 4/3 of
    /// the best possible longest shard); ties go to the earlier item and the lower shard.
    /// - Parameters:
    ///   - work: each item's expected work, in any unit (``ExpectedWork``); negative counts as 0.
    ///   - shards: the shard count, at least 1.
    /// - Complexity: O(n log n + n · shards) for n items.
    public init(work: [Double], shards: Int) {
        let count = max(1, shards)
        var load = [Double](repeating: 0, count: count)
        var items = [[Int]](repeating: [], count: count)
        let order = work.indices.sorted { (max(0, work[$0]), $1) > (max(0, work[$1]), $0) }
        for item in order {
            let shard = load.indices.min { (load[$0], $0) < (load[$1], $1) }!
            load[shard] += max(0, work[item])
            items[shard].append(item)
        }
        self.items = items.map { $0.sorted() }
    }

    /// The positions shard `shard` takes.
    public func items(of shard: Shard) -> [Int] { shard.index < items.count ? items[shard.index] : [] }
}

/// The expected work of one center's week, for balancing shards: agents × intervals of the
/// week × √queues. The scheduler's model grows with agents × intervals, and cross-training over
/// more queues adds to it. Measured with `wfm plan` (release build, 2 cores, three runs each,
/// centers of `wfm bench generate --centers 3 --size small,medium,large` and the demo): 0.47 s
/// for 20,160 units (small), 7.5 s for 139,700 (the demo) and for 174,600 (medium), 21 s for
/// 806,400 (large) — between 23 and 53 µs a unit across a fortyfold range of sizes. The
/// largest-first rule needs no more than that: it orders and adds, and the merged result does
/// not depend on the split.
public enum ExpectedWork {
    /// The expected work of a week of `agents` agents, `intervals` intervals and `queues` queues.
    public static func of(agents: Int, intervals: Int, queues: Int) -> Double {
        Double(max(0, agents)) * Double(max(0, intervals)) * Double(max(1, queues)).squareRoot()
    }
}
