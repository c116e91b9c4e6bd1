import Foundation
import Testing
import WFMCore
import WFMMeasure
import WFMGLPK
@testable import WFMOptimization
@testable import WFMScheduling

/// The path large rosters take (interior point, proven bound, screening, dive), checked on the
/// small standard instance against GLPK's proven optimum, and the group rows and repairs that
/// keep the second stage from meeting plans it cannot split.
@Suite(.serialized) struct LargeModelPathTests {
    let options = ScheduleOptions(timeLimit: .seconds(60), relativeGap: 0)

    /// A scheduler that sends even the small instance down the large-model path.
    private var diving: Scheduler<GLPKSolver> {
        var scheduler = Scheduler(solver: GLPKSolver())
        scheduler.branchAndBoundLimit = 0
        return scheduler
    }

    @Test func theDiveLandsBetweenTheBoundAndTheProvenOptimum() throws {
        let problem = try ScheduleInstanceGenerator.make(.small)
        let exact = try Scheduler(solver: GLPKSolver()).schedule(problem, options: options)
        #expect(exact.groupStage.termination == .optimal)
        let optimum = try #require(exact.groupStage.objective)

        let outcome = try diving.schedule(problem, options: ScheduleOptions(timeLimit: .seconds(60), relativeGap: 0.01))
        let stage = outcome.groupStage
        let objective = try #require(stage.objective)
        let bound = try #require(stage.bestBound, "the interior point's duals prove a bound")
        #expect(outcome.method.strategy == .largeModelPath)
        #expect(outcome.method.chosen?.dive == .byDay, "\(outcome.method)")
        #expect(bound <= optimum + 1e-6 && optimum <= objective + 1e-6, "\(bound) ≤ \(optimum) ≤ \(objective)")
        #expect((objective - bound) / objective < 0.01, "within 1% of the bound")
        #expect(stage.values.allSatisfy { $0.isFinite })
        let violations = RosterRuleChecker(center: problem.center, agents: problem.agents).violations(in: outcome.shifts)
        #expect(violations.isEmpty, "\(violations)")
    }

    /// The exact path (the fallback when neither the quick nor the bound path found a
    /// roster): a dive by day above the gap asked for is followed by a whole-model dive.
    @Test func anExactDiveByDayAboveTheGapIsFollowedByAWholeModelDive() throws {
        let problem = try ScheduleInstanceGenerator.make(.small)
        let (found, log) = try LargeGroupModelSolver(solver: GLPKSolver()).exactPath(
            problem: problem, groups: AgentGroup.groups(of: problem), relativeGap: 0, backstop: TimeBackstop(after: .seconds(60)))
        #expect(log.contains { $0.contains("above the gap asked for; diving the whole model too") }, "\(log)")
        let exact = try #require(found)
        #expect(exact.wholeModelDiveTried)
        #expect(exact.screening.relaxation == "cumulative-count")
        #expect(try exact.dive.objective >= #require(exact.screening.bound) - 1e-6)
        #expect(BlockwiseDive.largestViolation(of: exact.roster.model, at: exact.dive.values) < 1e-6)
    }

