import Testing
import WFMReporting

@Suite("QueueAllocator")
struct QueueAllocatorTests {
    @Test func sharedAgentsCoverWhatOnlyTheyCan() {
        let allocation = QueueAllocator.allocate(supply: [1, 1], poolQueues: [[0], [0, 1]], required: [1, 1], weights: [1, 1], load: [1, 1])
        #expect(allocation == [[1, 0], [0, 1]])
    }

    @Test func theHeavierShortfallWeightWins() {
        let allocation = QueueAllocator.allocate(supply: [1], poolQueues: [[0, 1]], required: [1, 1], weights: [1, 2], load: [1, 1])
        #expect(allocation == [[0, 1]])
    }

    /// Three agents, one required on queue 0: the two left over go 1 : 3 by offered load.
    @Test func theRestFollowsTheLoad() {
        let allocation = QueueAllocator.allocate(supply: [3], poolQueues: [[0, 1]], required: [1, 0], weights: [1, 1], load: [1, 3])
        #expect(abs(allocation[0][0] - 1.5) < 1e-12 && abs(allocation[0][1] - 1.5) < 1e-12)
    }

    /// Pools must be rerouted: pool 0 (queues 0, 1) first fills queue 0 on the cheapest path,
    /// but only pool 0 reaches queue 1, so the optimum sends pool 1 to queue 0.
    @Test func findsTheOptimumThroughAReroute() {
        let allocation = QueueAllocator.allocate(supply: [2, 2], poolQueues: [[0, 1], [0, 2]], required: [2, 2, 0], weights: [1, 1, 1], load: [1, 1, 0])
        let covered = (0..<3).map { queue in allocation.reduce(0) { $0 + $1[queue] } }
        #expect(abs(covered[0] - 2) < 1e-12 && abs(covered[1] - 2) < 1e-12)
    }

    @Test func nothingToAllocate() {
        #expect(QueueAllocator.allocate(supply: [0], poolQueues: [[0]], required: [2], weights: [1], load: [1]) == [[0]])
        #expect(QueueAllocator.allocate(supply: [2], poolQueues: [[]], required: [2], weights: [1], load: [1]) == [[0]])
    }
}
