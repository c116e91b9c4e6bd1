import Foundation
import Testing
import WFMCore
import WFMGLPK
import WFMMeasure
import WFMOptimization

/// The split rule on cases worked by hand, and on random intervals against linear programs
/// solved by GLPK (an independent oracle: the weighted shortfall no split can beat, and the
/// largest share of the requirement the heaviest queues can all be given).
@Suite(.serialized) struct QueueSplitTests {
    func pools(_ queues: [[Int]], priorities: [[Int]]? = nil) -> [[SkillPools.Member]] {
        queues.enumerated().map { pool, members in
            members.enumerated().map { slot, queue in SkillPools.Member(queue: queue, priority: priorities?[pool][slot] ?? 1) }
        }
    }

    func totals(_ allocation: [[Double]], queues: Int) -> [Double] {
        (0..<queues).map { queue in allocation.reduce(0) { $0 + $1[queue] } }
    }

    @Test func theOnlyAgentWhoCanTakeAQueueGoesThere() {
        let allocation = QueueSplit.split(supply: [1, 1], pools: pools([[0], [0, 1]]), required: [1, 1], weights: [1, 1])
        #expect(allocation == [[1, 0], [0, 1]])
    }

    @Test func theHeavierQueueIsCoveredFirst() {
        let allocation = QueueSplit.split(supply: [1], pools: pools([[0, 1]]), required: [1, 1], weights: [1, 2])
        #expect(allocation == [[0, 1]])
    }

    /// Three agents for two queues of two: each is given the same share of its requirement.
    @Test func queuesOfOneWeightAreEquallyShortInProportion() {
        let allocation = QueueSplit.split(supply: [3], pools: pools([[0, 1]]), required: [2, 4], weights: [1, 1])
        #expect(abs(allocation[0][0] - 1) < 1e-9 && abs(allocation[0][1] - 2) < 1e-9, "\(allocation)")
    }

    /// Six agents for requirements of 1 and 2: the three left over go 1:2, as the requirements.
    @Test func theRestIsSpreadInProportionToTheRequirement() {
        let allocation = QueueSplit.split(supply: [6], pools: pools([[0, 1]]), required: [1, 2], weights: [1, 1])
        #expect(abs(allocation[0][0] - 2) < 1e-9 && abs(allocation[0][1] - 4) < 1e-9, "\(allocation)")
    }

    /// Queue 0 can only be given what the shared pool has; the spare single-skilled agents of
    /// queue 1 stay on queue 1, and the shared pool covers queue 0 before anything else.
    @Test func aQueueStopsWhereItsAgentsRunOut() {
        let allocation = QueueSplit.split(supply: [2, 4], pools: pools([[0, 1], [1]]), required: [3, 2], weights: [1, 1])
        let given = totals(allocation, queues: 2)
        #expect(abs(given[0] - 2) < 1e-9 && abs(given[1] - 4) < 1e-9, "\(allocation)")
    }

    /// The first skill takes the time when either way covers the same: pool 1 prefers queue 1.
    @Test func firstSkillsAreKeptWhenTheTotalsAllowIt() {
        let allocation = QueueSplit.split(supply: [1, 1], pools: pools([[0, 1], [0, 1]], priorities: [[1, 2], [2, 1]]),
                                          required: [1, 1], weights: [1, 1])
        #expect(allocation == [[1, 0], [0, 1]])
    }

    @Test func agentsOfQueuesWithNoRequirementAreSplitEquallyOrLeftOut() {
        #expect(QueueSplit.split(supply: [2], pools: pools([[0, 1]]), required: [0, 0], weights: [1, 1]) == [[1, 1]])
        #expect(QueueSplit.split(supply: [2], pools: pools([[]]), required: [2], weights: [1]) == [[0]])
        #expect(QueueSplit.split(supply: [0], pools: pools([[0]]), required: [2], weights: [1]) == [[0]])
    }

