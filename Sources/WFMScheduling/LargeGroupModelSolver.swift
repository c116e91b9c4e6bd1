import Foundation
import WFMCore
import WFMOptimization

/// How large group models are solved, on up to three paths. The interior-point method solves an LP
/// relaxation (far faster than GLPK's simplex on these models); its row duals give a proven
/// bound, the shift options it leaves unused are dropped, and an LP-guided dive on the much
/// smaller model that remains finds the roster — day by day (``BlockwiseDive``), its start
/// priced by the same duals.
///
/// Two threads share the work (see ``GroupRosterModel/BreakPlacement`` for the three ways of
/// writing breaks):
/// - the calling thread takes the *quick path*: it screens with the loose relaxation, whose
///   interior point is the fastest, and dives by day on the per-shift-option model, whose
///   simplex re-solves are the cheapest;
/// - meanwhile a worker solves the per-shift-option relaxation by interior point for the
///   exact LP bound.
///
/// When the loose relaxation's bound is clearly weaker than the exact one
/// (``looseIsTooWeak(_:exact:)``), the quick path is called off and the worker takes the
/// *bound path* instead: the exact bound's interior point screens and prices a dive by day of
/// the per-shift-option model. A roster of the quick (or the bound) path above the gap asked
/// for is then searched again day by day (``BlockImprovement``: each day's part by branch and
/// bound from the roster, the other days held). Only when neither path found a roster does
/// the worker take the *exact path*: it solves the cumulative-count relaxation by interior
/// point, whose duals price a dive of the cumulative-count model by day, with fallbacks (the
/// whole model after a dead end, and from a crash basis too when the dive by day ends above
/// the gap asked for). The roster depends only on what each path finds, never on which
/// thread finishes first, so runs stay deterministic.
///
/// The worker never outlives the call, and no solve is ever abandoned: GLPK's interior point
/// cannot be interrupted, so the worker starts nothing after the bound that the verdict does
/// not ask for, and the call returns only once the worker has ended. The worker frees its
/// GLPK environment before it ends.
struct LargeGroupModelSolver {
    let solver: any LPSessionSolver
    /// Shift options the interior point uses less than this are dropped.
    static let screeningThreshold = 0.01
    /// A rounding step costing more than this (a hundredth of a unit of elastic slack) is
    /// undone: the dive should not buy a broken contract with a rounding.
    static let largestStepIncrease = GroupRosterModel.elasticCost / 100
    /// The loose relaxation is too weak to screen with when its bound is more than this share
    /// below the exact one. Chosen on the demo, medium and large families (seed 1, 20 members
    /// each): on every member the loose bound is either within 0.0005% of the exact one (the
    /// bounds agree; where tried, the quick path did as well or better) or at least 0.044%
    /// below it (the bound path did as well or better); 0.01% lies between.
    /// docs/benchmarking.md (the large-model path's rules) has the distribution and the runs.
    static let weakLooseBound = 0.0001
    /// The search by day (``BlockImprovement``) gives each day at most this many subproblems
    /// per variable of the day's part of the plan, and at most ``improvementNodeLimit``. Chosen
    /// on the demo family and checked on the medium and large families; the budgets tried
    /// and what each found are in docs/benchmarking.md (the large-model path's rules).
    static let improvementNodeVariableBudget = 800_000
    /// The most subproblems of one day's search (see ``improvementNodeVariableBudget``).
    static let improvementNodeLimit = 400
    /// The search around the exact relaxation's solution (``RelaxationInducedSearch``), which
    /// comes before the search by day, may take as many subproblems as this divided by its free
    /// variables (about 10,000 on the demo family: 400), at most ``neighbourhoodNodeLimit``,
    /// and at most ``neighbourhoodIterationLimit`` simplex iterations in all. Chosen on the demo
    /// family (seed 1): 100 subproblems found nothing on five members above the gap; 200 gave
    /// the family a median wall time of 14.0 s but missed members 7 and the demo's week 2
    /// with `--previous`, which 400 take to 0.54% and 0.00%; docs/benchmarking.md has the runs.
    static let neighbourhoodNodeVariableBudget = 4_000_000
    /// The most subproblems of the search around the relaxation.
    static let neighbourhoodNodeLimit = 400
    /// The most simplex iterations of the search around the relaxation: the demo family's
    /// searches took 12,000 to 17,000 in 400 subproblems (about 10,000 of them the first relaxation);
    /// the limit stops a search whose relaxation is far harder (a quick-path member guided by
    /// the loose relaxation took 44,000 in 2 subproblems before the guide was the exact one).
    static let neighbourhoodIterationLimit = 20_000

