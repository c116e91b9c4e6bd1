import Synchronization
import Testing
import WFMOptimization

/// The backstop only records: it fires when time is used up or a stage says so, and a stage's
/// part of it fires the whole. Read on a clock of the test's own, which moves only when the
/// test moves it, so nothing here depends on the machine's speed.
@Suite struct TimeBackstopTests {
    /// A clock that stands still until moved.
    final class TestClock: Sendable {
        private let reading = Mutex(ContinuousClock.now)

        var now: ContinuousClock.Instant { reading.withLock { $0 } }

        func advance(by duration: Duration) { reading.withLock { $0 += duration } }

        func backstop(after limit: Duration) -> TimeBackstop { TimeBackstop(after: limit) { [self] in now } }
    }

    @Test func aFreshBackstopHasTimeAndHasNotFired() throws {
        let clock = TestClock()
        let backstop = clock.backstop(after: .seconds(60))
        #expect(backstop.remaining() == .seconds(60))
        clock.advance(by: .seconds(45))
        #expect(backstop.remaining() == .seconds(15))
        #expect(!backstop.isExpired && !backstop.hasFired)
    }

    @Test func usedUpTimeFiresIt() {
        let clock = TestClock()
        let backstop = clock.backstop(after: .seconds(1))
        clock.advance(by: .milliseconds(995))
        #expect(!backstop.hasFired, "nothing was stopped yet")
        #expect(backstop.remaining() == nil, "5 ms is too little to start a solve")
        #expect(backstop.hasFired, "asking for time that is not there means work is cut")
    }

    @Test func aStageEndsEarlierAndFiresTheWhole() {
        let clock = TestClock()
        let whole = clock.backstop(after: .seconds(100))
        clock.advance(by: .seconds(50))
        let stage = whole.stage(taking: 0.8)
        #expect(stage.deadline == whole.deadline - .seconds(10), "80% of the 50 s left")
        #expect(stage.remaining() == .seconds(40))
        stage.fire()
        #expect(stage.hasFired && whole.hasFired)
        let other = clock.backstop(after: .seconds(100))
        other.stage(taking: 0.5).fire()
        #expect(other.hasFired)
        let untouched = clock.backstop(after: .seconds(100))
        _ = untouched.stage(taking: 0.5)
        #expect(!untouched.hasFired)
    }

    @Test func workCalledOffHasNoTimeLeftButNothingFired() throws {
        let clock = TestClock()
        let whole = clock.backstop(after: .seconds(100))
        let part = whole.revocable()
        #expect(part.deadline == whole.deadline)
        #expect(part.remaining() == .seconds(100))
        part.callOff()
        #expect(part.remaining() == nil && part.isExpired)
        #expect(!part.hasFired && !whole.hasFired, "calling off is not the clock")
        #expect(!whole.isExpired, "the rest of the run keeps its time")
        let late = clock.backstop(after: .zero).revocable()
        #expect(late.isExpired && late.hasFired, "a revocable part still ends with the clock")
    }
}
