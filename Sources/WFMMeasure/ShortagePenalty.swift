import Foundation
import WFMCore
import WFMQueueing

/// What leaving a queue short costs in one interval: convex and piecewise linear in the agents
/// missing, so that a roster that cannot cover everything spreads its shortage where it costs
/// callers least, rather than anywhere (a linear penalty cannot tell one agent missing from
/// each of five intervals from five agents missing from one).
///
/// The first agent missing costs the queue's shortfall price (`shortfall_per_agent_hour` times
/// its weight, ``ObjectivePrices/shortfall(_:)``). The next ones follow the interval's
/// service-level curve (Erlang C, or Erlang A with a patience): each piece costs the calls it
/// stops answering within the target per agent, relative to what the first agent missing
/// stops, never less than the piece before (so the penalty stays convex where the curve
/// flattens out, below the offered load) and at most ``steepestWeight`` times the first.
/// Without the calls behind the requirement (a requirements file with agents only), every
/// agent missing costs the same. Below the queue's `min_agents` on the phones, each agent
/// missing costs ``belowFloorPerAgentInterval``: the floor holds whenever the team can meet it.
public struct ShortagePenalty: Sendable {
    /// A stretch of the shortage at one price.
    public struct Piece: Sendable, Equatable {
        /// Agents of shortage the piece spans.
        public let agents: Double
        /// The price of one agent of it for one interval.
        public let pricePerAgent: Double
    }

    /// The price of one agent below a queue's `min_agents` for one interval: far above every
    /// other price of the roster, and below a broken contract rule (the group model's elastic
    /// slack costs ten times more), so the floor gives way only to the contracts.
    public static let belowFloorPerAgentInterval = 1e5

    /// The most an agent missing costs, as a multiple of the first: it bounds the penalty of a
    /// deep shortage to a few times the linear one, so that `shortfall_per_agent_hour` keeps
    /// its meaning against the paid hour. A modeling choice, not a tuned figure.
    public static let steepestWeight = 4.0

    /// Where the pieces change, in agents missing: the first, the second, the third and fourth,
    /// the fifth to eighth, and the rest down to the floor.
    static let breakpoints: [Double] = [1, 2, 4, 8]

    /// `pieces[q][t]`, cheapest first; their agents add up to the requirement.
    public let pieces: [[[Piece]]]

    /// The penalty of `requirements` in `center`.
    public init(center: Center, requirements: RequirementMatrix) {
        let prices = ObjectivePrices(center: center)
        let grid = center.timeGrid
        pieces = requirements.queues.enumerated().map { q, id in
            let queue = center.queue(id)
            return requirements.agents[q].indices.map { t in
                let required = requirements.agents[q][t]
                guard required > 0 else { return [] }
                let floor = Double(min(queue?.minAgents ?? 0, Int(required.rounded(.down))))
                let weights = Self.weights(required: required, above: floor, load: requirements.loads[q][t], queue: queue,
                                           intervalSeconds: grid.intervalSeconds)
                var result = weights.map { Piece(agents: $0.agents, pricePerAgent: prices.shortfall(queue) * $0.weight) }
                if floor > 0 { result.append(Piece(agents: floor, pricePerAgent: Self.belowFloorPerAgentInterval)) }
                return result
            }
        }
    }

    /// The cost of `short` agents missing from queue `q` (center.yaml order) in interval `t`.
    public func cost(queue q: Int, interval t: Int, short: Double) -> Double {
        var left = short, total = 0.0
        for piece in pieces[q][t] where left > 0 {
            let taken = min(left, piece.agents)
            total += taken * piece.pricePerAgent
            left -= taken
        }
        return total
    }

    /// Agents missing below `min_agents` on the phones, for queue `q` in interval `t`, when
    /// `short` are missing in all.
    public func belowFloor(queue q: Int, interval t: Int, short: Double) -> Double {
        guard let last = pieces[q][t].last, last.pricePerAgent == Self.belowFloorPerAgentInterval else { return 0 }
        let aboveFloor = pieces[q][t].dropLast().reduce(0) { $0 + $1.agents }
        return max(0, short - aboveFloor)
    }

    /// The pieces above the floor: widths and weights relative to the first agent missing.
    private static func weights(required: Double, above floor: Double, load: RequirementLoad?, queue: Queue?, intervalSeconds: Double)
        -> [(agents: Double, weight: Double)]
    {
        let span = required - floor
        guard span > 1e-9 else { return [] }
        let ends = (breakpoints.filter { $0 < span } + [span])
        let starts = [0.0] + ends.dropLast()
        let answered = answeredCurve(required: required, load: load, queue: queue, intervalSeconds: intervalSeconds)
        let marginal = zip(starts, ends).map { start, end in
            answered.map { ($0(required - start) - $0(required - end)) / (end - start) } ?? 0
        }
        let first = marginal.first ?? 0
        guard first > 1e-9 else { return [(span, 1)] }
        var weight = 1.0
        // Neighbours at one price (where the curve flattens, or at the cap) are one piece: the
        // same penalty with fewer variables in the model.
        var pieces: [(agents: Double, weight: Double)] = []
        for (range, loss) in zip(zip(starts, ends), marginal) {
            weight = min(steepestWeight, max(weight, loss / first))
            if let last = pieces.last, last.weight == weight {
                pieces[pieces.count - 1].agents += range.1 - range.0
            } else {
                pieces.append((range.1 - range.0, weight))
            }
        }
        return pieces
    }

    /// Calls answered within the target with `x` agents on the phones (of `required`), by
    /// the queue's model, interpolated between whole productive agents; nil without a load.
    private static func answeredCurve(required: Double, load: RequirementLoad?, queue: Queue?, intervalSeconds: Double)
        -> ((Double) -> Double)?
    {
        guard let load, let queue, load.calls > 0, load.productiveAgents > 0,
            let model = try? queueModel(for: QueueLoad(calls: load.calls, averageHandleTimeSeconds: load.ahtSeconds,
                                                       intervalSeconds: intervalSeconds, patienceSeconds: queue.patienceSeconds))
        else { return nil }
        let productiveShare = load.productiveAgents / required
        let threshold = queue.serviceLevel.withinSeconds
        func level(_ agents: Int) -> Double { agents <= 0 ? 0 : model.performance(agents: agents, thresholdSeconds: threshold).serviceLevel }
        return { present in
            let productive = max(0, present * productiveShare)
            let below = productive.rounded(.down)
            let low = level(Int(below)), high = level(Int(below) + 1)
            return load.calls * (low + (high - low) * (productive - below))
        }
    }
}