    /// The roster found, on the restricted model.
    struct Outcome {
        /// The model the values belong to (restricted to the screened options).
        let roster: GroupRosterModel
        let result: SolveResult
        /// The paths tried and what became of them.
        let method: GroupPlanMethod
        /// When each path found its roster, and that roster's objective, in time order.
        let incumbents: [(at: ContinuousClock.Instant, objective: Double)]
    }

    /// What the interior point says about one relaxation.
    struct Screening {
        /// The relaxation's name, for messages.
        let relaxation: String
        let bound: Double?
        /// The shift options in use.
        let kept: Set<GroupShiftKey>
        /// Shift options of the relaxation.
        let optionCount: Int
        /// The row duals, by row name.
        let priceOfRow: [String: Double]
        /// The interior point's value of each variable, by name.
        let valueOfVariable: [String: Double]
        let summary: String
    }

    /// A roster one path found on its restricted model.
    struct Found {
        let screening: Screening
        let roster: GroupRosterModel
        var dive: LPGuidedDive.Outcome
        /// How the dive went, for the status line.
        let method: String
        /// Which dive found it.
        let kind: GroupPlanMethod.Dive
        /// Whether a whole-model dive followed the dive by day.
        var wholeModelDiveTried = false
        /// When the path had it.
        let foundAt: ContinuousClock.Instant
    }

