/// Splits the agents present in one interval across the queues they can take, by a stated
/// rule — the roster file says who is present, not which queue each works.
///
/// 1. **Cover the requirements the way the scheduler does**: the split minimizes the
///    weighted shortfall Σ weight(q) · max(0, required(q) − allocated(q)), the scheduler's own
///    objective within an interval (a minimum-cost flow from skill pools to queues, solved
///    exactly by successive shortest paths).
/// 2. **Spread the rest by load**: agents left over in a pool go to that pool's queues in
///    proportion to the queues' offered load in the interval (equally if none has calls),
///    since an extra agent helps most where the work is.
public enum QueueAllocator {
    /// The pools' agents split across queues.
    /// - Parameters:
    ///   - supply: agents present in each pool (any non-negative amounts).
    ///   - poolQueues: the queue indices each pool can take; queues closed in the interval
    ///     must be left out by the caller.
    ///   - required: agents required per queue.
    ///   - weights: shortfall weight per queue (> 0).
    ///   - load: offered load per queue, in erlangs, for spreading the rest.
    /// - Returns: `allocation[pool][queue]`.
    /// - Complexity: O(augmentations × edges × nodes), with nodes = pools + queues + 2.
    public static func allocate(
        supply: [Double], poolQueues: [[Int]], required: [Double], weights: [Double], load: [Double]
    ) -> [[Double]] {
        let queueCount = required.count
        var allocation = Array(repeating: Array(repeating: 0.0, count: queueCount), count: supply.count)
        var flow = ShortfallFlow(supply: supply, poolQueues: poolQueues, required: required, weights: weights)
        flow.solve()
        var left = supply
        for pool in supply.indices {
            for (edge, queue) in zip(flow.poolEdges[pool], poolQueues[pool]) {
                let amount = flow.flow(on: edge)
                allocation[pool][queue] += amount
                left[pool] -= amount
            }
        }
        for pool in supply.indices where left[pool] > 1e-12 && !poolQueues[pool].isEmpty {
            let queues = poolQueues[pool]
            let total = queues.reduce(0) { $0 + max(0, load[$1]) }
            for queue in queues {
                let share = total > 0 ? max(0, load[queue]) / total : 1 / Double(queues.count)
                allocation[pool][queue] += left[pool] * share
            }
        }
        return allocation
    }
}

/// The minimum-cost flow behind step 1 of ``QueueAllocator``: source → pool (capacity the
/// pool's agents) → queue (unbounded) → sink (capacity the requirement, cost −weight).
private struct ShortfallFlow {
    private struct Edge {
        var to: Int
        var capacity: Double
        var cost: Double
        var flow = 0.0
    }

    private var edges: [Edge] = []
    private var outgoing: [[Int]]
    private let source: Int
    private let sink: Int
    /// Per pool, the edge index of each pool → queue arc, in `poolQueues` order.
    private(set) var poolEdges: [[Int]] = []

    init(supply: [Double], poolQueues: [[Int]], required: [Double], weights: [Double]) {
        let pools = supply.count
        source = pools + required.count
        sink = source + 1
        outgoing = Array(repeating: [], count: sink + 1)
        for pool in 0..<pools { addEdge(from: source, to: pool, capacity: max(0, supply[pool]), cost: 0) }
        for pool in 0..<pools {
            poolEdges.append(poolQueues[pool].map { addEdge(from: pool, to: pools + $0, capacity: .infinity, cost: 0) })
        }
        for queue in required.indices {
            addEdge(from: pools + queue, to: sink, capacity: max(0, required[queue]), cost: -weights[queue])
        }
    }

    func flow(on edge: Int) -> Double { edges[edge].flow }

    @discardableResult
    private mutating func addEdge(from: Int, to: Int, capacity: Double, cost: Double) -> Int {
        edges.append(Edge(to: to, capacity: capacity, cost: cost))
        edges.append(Edge(to: from, capacity: 0, cost: -cost))
        outgoing[from].append(edges.count - 2)
        outgoing[to].append(edges.count - 1)
        return edges.count - 2
    }

    private func residual(_ edge: Int) -> Double { edges[edge].capacity - edges[edge].flow }

    /// Augments along cheapest source–sink paths (Bellman–Ford) while they lower the cost.
    mutating func solve() {
        let nodes = outgoing.count
        let tolerance = 1e-12
        for _ in 0..<(4 * edges.count + 8) {
            var distance = Array(repeating: Double.infinity, count: nodes)
            var via = Array(repeating: -1, count: nodes)
            distance[source] = 0
            for _ in 0..<nodes {
                var changed = false
                for node in 0..<nodes where distance[node].isFinite {
                    for edge in outgoing[node] where residual(edge) > tolerance {
                        let next = edges[edge].to
                        if distance[node] + edges[edge].cost < distance[next] - tolerance {
                            distance[next] = distance[node] + edges[edge].cost
                            via[next] = edge
                            changed = true
                        }
                    }
                }
                if !changed { break }
            }
            guard distance[sink] < -tolerance else { return }
            var amount = Double.infinity
            var node = sink
            while node != source {
                let edge = via[node]
                amount = min(amount, residual(edge))
                node = edges[edge ^ 1].to
            }
            guard amount > tolerance, amount.isFinite else { return }
            node = sink
            while node != source {
                let edge = via[node]
                edges[edge].flow += amount
                edges[edge ^ 1].flow -= amount
                node = edges[edge ^ 1].to
            }
        }
    }
}