    /// A roster within the gap is kept as the dive left it; one above it is searched around the
    /// exact relaxation, then (when still above) day by day, and the plan is the last search's.
    @Test func theQuickRosterIsKeptWithinTheGapAndSearchedAgainOtherwise() throws {
        let problem = try ScheduleInstanceGenerator.make(.small)
        var messages: [String] = []
        let quick = try diving.schedule(problem, options: ScheduleOptions(timeLimit: .seconds(60), relativeGap: 0.2), progress: { messages.append($0) })
        #expect(quick.method.chosen?.path == .quick && quick.method.chosen?.relaxation == "loose", "\(quick.method)")
        #expect(quick.method.attempt(.exact)?.verdict == .notNeeded, "\(quick.method)")
        #expect(quick.method.neighbourhood == nil && quick.method.improvement == nil)
        #expect(!messages.contains { $0.contains("cumulative-count relaxation") }, "\(messages)")
        messages = []
        let searched = try diving.schedule(problem, options: ScheduleOptions(timeLimit: .seconds(60), relativeGap: 0), progress: { messages.append($0) })
        #expect(!messages.contains { $0.contains("cumulative-count relaxation") }, "a roster was found: no exact path: \(messages)")
        #expect(searched.method.attempt(.exact)?.verdict == .improvedInstead, "\(searched.method)")
        let around = try #require(searched.method.neighbourhood)
        #expect(try abs(around.before - #require(quick.groupStage.objective)) < 1e-6, "it starts from the dive's roster")
        #expect(around.after <= around.before && !around.stoppedByTimeLimit)
        #expect(around.freeVariables > 0 && around.freeVariables < around.variables, "\(around)")
        let bound = try #require(searched.groupStage.bestBound)
        var plan = around.after
        if let improvement = searched.method.improvement {
            #expect(around.after > bound + 1e-9, "the search by day runs only when the roster is still above the gap")
            #expect(improvement.before == around.after)
            #expect(improvement.daysSearched == Array(0..<7) && !improvement.stoppedByTimeLimit)
            #expect(improvement.after <= improvement.before)
            #expect(improvement.after < improvement.before || improvement.daysImproved.isEmpty)
            plan = improvement.after
        }
        #expect(try abs(#require(searched.groupStage.objective) - plan) < 1e-9, "the plan is the searched roster")
        #expect(try #require(searched.groupStage.objective) <= #require(quick.groupStage.objective) + 1e-6, "never worse than the dive")
        #expect(try abs(bound - #require(quick.groupStage.bestBound)) < 1e-3, "the same exact LP bound")
        for outcome in [quick, searched] {
            let violations = RosterRuleChecker(center: problem.center, agents: problem.agents).violations(in: outcome.shifts)
            #expect(violations.isEmpty, "\(violations)")
        }
    }

    @Test func aLooseBoundClearlyBelowTheExactOneIsTooWeak() {
        #expect(LargeGroupModelSolver.looseIsTooWeak(999, exact: 1000), "0.1% below")
        #expect(!LargeGroupModelSolver.looseIsTooWeak(999.9, exact: 1000), "0.01% below: as good")
        #expect(!LargeGroupModelSolver.looseIsTooWeak(nil, exact: 1000) && !LargeGroupModelSolver.looseIsTooWeak(990, exact: nil))
    }

    /// With three breaks a shift, the loose relaxation (breaks anywhere in the day's windows)
    /// is far weaker than the exact bound: its path is called off and the roster comes from a
    /// path screened by an exact relaxation.
    @Test func aWeakLooseRelaxationIsCalledOff() throws {
        let problem = try ScheduleInstanceGenerator.make(StandardInstance(.small, .breaks3))
        var messages: [String] = []
        let outcome = try diving.schedule(problem, options: ScheduleOptions(timeLimit: .seconds(60), relativeGap: 0.05),
                                          progress: { messages.append($0) })
        let stage = outcome.groupStage
        let method = outcome.method
        #expect(method.attempt(.quick)?.verdict == .calledOff, "\(method)")
        #expect(method.chosen.map { $0.path != .quick } == true, "\(method)")
        let loose = try #require(method.attempt(.quick)?.bound)
        let exact = try #require(method.attempt(.bound)?.bound)
        #expect(loose < exact * (1 - LargeGroupModelSolver.weakLooseBound), "\(loose) against \(exact)")
        #expect(try abs(#require(method.looseBoundShortfall) - (exact - loose) / exact) < 1e-12)
        #expect(try #require(Self.bound(in: messages, of: "loose")) == loose, "the progress line names the same bound")
        #expect(try #require(stage.bestBound) <= #require(stage.objective) + 1e-6)
        let violations = RosterRuleChecker(center: problem.center, agents: problem.agents).violations(in: outcome.shifts)
        #expect(violations.isEmpty, "\(violations)")
    }