    /// Solves the group model of `problem`: the quick path on the calling thread; the bound,
    /// the bound path (when the loose relaxation is too weak) and the exact path (when the
    /// roster so far is not within `relativeGap` of the bound) on a worker. `backstop` stops a
    /// dive that would run too long (the interior points excepted: they cannot be stopped). The relaxations leave out the group rest rows (so their bounds
    /// hold); the restricted models the dives work on have them.
    /// - Returns: nil if no roster was found in time.
    func run(
        problem: ScheduleProblem, groups: [AgentGroup], relativeGap: Double,
        backstop: TimeBackstop, progress: (String) -> Void
    ) throws -> Outcome? {
        let clock = ContinuousClock()
        let begin = clock.now
        let looseBound = Handoff<Double?>()
        let quickBackstop = backstop.revocable()
        let boundScreening = Handoff<Result<Screening?, any Error>>()
        let boundPathFound = Handoff<Result<(found: Found?, log: [String]), any Error>>()
        let exactPathNeeded = Handoff<Bool>()
        // The worker's value is the exact path's roster, when it was asked for.
        let worker = WorkerThread(ended: { [solver] in solver.releaseThreadResources() }) {
            [self] () -> (found: Found?, log: [String])? in
            let bounding = Result { try exactBound(problem: problem, groups: groups) }
            // A weak loose relaxation: the quick path's roster will not be used, so its dive need
            // not go on, and the bound path takes its place. Otherwise the bound path would only
            // spend time the exact path may need.
            let looseIsTooWeak = Self.looseIsTooWeak(looseBound.take(), exact: try? bounding.get()?.bound)
            if looseIsTooWeak { quickBackstop.callOff() }
            boundScreening.put(bounding)
            boundPathFound.put(Result {
                looseIsTooWeak ? try boundPath(from: bounding.get(), problem: problem, groups: groups, backstop: backstop) : (nil, [])
            })
            guard exactPathNeeded.take() else { return nil }
            return try exactPath(problem: problem, groups: groups, relativeGap: relativeGap, backstop: backstop)
        }
        // The worker waits for these answers; on every way out it gets them (a second put of
        // one changes nothing), and the call returns only once the worker has ended.
        defer {
            looseBound.put(nil)
            exactPathNeeded.put(false)
            _ = try? worker.join()
        }

        let loose = try screen(GroupRosterModel(problem: problem, groups: groups, countsRest: false, breakPlacement: .anywhereInDayWindows),
                               as: "loose")
        loose.map { progress($0.summary) }
        looseBound.put(loose?.bound)
        let dived = try quickPath(from: loose, problem: problem, groups: groups, backstop: quickBackstop, progress: progress)
        let bounding = try boundScreening.take().get()
        bounding.map { progress($0.summary) }
        let calledOff = Self.looseIsTooWeak(loose?.bound, exact: bounding?.bound)
        let quick = calledOff ? nil : dived
        let (bounded, boundLog) = try boundPathFound.take().get()
        boundLog.forEach(progress)
        var bound = [bounding?.bound, loose?.bound].compactMap { $0 }.max()
        var incumbents = [quick, bounded].compactMap { $0 }.map { (at: $0.foundAt, objective: $0.dive.objective) }
        // The first roster: the bound path's when the quick path was called off.
        var best: (path: GroupPlanMethod.Path, found: Found)? = (calledOff ? bounded : quick).map { (calledOff ? .bound : .quick, $0) }
        var suffices = false
        if let best, let bound { suffices = Self.gap(best.found.dive.objective, bound) <= relativeGap }
        // A roster above the gap asked for is improved day by day; the exact path runs only
        // when neither the quick nor the bound path found a roster (and time is left).
        let improves = best != nil && !suffices
        let runsExactPath = best == nil && !backstop.isExpired
        exactPathNeeded.put(runsExactPath)
        var exact: Found?
        var improvement: GroupPlanMethod.Improvement?
        var neighbourhood: GroupPlanMethod.NeighbourhoodSearch?
        if improves, let first = best {
            let guide = bounding?.valueOfVariable ?? first.found.screening.valueOfVariable
            let (searched, record) = try searchAroundTheRelaxation(first.found, guide: guide, backstop: backstop)
            neighbourhood = record
            if let searched {
                best = (first.path, searched)
                incumbents.append((at: ContinuousClock.now, objective: searched.dive.objective))
            }
        }
        if improves, let first = best, let bound, Self.gap(first.found.dive.objective, bound) > relativeGap {
            let searched = try BlockImprovement(solver: solver, nodeVariableBudget: Self.improvementNodeVariableBudget,
                                                nodeLimit: Self.improvementNodeLimit)
                .run(first.found.roster.model, values: first.found.dive.values, blockOfVariable: first.found.roster.dayOfVariable,
                     backstop: backstop)
            improvement = GroupPlanMethod.Improvement(before: first.found.dive.objective, after: searched.objective,
                                                      daysImproved: searched.improvedBlocks, daysSearched: searched.searchedBlocks,
                                                      stoppedByTimeLimit: searched.stopped)
            if searched.objective < first.found.dive.objective {
                var found = first.found
                found.dive = LPGuidedDive.Outcome(values: searched.values, objective: searched.objective, rootSolveTime: found.dive.rootSolveTime,
                                                  lpSolves: found.dive.lpSolves)
                best = (first.path, found)
                incumbents.append((at: ContinuousClock.now, objective: searched.objective))
            }
        }
        if runsExactPath {
            let (found, log) = try worker.join() ?? (nil, [])
            log.forEach(progress)
            exact = found
            bound = [bound, found?.screening.bound].compactMap { $0 }.max()
            if let found {
                incumbents.append((at: found.foundAt, objective: found.dive.objective))
                best = (.exact, found)
            }
        }
        guard let best else { return nil }
        func attempt(_ path: GroupPlanMethod.Path, _ found: Found?, relaxation: String, bound: Double?) -> GroupPlanMethod.Attempt {
            guard let found else { return GroupPlanMethod.Attempt(path: path, verdict: .foundNone, relaxation: relaxation, bound: bound) }
            let model = found.roster.model
            return GroupPlanMethod.Attempt(
                path: path, verdict: path == best.path ? .chosen : .worse, relaxation: found.screening.relaxation, bound: found.screening.bound,
                objective: found.dive.objective,
                dive: found.kind, wholeModelDiveTried: found.wholeModelDiveTried, how: "\(found.method) over \(found.screening.kept.count) of \(found.screening.optionCount) shift options (\(model.variables.count) variables, \(model.constraints.count) rows; root LP \(Self.seconds(found.dive.rootSolveTime)) s, \(found.dive.lpSolves) LP solves)", lpSolves: found.dive.lpSolves)
        }
        var attempts = [calledOff ? GroupPlanMethod.Attempt(path: .quick, verdict: .calledOff, relaxation: "loose", bound: loose?.bound)
                                  : attempt(.quick, quick, relaxation: "loose", bound: loose?.bound)]
        if calledOff { attempts.append(attempt(.bound, bounded, relaxation: "per-shift-option", bound: bounding?.bound)) }
        attempts.append(runsExactPath ? attempt(.exact, exact, relaxation: "cumulative-count", bound: nil)
                                      : GroupPlanMethod.Attempt(path: .exact, verdict: suffices ? .notNeeded : improves ? .improvedInstead : .noTimeLeft))
        let shortfall = calledOff ? loose?.bound.flatMap { weak in bounding?.bound.map { (($0 - weak) / abs($0)) } } : nil
        let method = GroupPlanMethod(strategy: .largeModelPath, attempts: attempts, looseBoundShortfall: shortfall,
                                     neighbourhood: neighbourhood, improvement: improvement)
        var result = SolveResult(
            termination: .heuristicStop, hasFeasibleSolution: true, objective: best.found.dive.objective, bestBound: bound,
            values: best.found.dive.values, solveTime: clock.now - begin, rawStatus: method.text)
        if let gap = result.relativeGap, gap <= relativeGap { result.termination = .gapLimitReached }
        return Outcome(roster: best.found.roster, result: result, method: method, incumbents: incumbents.sorted { $0.at < $1.at })
    }

