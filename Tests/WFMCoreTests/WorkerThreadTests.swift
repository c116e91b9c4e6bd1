import Foundation
import Synchronization
import Testing
import WFMCore

@Suite struct WorkerThreadTests {
    struct Refused: Error, Equatable {}

    @Test func aThrowingWorkerIsJoinedWithItsErrorAfterItsEndHookRan() {
        let ended = Atomic<Bool>(false)
        let worker = WorkerThread<Int>(ended: { ended.store(true, ordering: .relaxed) }) { throw Refused() }
        #expect(throws: Refused.self) { try worker.join() }
        let endHookRan = ended.load(ordering: .relaxed)
        #expect(endHookRan)
        // Joining again gives the same answer and does not wait forever.
        #expect(throws: Refused.self) { try worker.join() }
    }

    @Test func aWorkerReturnsItsValueToEveryJoin() throws {
        let handoff = Handoff<Int>()
        let worker = WorkerThread { handoff.take() * 2 }
        handoff.put(21)
        #expect(try worker.join() == 42)
        #expect(try worker.join() == 42)
    }

    @Test func onlyTheFirstPutOfAHandoffCounts() {
        let handoff = Handoff<String>()
        #expect(handoff.put("first"))
        #expect(!handoff.put("second"))
        #expect(handoff.take() == "first")
        #expect(handoff.take() == "first")
    }

    @Test func parallelMapReturnsResultsInItemOrderAndTheFirstErrorByItem() {
        let squares = try? ParallelMap.map(count: 50, threads: 4, order: Array((0..<50).reversed())) { $0 * $0 }
        #expect(squares == (0..<50).map { $0 * $0 })
        #expect(throws: Refused.self) {
            try ParallelMap.map(count: 10, threads: 3) { item -> Int in
                if item >= 4 { throw Refused() }
                return item
            }
        }
    }
}
