import Synchronization

/// The wall-clock limit of a run, kept as a backstop only.
///
/// Algorithmic decisions follow deterministic budgets (LP solves, nodes), so that the same
/// inputs give the same result on a quiet or a busy machine. The clock is consulted only to
/// stop a run that would otherwise go on too long; when it stops anything, the backstop
/// records that it *fired*, so that the result can say it may depend on the machine's speed.
/// One backstop is shared by every stage and thread of a run, with the deadline computed once.
public final class TimeBackstop: Sendable {
    /// When the run must end.
    public let deadline: ContinuousClock.Instant
    private let fired = Atomic<Bool>(false)
    private let calledOff = Atomic<Bool>(false)
    /// The backstop of the whole run, when this one is a stage's part of it: firing this one
    /// fires that one too.
    private let whole: TimeBackstop?
    /// The clock's reading: the continuous clock, or a test's own.
    private let now: @Sendable () -> ContinuousClock.Instant

    /// A backstop `limit` from now, by the continuous clock.
    public convenience init(after limit: Duration) {
        self.init(after: limit, clock: { ContinuousClock.now })
    }

    /// A backstop `limit` from `clock()`'s reading, read again whenever time is asked for: a
    /// test's clock, that moves only when the test says.
    public init(after limit: Duration, clock: @escaping @Sendable () -> ContinuousClock.Instant) {
        now = clock
        deadline = clock() + limit
        whole = nil
    }

    private init(deadline: ContinuousClock.Instant, whole: TimeBackstop) {
        self.deadline = deadline
        self.whole = whole
        now = whole.now
    }

    /// A backstop for a stage of the run that ends once `share` (a fraction) of the time now
    /// left has passed, so that later stages keep the rest; when it fires, this one fires too.
    public func stage(taking share: Double) -> TimeBackstop {
        let reading = now()
        let left = deadline > reading ? deadline - reading : .zero
        return TimeBackstop(deadline: reading + left * max(0, min(1, share)), whole: self)
    }

    /// A backstop for work that may be called off before its time is up: it ends with this
    /// one, or when ``callOff()`` is called. Calling off is not the clock: it does not fire
    /// the backstop, so whoever calls work off must discard it by a rule that does not depend
    /// on how far it got.
    public func revocable() -> TimeBackstop {
        TimeBackstop(deadline: deadline, whole: self)
    }

    /// Calls the work off: from now on no time is left (see ``revocable()``).
    public func callOff() {
        calledOff.store(true, ordering: .relaxed)
    }

    /// The time left, or nil when the work was called off, or (and then the backstop counts
    /// as fired) when less than a hundredth of a second is left: too little to start a solve.
    public func remaining() -> Duration? {
        guard !calledOff.load(ordering: .relaxed) else { return nil }
        let left = deadline - now()
        guard left > .milliseconds(10) else {
            fire()
            return nil
        }
        return left
    }

    /// Whether the time is up (and if so, the backstop counts as fired).
    public var isExpired: Bool { remaining() == nil }

    /// Records that the clock stopped some work: a solve ended at its time limit, or work
    /// was skipped or cut short.
    public func fire() {
        fired.store(true, ordering: .relaxed)
        whole?.fire()
    }

    /// Whether the clock stopped any work of the run: then, and only then, the result may
    /// depend on the machine's speed.
    public var hasFired: Bool { fired.load(ordering: .relaxed) }
}
