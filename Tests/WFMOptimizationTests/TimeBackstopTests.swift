import Testing
import WFMOptimization

/// The backstop only records: it fires when time is used up or a stage says so, and a stage's
/// part of it fires the whole.
@Suite struct TimeBackstopTests {
    @Test func aFreshBackstopHasTimeAndHasNotFired() throws {
        let backstop = TimeBackstop(after: .seconds(60))
        let left = try #require(backstop.remaining())
        #expect(left > .seconds(59) && left <= .seconds(60))
        #expect(!backstop.isExpired && !backstop.hasFired)
    }

    @Test func usedUpTimeFiresIt() {
        let backstop = TimeBackstop(after: .zero)
        #expect(!backstop.hasFired, "nothing was stopped yet")
        #expect(backstop.remaining() == nil)
        #expect(backstop.hasFired, "asking for time that is not there means work is cut")
    }

    @Test func aStageEndsEarlierAndFiresTheWhole() {
        let whole = TimeBackstop(after: .seconds(100))
        let stage = whole.stage(taking: 0.8)
        #expect(stage.deadline < whole.deadline)
        #expect(stage.deadline > whole.deadline - .seconds(21))
        stage.fire()
        #expect(stage.hasFired && whole.hasFired)
        let other = TimeBackstop(after: .seconds(100))
        other.stage(taking: 0.5).fire()
        #expect(other.hasFired)
        let untouched = TimeBackstop(after: .seconds(100))
        _ = untouched.stage(taking: 0.5)
        #expect(!untouched.hasFired)
    }

    @Test func workCalledOffHasNoTimeLeftButNothingFired() throws {
        let whole = TimeBackstop(after: .seconds(100))
        let part = whole.revocable()
        #expect(part.deadline == whole.deadline)
        #expect(try #require(part.remaining()) > .seconds(99))
        part.callOff()
        #expect(part.remaining() == nil && part.isExpired)
        #expect(!part.hasFired && !whole.hasFired, "calling off is not the clock")
        #expect(!whole.isExpired, "the rest of the run keeps its time")
        let late = TimeBackstop(after: .zero).revocable()
        #expect(late.isExpired && late.hasFired, "a revocable part still ends with the clock")
    }
}