    /// The proven bound a relaxation's progress line reports.
    private static func bound(in messages: [String], of relaxation: String) -> Double? {
        messages.first { $0.contains("interior point on the \(relaxation) relaxation in") }
            .flatMap { $0.components(separatedBy: "proven bound ").last?.components(separatedBy: ";").first }
            .flatMap(Double.init)
    }

    /// The bound path's interior point solves the relaxation without the bounds its optimum
    /// does not need: the same optimum, and its duals prove the same bound on the real model.
    /// Run on the small instance as generated and with a third of its agents, whose deep
    /// shortage needs the bounds of the convex penalty's pieces (without them, every agent
    /// missing would cost the cheapest piece's price, and the optimum would be lower).
    @Test(arguments: [false, true]) func theInteriorPointModelKeepsTheOptimumAndTheBound(shortStaffed: Bool) throws {
        let generated = try ScheduleInstanceGenerator.make(StandardInstance(.small, .breaks3))
        let problem = shortStaffed
            ? try ScheduleProblem(center: generated.center, agents: Array(generated.agents.prefix(generated.agents.count / 3)),
                                  requirements: generated.requirements)
            : generated
        let relaxation = GroupRosterModel(problem: problem, groups: AgentGroup.groups(of: problem), countsRest: false,
                                          breakPlacement: .perShiftOption)
        let open = relaxation.interiorPointModel
        let kept = Set((relaxation.dayCounts + relaxation.boundedPieces).map(\.index))
        let stillBounded = open.variables.indices.filter { open.variables[$0].upperBound.isFinite }
        #expect(stillBounded.allSatisfy { kept.contains($0) || open.variables[$0].upperBound == open.variables[$0].lowerBound },
                "only the day counts, the penalty's cheaper pieces (and fixed variables) keep an upper bound")
        #expect(stillBounded.count < relaxation.model.variables.filter { $0.upperBound.isFinite }.count / 4)
        let solver = GLPKSolver()
        let withBounds = try #require(try solver.withLPSession(relaxation.model) { try $0.solve(timeLimit: nil) }.objective)
        let without = try #require(try solver.withLPSession(open) { try $0.solve(timeLimit: nil) }.objective)
        #expect(abs(withBounds - without) <= 1e-7 * withBounds, "\(withBounds) against \(without)")
        let interior = try solver.withLPSession(open) { try $0.solveByInteriorPoint() }
        let bound = try #require(relaxation.model.lagrangianBound(rowDuals: interior.rowDuals))
        #expect(bound <= withBounds + 1e-6 && bound >= withBounds * (1 - 1e-6), "\(bound) against \(withBounds)")
    }

    @Test func theTwoPathsGiveTheSameRosterEveryRun() throws {
        let problem = try ScheduleInstanceGenerator.make(.small)
        let runs = try (0..<2).map { _ in try diving.schedule(problem, options: options) }
        #expect(runs[0].shifts == runs[1].shifts)
        #expect(runs[0].groupStage.objective == runs[1].groupStage.objective)
    }

    @Test func aDayThatCannotMeetWhatTheDayBeforeLeftIsDivedWithIt() throws {
        // a (day 0, at most 2) + 2c (day 1) = 3: the LP takes a = 2, c = ½, and day 0 on its own
        // keeps a = 2, after which no whole c exists. Dived together, the days find a = 1, c = 1.
        var model = MIPModel(name: "m")
        let a = model.addVariable(name: "a", kind: .integer, lowerBound: 0, upperBound: 2)
        let c = model.addVariable(name: "c", kind: .integer, lowerBound: 0, upperBound: 1)
        model.addConstraint(name: "week", LinearExpression([(a, 1), (c, 2)]), .equal(3))
        model.setObjective(.minimize, LinearExpression([(a, 1), (c, 3)]))
        let outcome = try #require(try BlockwiseDive(solver: GLPKSolver()).run(
            model, blockOfVariable: [0, 1], linkingCounts: [], roundFirst: [], prices: nil, backstop: TimeBackstop(after: .seconds(10))))
        #expect(outcome.values == [1, 1] && outcome.objective == 4, "\(outcome.values)")
    }

    @Test func aTimeLimitSpentBeforeTheDiveEndsWithNoRosterAndSaysWhy() throws {
        #expect {
            _ = try diving.schedule(ScheduleInstanceGenerator.make(.small), options: ScheduleOptions(timeLimit: .milliseconds(1), relativeGap: 0))
        } throws: { error in
            error is SchedulingError && "\(error)".contains("time limit reached: no roster was found")
        }
    }

    @Test func nightShiftsAcrossMidnightDiveDayByDay() throws {
        // Nights from 22:00 link each day to the next through presence and rest rows.
        let night = template("night", paidHours: 8, from: "20:00", to: "23:00")
        let center = tinyCenter(templates: [night], contract: looseContract(templates: ["night"], minHours: 24, maxHours: 40, maxDays: 5,
                                                                            maxConsecutive: 4, rest: 12))
        let needs = (0..<7).flatMap { day in (0..<6).map { ("q", day, $0, 2.0) } + (22..<24).map { ("q", day, $0, 3.0) } }
        let problem = try ScheduleProblem(center: center, agents: (0..<6).map { agent("a\($0)") }, requirements: requirements(center, needs))
        let outcome = try diving.schedule(problem, options: ScheduleOptions(timeLimit: .seconds(60), relativeGap: 0.2))
        let stage = outcome.groupStage
        #expect(outcome.method.chosen?.dive == .byDay, "\(outcome.method)")
        let objective = try #require(stage.objective)
        #expect(try #require(stage.bestBound) <= objective + 1e-6)
        #expect(outcome.shifts.contains { LocalDateTime($0.end, in: center.timeZone).date > $0.date }, "shifts end the next day")
        let violations = RosterRuleChecker(center: center, agents: problem.agents).violations(in: outcome.shifts)
        #expect(violations.isEmpty, "\(violations)")
    }

    @Test func theWholeModelDiveStartsFromTheDaysOrFromACrashBasis() throws {
        let problem = try ScheduleInstanceGenerator.make(.small)
        let roster = GroupRosterModel(problem: problem, groups: AgentGroup.groups(of: problem))
        let shifts = Set(roster.shifts.map(\.variable))
        let dive = LPGuidedDive(solver: GLPKSolver())
        let backstop = TimeBackstop(after: .seconds(60))
        for blocks in [(roster.dayOfVariable, nil), nil] as [([Int?], [Double]?)?] {
            let outcome = try #require(try dive.run(roster.model, roundFirst: shifts, blocks: blocks, backstop: backstop))
            #expect(outcome.objective >= 840.5 - 1e-6 && outcome.objective < 840.5 * 1.02, "the proven optimum is 840.5: \(outcome.objective)")
            #expect(BlockwiseDive.largestViolation(of: roster.model, at: outcome.values) < 1e-6)
        }
    }

    @Test func theDiveDoesNotBuyARoundingWithElasticSlack() throws {
        // min Σ x + 10⁶ Σ s with 2.5 x_i + s_i ≥ 1: the LP takes x_i = 0.4; rounding x_i to 0
        // is only "feasible" by paying a unit of slack.
        var model = MIPModel(name: "elastic")
        var objective: [(VariableID, Double)] = []
        for i in 0..<4 {
            let x = model.addVariable(name: "x\(i)", kind: .integer, lowerBound: 0, upperBound: 5)
            let slack = model.addVariable(name: "s\(i)", lowerBound: 0, upperBound: 1)
            model.addConstraint(name: "need\(i)", LinearExpression([(x, 2.5), (slack, 1)]), .greaterOrEqual(1))
            objective += [(x, 1), (slack, 1e6)]
        }
        model.setObjective(.minimize, LinearExpression(objective))
        var dive = LPGuidedDive(solver: GLPKSolver())
        dive.batchShare = 0.5
        let backstop = TimeBackstop(after: .seconds(10))
        let careless = try #require(try dive.run(model, backstop: backstop))
        #expect(careless.objective > 1e6, "without a limit, a batch rounded to 0 is kept at the price of slack")
        dive.largestStepIncrease = 1e4
        let careful = try #require(try dive.run(model, backstop: backstop))
        #expect(careful.objective == 4, "every x rounded up: \(careful.values)")
    }

    @Test func aDayLeavesLaterDaysOnePricedTotalPerLinkingRow() {
        // Days 0 and 1 share a weekly row x0 + x1 = 3 (dual 2); day 0 alone has x0 ≤ 2.
        var model = MIPModel(name: "m")
        let x0 = model.addVariable(name: "x0", kind: .integer, lowerBound: 0, upperBound: 5)
        let x1 = model.addVariable(name: "x1", kind: .integer, lowerBound: 0, upperBound: 5)
        model.addConstraint(name: "own", LinearExpression([(x0, 1)]), .lessOrEqual(2))
        model.addConstraint(name: "week", LinearExpression([(x0, 1), (x1, 1)]), .equal(3))
        model.setObjective(.minimize, LinearExpression([(x0, 1), (x1, 4)]))
        let first = BlockwiseDive.blockModel(model, blocks: 0...0, blockOfVariable: [0, 1], values: [1.5, 1.5], duals: [0, 2])
        #expect(first.members == [0])
        let later = first.model.variables[1]
        #expect(later.lowerBound == 0.5 && later.upperBound == 2.5, "x1's LP value 1.5, give or take the reach of 1")
        #expect(first.model.objective.evaluate([2, 1]) == 2 + 2, "x0 at its cost, the later total at the dual; x1's cost left out")
        let second = BlockwiseDive.blockModel(model, blocks: 1...1, blockOfVariable: [0, 1], values: [2, 1.5], duals: [0, 2])
        #expect(second.model.variables.count == 1, "nothing later than the last day")
        #expect(second.model.constraints.map(\.name) == ["week"] && second.model.constraints[0].bounds == .equal(1), "x0 = 2 moved to the bound")
        #expect(second.model.objective.evaluate([1]) == 2 + 4, "the earlier day's cost is a constant")
    }

    @Test func theGroupPlanRespectsConsecutiveDays() throws {
        let center = tinyCenter(templates: [template("t2", paidHours: 2, from: "09:00", to: "09:00")],
                                contract: looseContract(templates: ["t2"], maxConsecutive: 2))
        let needs = (0..<3).map { ("q", $0, 9, 1.0) }
        let outcome = try Scheduler(solver: GLPKSolver()).schedule(
            ScheduleProblem(center: center, agents: [agent("a")], requirements: requirements(center, needs)), options: options)
        #expect(outcome.shifts.count == 2)
        #expect(!outcome.warnings.contains { $0.code == .shiftsDropped }, "no planned shift left for stage 2 to drop: \(outcome.warnings)")
    }

    @Test func anAgentShortOfTheMinimumGetsAnExtraShift() throws {
        let long = template("t8", paidHours: 8, from: "08:00", to: "08:00")
        let short = template("t4", paidHours: 4, from: "08:00", to: "08:00")
        let center = tinyCenter(templates: [long, short], contract: looseContract(templates: ["t8", "t4"], minHours: 10))
        let problem = try ScheduleProblem(center: center, agents: [agent("a"), agent("b")], requirements: requirements(center, []))
        let group = try #require(AgentGroup.groups(of: problem).first)
        func planned(_ template: ShiftTemplate, day: Int) -> PlannedShift {
            PlannedShift(shift: GridShift.all(template, grid: problem.grid).first { $0.day == day }!, breakStarts: [])
        }
        // 20 planned hours for two agents who need 10 each, but 8 + 8 + 4 splits as 16 + 4 or 12 + 8.
        let plan = [planned(long, day: 0), planned(long, day: 1), planned(short, day: 2)]
        let assigner = AgentAssigner(problem: problem, solver: GLPKSolver(), options: SolverOptions(timeLimit: .seconds(10)), backstop: TimeBackstop(after: .seconds(60)))
        let outcome = try assigner.assign(plan, group: group)
        #expect(outcome.dropped.isEmpty)
        #expect(outcome.shortOfMinimum.isEmpty)
        #expect(outcome.extras.count == 1)
        #expect(outcome.shifts.count == 4)
        let violations = RosterRuleChecker(center: center, agents: problem.agents).violations(in: outcome.shifts)
        #expect(violations.isEmpty, "\(violations)")
    }

    @Test func anExtraShiftMayComeFromOutsideThePlan() throws {
        // b cannot work mornings on days 0 and 1, and the plan has only morning shifts on days
        // 0–2: no copy of a planned shift brings b to 8 hours, a shift on another day does.
        let center = tinyCenter(templates: [template("t4", paidHours: 4, from: "08:00", to: "12:00")],
                                contract: looseContract(templates: ["t4"], minHours: 8))
        let mornings = ["2026-11-30", "2026-12-01"].map { Unavailability.timeRange(LocalDate($0)!, from: TimeOfDay("08:00")!, to: TimeOfDay("13:00")!) }
        let problem = try ScheduleProblem(center: center, agents: [agent("a"), agent("b", unavailable: mornings)], requirements: requirements(center, []))
        let group = try #require(AgentGroup.groups(of: problem).first)
        let plan = GridShift.all(center.shiftTemplates[0], grid: problem.grid).filter { $0.day < 3 && $0.startIndex % 24 == 8 }
            .map { PlannedShift(shift: $0, breakStarts: []) }
        let outcome = try AgentAssigner(problem: problem, solver: GLPKSolver(), options: SolverOptions(timeLimit: .seconds(10)), backstop: TimeBackstop(after: .seconds(60)))
            .assign(plan, group: group)
        #expect(outcome.shortOfMinimum.isEmpty && outcome.dropped.isEmpty)
        #expect(outcome.extras == ["b"])
        #expect(outcome.shifts.filter { $0.agentID == "b" }.count == 2)
        let violations = RosterRuleChecker(center: center, agents: problem.agents).violations(in: outcome.shifts)
        #expect(violations.isEmpty, "\(violations)")
    }

    /// With no time left for the assignment MIP the greedy rule gives the shifts out; members
    /// it leaves short of the weekly minimum are topped up with extra shifts within every rule,
    /// so the roster breaks none.
    @Test func theGreedyRuleTopsUpMembersShortOfTheMinimum() throws {
        let center = tinyCenter(templates: [template("t8", paidHours: 8, from: "08:00", to: "08:00")],
                                contract: looseContract(templates: ["t8"], minHours: 24, minDays: 3, maxDays: 5))
        let problem = try ScheduleProblem(center: center, agents: [agent("a"), agent("b")], requirements: requirements(center, []))
        let group = try #require(AgentGroup.groups(of: problem).first)
        // Four planned shifts for two agents who need three days each.
        let plan = GridShift.all(center.shiftTemplates[0], grid: problem.grid).filter { $0.day < 4 }.map { PlannedShift(shift: $0, breakStarts: []) }
        #expect(plan.count == 4)
        let expired = TimeBackstop(after: .zero)
        let outcome = try AgentAssigner(problem: problem, solver: GLPKSolver(), options: SolverOptions(timeLimit: .seconds(10)), backstop: expired)
            .assign(plan, group: group)
        #expect(outcome.result?.hasFeasibleSolution == false, "the greedy rule: \(String(describing: outcome.result?.rawStatus))")
        #expect(outcome.shortOfMinimum.isEmpty && outcome.dropped.isEmpty)
        #expect(outcome.extras.sorted() == ["a", "b"] && outcome.shifts.count == 6)
        let violations = RosterRuleChecker(center: center, agents: problem.agents).violations(in: outcome.shifts)
        #expect(violations.isEmpty, "\(violations)")
    }

    /// Demand the named roster leaves short is covered by a shift on a free day, within the
    /// contract, and the roster's cost falls by what it covers less its pay.
    @Test func demandLeftShortIsCoveredByACallIn() throws {
        let center = tinyCenter(templates: [template("t8", paidHours: 8, from: "08:00", to: "08:00")],
                                contract: looseContract(templates: ["t8"], maxDays: 5))
        // One agent needed 08:00–16:00 on Monday and Tuesday; the roster has only Monday.
        let needs = (0..<2).flatMap { day in (8..<16).map { ("q", day, $0, 1.0) } }
        let problem = try ScheduleProblem(center: center, agents: [agent("a"), agent("b", unavailable: [.weekday(.tue)])],
                                          requirements: requirements(center, needs))
        let monday = GridShift.all(center.shiftTemplates[0], grid: problem.grid).first { $0.day == 0 }!.option
        let roster = [RosterShift(agentID: "a", date: monday.date, templateID: "t8", start: monday.start, end: monday.end, paidMinutes: 480, breaks: [])]
        let scheduler = Scheduler(solver: GLPKSolver())
        let cost = RosterMeasure(center: problem.center, agents: problem.agents).cost(of: roster, requirements: problem.requirements)
        #expect(cost.totalShortfallAgentHours == 8)
        let filled = try #require(try scheduler.callIn(roster, cost: cost, problem: problem))
        let added = filled.shifts.filter { !roster.contains($0) }
        #expect(added.map(\.agentID) == ["a"] && added.first.map { hour($0.start) == 8 && $0.date == monday.date.adding(days: 1) } == true,
                "b is away on Tuesday: \(added)")
        #expect(filled.cost.totalShortfallAgentHours == 0 && filled.cost.objective < cost.objective)
        #expect(filled.warning.code == .calledIn)
        #expect(RosterRuleChecker(center: center, agents: problem.agents).violations(in: filled.shifts).isEmpty)
        let covered = RosterMeasure(center: problem.center, agents: problem.agents).cost(of: filled.shifts, requirements: problem.requirements)
        #expect(try scheduler.callIn(filled.shifts, cost: covered, problem: problem) == nil, "nothing left to cover")
    }

    @Test func breaksOfAShiftOutsideThePlanGoEarlyAndApart() throws {
        let breaks = [BreakRule(minutes: 60, earliestOffsetMinutes: 120, latestOffsetMinutes: 180, paid: false),
                      BreakRule(minutes: 60, earliestOffsetMinutes: 60, latestOffsetMinutes: 120, paid: true),
                      BreakRule(minutes: 60, earliestOffsetMinutes: 60, latestOffsetMinutes: 240, paid: true)]
        let center = tinyCenter(templates: [template("t8", paidHours: 8, from: "08:00", to: "08:00", breaks: breaks)],
                                contract: looseContract(templates: ["t8"]))
        let shift = try #require(GridShift.all(center.shiftTemplates[0], grid: center.timeGrid).first)
        let start = shift.startIndex
        #expect(AgentAssigner.earlyBreaks(shift, intervalMinutes: 60) == [start + 2, start + 1, start + 3],
                "in the order the windows close: 1 h in, then 2 h, then the next free hour")
    }

    @Test func whenBranchAndBoundFindsNothingTheAssignmentIsDived() throws {
        let center = tinyCenter(templates: [template("t4", paidHours: 4, from: "08:00", to: "12:00")],
                                contract: looseContract(templates: ["t4"], minHours: 8, maxHours: 12, maxDays: 3, rest: 12))
        let problem = try ScheduleProblem(center: center, agents: (0..<4).map { agent("a\($0)") }, requirements: requirements(center, []))
        let group = try #require(AgentGroup.groups(of: problem).first)
        // Two shifts a day on days 0–3: each agent takes two, on different days.
        let shifts = GridShift.all(center.shiftTemplates[0], grid: problem.grid).filter { $0.day < 4 && [8, 9].contains($0.startIndex % 24) }
        let plan = shifts.map { PlannedShift(shift: $0, breakStarts: []) }
        #expect(plan.count == 8)
        let assigner = AgentAssigner(problem: problem, solver: NoBranchAndBound(), options: SolverOptions(timeLimit: .seconds(10)), backstop: TimeBackstop(after: .seconds(60)))
        let outcome = try assigner.assign(plan, group: group)
        let result = try #require(outcome.result)
        #expect(result.hasFeasibleSolution && result.rawStatus.contains("LP-guided dive"), "\(result.rawStatus)")
        #expect(outcome.dropped.isEmpty && outcome.shortOfMinimum.isEmpty && outcome.extras.isEmpty)
        #expect(outcome.shifts.count == 8)
        let violations = RosterRuleChecker(center: center, agents: problem.agents).violations(in: outcome.shifts)
        #expect(violations.isEmpty, "\(violations)")
    }
}