    /// `found`'s roster searched again around the exact relaxation's solution (`guide`, by
    /// variable name; ``RelaxationInducedSearch``): the better roster, if it found one, and
    /// the search's record.
    private func searchAroundTheRelaxation(_ found: Found, guide: [String: Double], backstop: TimeBackstop) throws
        -> (Found?, GroupPlanMethod.NeighbourhoodSearch)
    {
        let model = found.roster.model
        var search = RelaxationInducedSearch(solver: solver, nodeVariableBudget: Self.neighbourhoodNodeVariableBudget,
                                             nodeLimit: Self.neighbourhoodNodeLimit)
        search.iterationLimit = Self.neighbourhoodIterationLimit
        let searched = try search.run(model, values: found.dive.values, relaxation: model.variables.map { guide[$0.name] }, backstop: backstop)
        let record = GroupPlanMethod.NeighbourhoodSearch(before: found.dive.objective, after: min(found.dive.objective, searched.objective),
                                                         freeVariables: searched.freeVariables, variables: model.variables.count,
                                                         stoppedByTimeLimit: searched.stopped)
        guard searched.objective < found.dive.objective else { return (nil, record) }
        var better = found
        better.dive = LPGuidedDive.Outcome(values: searched.values, objective: searched.objective, rootSolveTime: found.dive.rootSolveTime,
                                           lpSolves: found.dive.lpSolves)
        return (better, record)
    }

    /// The quick path's dive: the loose relaxation's interior point (`loose`) screens the shift
    /// options, and the per-shift-option model is dived by day. Returns the roster, if any.
    private func quickPath(from loose: Screening?, problem: ScheduleProblem, groups: [AgentGroup], backstop: TimeBackstop,
                           progress: (String) -> Void) throws -> Found?
    {
        var log: [String] = []
        let found = try loose.flatMap {
            try roster(from: $0, problem: problem, groups: groups, placement: .perShiftOption, fallbackGap: nil, backstop: backstop, log: &log)
        }
        log.forEach(progress)
        return found
    }

    /// Whether the loose relaxation's bound is more than ``weakLooseBound`` below the exact
    /// one. Its breaks, anywhere in their day's windows, then stand in for a real cost, and
    /// the options it keeps miss some that good rosters need. Its roster is then not used, its
    /// dive is called off as soon as the exact bound is known, and the bound path takes its
    /// place. When the bounds agree, the loose relaxation screens as well, and a bound path
    /// would only spend worker time the exact path may need. The figures behind both halves
    /// of the rule are in docs/benchmarking.md (the large-model path's rules).
    static func looseIsTooWeak(_ loose: Double?, exact: Double?) -> Bool {
        guard let loose, let exact else { return false }
        return loose < exact - weakLooseBound * abs(exact)
    }