    /// Random intervals: the queue totals do not depend on the pools' order; no split has a
    /// smaller weighted shortfall (GLPK); the heaviest queues all get the largest share of
    /// their requirement any split can give them all (GLPK); every agent who can take a queue
    /// with a requirement is given to one.
    @Test func randomIntervalsMeetTheRuleAndDoNotDependOnOrder() throws {
        var generator = SeededGenerator(seed: 20)
        for _ in 0..<60 {
            let queueCount = Int.random(in: 2...4, using: &generator)
            let poolCount = Int.random(in: 1...5, using: &generator)
            let queues = (0..<poolCount).map { _ in
                (0..<queueCount).filter { _ in Bool.random(using: &generator) }
            }
            let supply = (0..<poolCount).map { _ in Double(Int.random(in: 0...12, using: &generator)) / 2 }
            let required = (0..<queueCount).map { _ in Double(Int.random(in: 0...8, using: &generator)) }
            let weights = (0..<queueCount).map { _ in Double(Int.random(in: 1...2, using: &generator)) }
            let allocation = QueueSplit.split(supply: supply, pools: pools(queues), required: required, weights: weights)
            let given = totals(allocation, queues: queueCount)
            let order = Array((0..<poolCount).reversed())
            let reversed = QueueSplit.split(supply: order.map { supply[$0] }, pools: pools(order.map { queues[$0] }), required: required,
                                            weights: weights)
            for (a, b) in zip(given, totals(reversed, queues: queueCount)) { #expect(abs(a - b) < 1e-9) }
            let shortfall = zip(zip(required, given), weights).reduce(0.0) { $0 + $1.1 * max(0, $1.0.0 - $1.0.1) }
            #expect(abs(shortfall - (try leastWeightedShortfall(supply: supply, queues: queues, required: required, weights: weights))) < 1e-6)
            let heaviest = required.indices.filter { required[$0] > 0 && weights[$0] == 2 }
            if !heaviest.isEmpty {
                let share = heaviest.map { min(1, given[$0] / required[$0]) }.min()!
                #expect(abs(share - (try largestCommonShare(of: heaviest, supply: supply, queues: queues, required: required))) < 1e-6)
            }
            for pool in 0..<poolCount where queues[pool].contains(where: { required[$0] > 0 }) {
                #expect(abs(allocation[pool].reduce(0, +) - supply[pool]) < 1e-9, "pool \(pool) is used whole")
            }
        }
    }

    private func leastWeightedShortfall(supply: [Double], queues: [[Int]], required: [Double], weights: [Double]) throws -> Double {
        var model = MIPModel(name: "least shortfall")
        let (given, _) = splitVariables(&model, supply: supply, queues: queues, queueCount: required.count)
        var objective: [(VariableID, Double)] = []
        for queue in required.indices {
            let short = model.addVariable(name: "short\(queue)")
            model.addConstraint(name: "cover\(queue)", LinearExpression(given[queue] + [(short, 1)]), .greaterOrEqual(required[queue]))
            objective.append((short, weights[queue]))
        }
        model.setObjective(.minimize, LinearExpression(objective))
        return try #require(try GLPKSolver().solve(model).objective)
    }

    private func largestCommonShare(of heaviest: [Int], supply: [Double], queues: [[Int]], required: [Double]) throws -> Double {
        var model = MIPModel(name: "common share")
        let (given, _) = splitVariables(&model, supply: supply, queues: queues, queueCount: required.count)
        let share = model.addVariable(name: "share", lowerBound: 0, upperBound: 1)
        for queue in heaviest {
            model.addConstraint(name: "share\(queue)", LinearExpression(given[queue] + [(share, -required[queue])]), .greaterOrEqual(0))
        }
        model.setObjective(.maximize, LinearExpression([(share, 1)]))
        return try #require(try GLPKSolver().solve(model).objective)
    }

    /// Variables x(pool, queue) ≥ 0 with each pool's total at most its supply; per queue, the
    /// terms of what it is given.
    private func splitVariables(_ model: inout MIPModel, supply: [Double], queues: [[Int]], queueCount: Int)
        -> ([[(VariableID, Double)]], [VariableID])
    {
        var given = Array(repeating: [(VariableID, Double)](), count: queueCount)
        var all: [VariableID] = []
        for (pool, members) in queues.enumerated() {
            let variables = members.map { model.addVariable(name: "x\(pool)_\($0)") }
            for (variable, queue) in zip(variables, members) { given[queue].append((variable, 1)) }
            if !variables.isEmpty {
                model.addConstraint(name: "supply\(pool)", LinearExpression(variables.map { ($0, 1) }), .lessOrEqual(supply[pool]))
            }
            all += variables
        }
        return (given, all)
    }
}