/// GLPK for LPs, but a branch and bound that never finds a solution (as GLPK's may not within
/// its node limit on a large group): the second stage must still name the agents.
private struct NoBranchAndBound: LPSessionSolver {
    let name = "GLPK without branch and bound"

    func solve(_ model: MIPModel, options: SolverOptions) throws -> SolveResult {
        SolveResult(termination: .nodeLimit, hasFeasibleSolution: false, objective: nil, bestBound: nil, values: [], solveTime: .zero,
                    rawStatus: "no incumbent (test)")
    }

    func withLPSession<T>(_ model: MIPModel, _ body: (any LPSession) throws -> T) throws -> T {
        try GLPKSolver().withLPSession(model, body)
    }
}

@Suite struct StartWindowCheckTests {
    @Test func startsWhenTheCenterIsClosedAreNamed() {
        let hours = OpeningHours.Range(opens: TimeOfDay("07:00")!, closes: TimeOfDay("22:00")!)
        var center = tinyCenter(templates: [template("early", paidHours: 4, from: "05:00", to: "08:00"),
                                            template("day", paidHours: 4, from: "07:00", to: "12:00")],
                                contract: looseContract(templates: ["early", "day"]))
        center.openingHours = OpeningHours(ranges: [.mon: [hours], .sat: [OpeningHours.Range(opens: TimeOfDay("06:00")!, closes: TimeOfDay("12:00")!)]])
        #expect(StartWindowCheck.warnings(center) == [
            "shift template early: start time(s) 05:00 fall outside the opening hours on every day the template may be used",
        ], "06:00 is open on Saturdays; the day template starts within the hours")
    }
}