    /// The bound path: the per-shift-option relaxation's interior point (which gives the exact
    /// LP bound) screens and prices a dive by day of the per-shift-option model, in place of a
    /// quick path called off. It screens more precisely than a weak loose relaxation: the
    /// model it keeps has the exact bound as its LP optimum.
    ///
    /// That interior point solves the relaxation without the bounds its optimum does not need
    /// (``GroupRosterModel/interiorPointModel``). When the dive by day hits a dead end, the
    /// relaxation is solved again with every bound: another point of the optimal face, so
    /// another screening and other prices, and the dive by day is tried once more. The
    /// measurements behind this are in docs/benchmarking.md (the large-model path's rules).
    /// Returns the roster, if any, and the lines to report.
    private func boundPath(from screening: Screening?, problem: ScheduleProblem, groups: [AgentGroup], backstop: TimeBackstop) throws
        -> (found: Found?, log: [String])
    {
        var log: [String] = []
        guard let screening else { return (nil, log) }
        if let found = try roster(from: screening, problem: problem, groups: groups, placement: .perShiftOption, fallbackGap: nil,
                                  backstop: backstop, log: &log) {
            return (found, log)
        }
        guard !backstop.isExpired else { return (nil, log) }
        log.append("stage 1: the dive by day of the per-shift-option path hit a dead end; solving its relaxation again with every bound, for another screening and other prices")
        guard let again = try screen(GroupRosterModel(problem: problem, groups: groups, countsRest: false, breakPlacement: .perShiftOption),
                                     as: "per-shift-option")
        else { return (nil, log) }
        log.append(again.summary)
        let found = try roster(from: again, problem: problem, groups: groups, placement: .perShiftOption, fallbackGap: nil,
                               backstop: backstop, log: &log)
        return (found, log)
    }

    /// The exact LP bound: the per-shift-option relaxation by interior point.
    private func exactBound(problem: ScheduleProblem, groups: [AgentGroup]) throws -> Screening? {
        try screen(GroupRosterModel(problem: problem, groups: groups, countsRest: false, breakPlacement: .perShiftOption), as: "per-shift-option",
                   withoutNeedlessBounds: true)
    }

    /// The exact path: the cumulative-count relaxation by interior point prices a dive by day
    /// of the cumulative-count model, with its fallbacks (see ``roster(from:problem:groups:placement:fallbackGap:backstop:log:)``).
    /// Returns the roster, if any, and the lines to report.
    func exactPath(problem: ScheduleProblem, groups: [AgentGroup], relativeGap: Double, backstop: TimeBackstop) throws
        -> (found: Found?, log: [String])
    {
        var log: [String] = []
        guard let screening = try screen(GroupRosterModel(problem: problem, groups: groups, countsRest: false), as: "cumulative-count")
        else { return (nil, log) }
        log.append(screening.summary)
        let found = try roster(from: screening, problem: problem, groups: groups, placement: .cumulativeCounts, fallbackGap: relativeGap,
                               backstop: backstop, log: &log)
        return (found, log)
    }

    /// Solves `relaxation` by interior point: its bound, the shift options it uses (at least
    /// ``screeningThreshold``) and its row prices; nil if the interior point fails. With
    /// `withoutNeedlessBounds`, the solve drops the bounds the optimum does not need
    /// (``GroupRosterModel/interiorPointModel``): faster, but it lands on another point of the
    /// optimal face. Only the bound path's relaxation does so: the quick and exact paths' dives
    /// were measured from the centres their relaxations have with every bound (the measurement
    /// is in docs/benchmarking.md, the large-model path's rules).
    private func screen(_ relaxation: GroupRosterModel, as name: String, withoutNeedlessBounds: Bool = false) throws -> Screening? {
        let solved = withoutNeedlessBounds ? relaxation.interiorPointModel : relaxation.model
        let interior = try solver.withLPSession(solved) { try $0.solveByInteriorPoint() }
        guard interior.values.count == relaxation.model.variables.count else { return nil }
        let bound = relaxation.model.lagrangianBound(rowDuals: interior.rowDuals)
        let kept = Set(relaxation.shifts.filter { interior.values[$0.variable.index] >= Self.screeningThreshold }
            .map { GroupShiftKey(group: $0.group, shift: $0.shift) })
        let summary = "stage 1: interior point on the \(name) relaxation in \(Self.seconds(interior.solveTime)) s (\(interior.rawStatus)), relaxation \(interior.objective), proven bound \(bound.map { "\($0)" } ?? "none"); \(kept.count) of \(relaxation.shifts.count) shift options in use"
        return Screening(
            relaxation: name, bound: bound, kept: kept, optionCount: relaxation.shifts.count,
            priceOfRow: Dictionary(uniqueKeysWithValues: zip(relaxation.model.constraints.map(\.name), interior.rowDuals)),
            valueOfVariable: Dictionary(uniqueKeysWithValues: zip(relaxation.model.variables.map(\.name), interior.values)),
            summary: summary)
    }

