/// A flow from skill pools to queues within one interval: source → pool (capacity the pool's
/// agents) → queue (unbounded, at the arc's cost) → sink (capacity the queue's demand, at the
/// queue's cost, or in pieces at rising costs: a convex cost of what reaches the queue).
/// Small by nature (pools + queues + 2 nodes), so plain augmenting paths suffice.
struct PoolFlow {
    private struct Edge {
        var to: Int
        var capacity: Double
        var cost: Double
        var flow = 0.0
    }

    /// Amounts below this count as zero (agents are counted in shares of an interval).
    static let tolerance = 1e-12

    private var edges: [Edge] = []
    private var outgoing: [[Int]]
    private let source: Int
    private let sink: Int
    private let poolCount: Int
    /// Per pool, the edge index of each pool → queue arc, in `poolQueues` order.
    private var poolEdges: [[Int]] = []
    /// Per queue, its queue → sink arcs (one, or one per piece).
    private var queueEdges: [[Int]] = []

    /// Creates the network with no flow.
    /// - Parameters:
    ///   - supply: agents present per pool.
    ///   - poolQueues: the queue indices each pool may work.
    ///   - demand: the most each queue takes.
    ///   - arcCost: the cost of one agent of a pool on one of its queues (the pool's index, the
    ///     position of the queue in `poolQueues[pool]`).
    ///   - queueCost: the cost of one agent reaching each queue (negative to attract flow).
    init(supply: [Double], poolQueues: [[Int]], demand: [Double], arcCost: (Int, Int) -> Double = { _, _ in 0 },
         queueCost: [Double]? = nil) {
        self.init(supply: supply, poolQueues: poolQueues, pieces: demand.indices.map { [(capacity: demand[$0], cost: queueCost?[$0] ?? 0)] },
                  arcCost: arcCost)
    }

    /// Creates the network with no flow, each queue taking its flow in `pieces` (capacity and
    /// cost per agent; a minimum-cost flow fills the cheapest first, so the costs of a queue
    /// should rise from piece to piece).
    init(supply: [Double], poolQueues: [[Int]], pieces: [[(capacity: Double, cost: Double)]], arcCost: (Int, Int) -> Double = { _, _ in 0 }) {
        poolCount = supply.count
        source = poolCount + pieces.count
        sink = source + 1
        outgoing = Array(repeating: [], count: sink + 1)
        for pool in supply.indices { addEdge(from: source, to: pool, capacity: max(0, supply[pool]), cost: 0) }
        for pool in supply.indices {
            poolEdges.append(poolQueues[pool].enumerated().map { slot, queue in
                addEdge(from: pool, to: poolCount + queue, capacity: .infinity, cost: arcCost(pool, slot))
            })
        }
        for queue in pieces.indices {
            queueEdges.append(pieces[queue].map { addEdge(from: poolCount + queue, to: sink, capacity: max(0, $0.capacity), cost: $0.cost) })
        }
    }

    /// The flow from `pool` to the queue at position `slot` of its queues.
    func flow(pool: Int, slot: Int) -> Double { edges[poolEdges[pool][slot]].flow }

    /// The flow reaching each queue.
    var queueFlow: [Double] { queueEdges.map { $0.reduce(0) { $0 + edges[$1].flow } } }

    /// Per queue, whether more could reach it: a path with room from the source to the queue.
    func queuesWithRoom() -> [Bool] {
        var reached = Array(repeating: false, count: outgoing.count)
        reached[source] = true
        var stack = [source]
        while let node = stack.popLast() {
            for edge in outgoing[node] where residual(edge) > Self.tolerance && !reached[edges[edge].to] {
                reached[edges[edge].to] = true
                stack.append(edges[edge].to)
            }
        }
        return queueEdges.indices.map { reached[poolCount + $0] }
    }

    /// The supply of the pools that can reach any queue in `queues`.
    func supply(reaching queues: [Bool]) -> Double {
        var total = 0.0
        for pool in 0..<poolCount where poolEdges[pool].contains(where: { queues[edges[$0].to - poolCount] }) {
            total += edges[outgoing[source][pool]].capacity
        }
        return total
    }

    @discardableResult
    private mutating func addEdge(from: Int, to: Int, capacity: Double, cost: Double) -> Int {
        edges.append(Edge(to: to, capacity: capacity, cost: cost))
        edges.append(Edge(to: from, capacity: 0, cost: -cost))
        outgoing[from].append(edges.count - 2)
        outgoing[to].append(edges.count - 1)
        return edges.count - 2
    }

    private func residual(_ edge: Int) -> Double { edges[edge].capacity - edges[edge].flow }

    /// A maximum flow, by shortest augmenting paths (costs ignored).
    mutating func maximize() {
        while true {
            var via = Array(repeating: -1, count: outgoing.count)
            var queue = [source]
            var head = 0
            while head < queue.count, via[sink] < 0 {
                let node = queue[head]
                head += 1
                for edge in outgoing[node] where residual(edge) > Self.tolerance {
                    let next = edges[edge].to
                    if next != source, via[next] < 0 {
                        via[next] = edge
                        queue.append(next)
                    }
                }
            }
            guard via[sink] >= 0, augment(along: via) else { return }
        }
    }

    /// A minimum-cost flow: augments along cheapest paths (Bellman–Ford) while they lower the cost.
    mutating func minimizeCost() {
        let nodes = outgoing.count
        for _ in 0..<(4 * edges.count + 8) {
            var distance = Array(repeating: Double.infinity, count: nodes)
            var via = Array(repeating: -1, count: nodes)
            distance[source] = 0
            for _ in 0..<nodes {
                var changed = false
                for node in 0..<nodes where distance[node].isFinite {
                    for edge in outgoing[node] where residual(edge) > Self.tolerance {
                        let next = edges[edge].to
                        if distance[node] + edges[edge].cost < distance[next] - Self.tolerance {
                            distance[next] = distance[node] + edges[edge].cost
                            via[next] = edge
                            changed = true
                        }
                    }
                }
                if !changed { break }
            }
            guard distance[sink] < -Self.tolerance, augment(along: via) else { return }
        }
    }

    /// Pushes the most the path ending at the sink takes; false when it takes nothing.
    private mutating func augment(along via: [Int]) -> Bool {
        var amount = Double.infinity
        var node = sink
        while node != source {
            amount = min(amount, residual(via[node]))
            node = edges[via[node] ^ 1].to
        }
        guard amount > Self.tolerance, amount.isFinite else { return false }
        node = sink
        while node != source {
            edges[via[node]].flow += amount
            edges[via[node] ^ 1].flow -= amount
            node = edges[via[node] ^ 1].to
        }
        return true
    }
}