@Suite struct FairnessTests {
    @Test func lateShiftsAreSpreadAcrossAgents() throws {
        let center = tinyCenter(templates: [template("early", paidHours: 4, from: "08:00", to: "08:00"),
                                            template("late", paidHours: 4, from: "14:00", to: "14:00")],
                                contract: looseContract(templates: ["early", "late"]))
        let problem = try ScheduleProblem(center: center, agents: [agent("a"), agent("b")], requirements: requirements(center, []))
        let group = try #require(AgentGroup.groups(of: problem).first)
        let shifts = center.shiftTemplates.flatMap { template in GridShift.all(template, grid: problem.grid).filter { $0.day < 2 } }
        // Two early and two late shifts on two days: each agent gets one late shift, not one both.
        let plan = shifts.map { PlannedShift(shift: $0, breakStarts: []) }
        let outcome = try AgentAssigner(problem: problem, solver: GLPKSolver(), options: SolverOptions(timeLimit: .seconds(10)), backstop: TimeBackstop(after: .seconds(60)))
            .assign(plan, group: group)
        let lates = Dictionary(grouping: outcome.shifts.filter { hour($0.start) == 14 }, by: \.agentID).mapValues(\.count)
        #expect(lates == ["a": 1, "b": 1])
        #expect(outcome.dropped.isEmpty)
        let violations = RosterRuleChecker(center: center, agents: problem.agents).violations(in: outcome.shifts)
        #expect(violations.isEmpty, "\(violations)")
    }
}