    /// A roster on the model (its breaks written as `placement` says) restricted to the options
    /// `screening` keeps, dived day by day from its prices (by row name: rows the relaxation
    /// lacks get none). With a `fallbackGap`, a dead end is followed by a whole-model dive from
    /// the same start, and a dive by day ending further than that gap from the screening's
    /// bound by a whole-model dive from a crash basis (slower, but each rounding is seen by
    /// every day at once, and the crash root is another vertex of the LP's optimal face); the
    /// better is kept.
    private func roster(
        from screening: Screening, problem: ScheduleProblem, groups: [AgentGroup], placement: GroupRosterModel.BreakPlacement,
        fallbackGap: Double?, backstop: TimeBackstop, log: inout [String]
    ) throws -> Found? {
        let restricted = GroupRosterModel(problem: problem, groups: groups, breakPlacement: placement,
                                     admits: { screening.kept.contains(GroupShiftKey(group: $0, shift: $1)) })
        let prices = restricted.model.constraints.map { screening.priceOfRow[$0.name] ?? 0 }
        let roundFirst = Set(restricted.shifts.map(\.variable))
        var blockwise = BlockwiseDive(solver: solver)
        blockwise.largestStepIncrease = Self.largestStepIncrease
        var whole = LPGuidedDive(solver: solver)
        whole.largestStepIncrease = Self.largestStepIncrease
        func found(_ outcome: LPGuidedDive.Outcome?, _ dive: GroupPlanMethod.Dive, wholeModelDiveTried: Bool = false, _ method: String) -> Found? {
            outcome.map {
                Found(screening: screening, roster: restricted, dive: $0, method: method, kind: dive, wholeModelDiveTried: wholeModelDiveTried,
                      foundAt: ContinuousClock.now)
            }
        }
        let byDay = try blockwise.run(
            restricted.model, blockOfVariable: restricted.dayOfVariable, linkingCounts: restricted.dayCounts, roundFirst: roundFirst,
            prices: prices, backstop: backstop)
        guard let fallbackGap else { return found(byDay, .byDay, "a dive by day") }
        guard let byDay else {
            log.append("stage 1: the dive by day of the \(screening.relaxation) path hit a dead end; diving the whole model")
            let start = (blockOfVariable: restricted.dayOfVariable, prices: Optional(prices))
            return found(try whole.run(restricted.model, roundFirst: roundFirst, blocks: start, backstop: backstop), .wholeModel,
                         wholeModelDiveTried: true, "a whole-model dive")
        }
        guard let bound = screening.bound, Self.gap(byDay.objective, bound) > fallbackGap else { return found(byDay, .byDay, "a dive by day") }
        let byDayGap = Self.percent(Self.gap(byDay.objective, bound))
        log.append("stage 1: the dive by day of the \(screening.relaxation) path ended \(byDayGap) from its bound, above the gap asked for; diving the whole model too")
        if let other = try whole.run(restricted.model, roundFirst: roundFirst, backstop: backstop), other.objective < byDay.objective {
            return found(other, .wholeModel, wholeModelDiveTried: true, "a whole-model dive (\(byDayGap) for the dive by day)")
        }
        var kept = found(byDay, .byDay, "a dive by day (a whole-model dive did no better)")
        kept?.wholeModelDiveTried = true
        return kept
    }

    private static func gap(_ objective: Double, _ bound: Double) -> Double { SolveResult.relativeGap(of: objective, to: bound) }

    private static func percent(_ fraction: Double) -> String { NumberFormatting.percent(fraction) }

    private static func seconds(_ duration: Duration) -> String { NumberFormatting.fixed(duration.seconds, 2) }
}

/// A shift option of one group.
struct GroupShiftKey: Hashable {
    let group: Int
    let shift: GridShift
}
