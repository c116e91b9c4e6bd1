import Foundation
import WFMCore
import WFMOptimization

/// The second stage: gives a group's planned shifts to its named agents, one small MIP per
/// group, with every per-agent rule exact — one shift a day, availability (also part-day),
/// weekly days and hours, rest between shifts, consecutive days — and the soft wishes:
/// preferred days off, early or late shifts, and weekend and late-shift work spread evenly.
struct AgentAssigner {
    let problem: ScheduleProblem
    let solver: any MIPSolver
    /// Each solve's options; its node limit is set by the model's size (``nodeLimit(variables:)``).
    let options: SolverOptions
    /// The run's backstop: no solve goes past it, and a solve it stops is recorded.
    let backstop: TimeBackstop
    /// Shifts of a published roster (agent, template, start): taking one again earns
    /// ``keepBonus``, so that agents keep their week where the plan allows.
    var published: Set<PublishedKey> = []
    /// What keeping a published shift is worth, in this stage's cost units.
    var keepBonus = 0.0
    /// The published shifts' break starts, in time order: an agent who keeps a published shift
    /// gets the planned variant with those breaks when the plan has one (any member of the group
    /// may take any variant, so which one goes to whom costs no coverage).
    var publishedBreaks: [PublishedKey: [Date]] = [:]

    /// A published shift, by agent, template and start.
    struct PublishedKey: Hashable {
        let agent: String
        let template: String
        let start: Date
    }

    init(problem: ScheduleProblem, solver: any MIPSolver, options: SolverOptions, backstop: TimeBackstop) {
        self.problem = problem
        self.solver = solver
        self.options = options
        self.backstop = backstop
    }

    /// Costs of the second stage, in order of importance.
    enum Cost {
        static let missedMinimumDay = 1e5
        static let missedMinimumHour = 1e4
        static let droppedShift = 1e3
        static let extraShift = 500.0
        static let preference = 1.0
        /// Keeping one's published shift (a replan): above wishes, below rules and the plan.
        static let keptShift = 50.0
        /// Per weekend day of the member with most (less the fewest, with a weekend fairness
        /// price); a `fairness.weekend_day` price above it replaces it (wishes cost 1, paid
        /// hours being the objective's unit, so a price above 1 outweighs a wish).
        static let weekendSpread = 0.5
    }

    /// Stage 2's branch-and-bound budget per solve, in nodes times the model's variables: a
    /// node of a bigger assignment model costs more, so bigger groups get fewer nodes
    /// (``nodeLimit(variables:)``). Chosen on the large family, where it ends every group's
    /// search with the clock firing on none of its members (docs/benchmarking.md, stage 2 on
    /// work budgets); only the command's backstop is a clock.
    static let work = 1_500_000

    /// The node budget of one stage-2 solve of `variables` variables: ``work`` spread over
    /// them, at most 1,500 nodes; nil below 300 nodes (above 5,000 variables), where branch
    /// and bound is skipped for the LP-guided dive. The threshold and the family measurements
    /// behind it are in docs/benchmarking.md (stage 2 on work budgets).
    static func nodeLimit(variables: Int) -> Int? {
        let nodes = min(1500, work / max(1, variables))
        return nodes >= 300 ? nodes : nil
    }

    /// At most this many solves allow extra shifts.
    static let extraRounds = 3

    /// What the second stage made of one group.
    struct Outcome {
        var shifts: [RosterShift] = []
        var dropped: [PlannedShift] = []
        var shortOfMinimum: [String] = []
        /// Agents given a shift beyond the plan to reach their minimum, once per shift.
        var extras: [String] = []
        var result: SolveResult?
        /// Each member's shifts, as planned (the MIP's solution).
        var taken: [[PlannedShift]] = []
    }

    /// A shift type an agent may take, from the plan or as an extra.
    private struct AgentOption {
        let type: Int
        let variable: VariableID
        let isExtra: Bool
    }

    /// Gives `planned` to the members of `group`. When some member cannot reach the weekly
    /// minimum with the planned shifts alone, the MIP is solved again allowing those members
    /// an extra copy of a planned shift (paid time above the plan, so at a cost); in later
    /// rounds (up to ``extraRounds`` in all) every member found short so far may also take any
    /// other option of their templates. Each solve is kept only if it leaves fewer members
    /// short; members still short at the end are topped up (``topUp(_:planned:group:outcome:)``).
    func assign(_ planned: [PlannedShift], group: AgentGroup) throws -> Outcome {
        guard !planned.isEmpty else { return Outcome() }
        var best = try solve(planned, group: group, extrasFor: [], catalogueFor: [])
        // Everyone found short in any solve so far: a node-limited solve may leave another
        // member short than the one it helped.
        var everShort = Set<Int>()
        func note(_ outcome: Outcome) {
            everShort.formUnion(group.members.indices.filter { outcome.shortOfMinimum.contains(group.members[$0].id) })
        }
        for round in 0..<Self.extraRounds {
            guard !best.shortOfMinimum.isEmpty, best.result?.hasFeasibleSolution == true else { break }
            note(best)
            let next = try solve(planned, group: group, extrasFor: everShort, catalogueFor: round == 0 ? [] : everShort)
            note(next)
            if next.result?.hasFeasibleSolution == true && next.shortOfMinimum.count < best.shortOfMinimum.count { best = next }
        }
        // The MIP's minimums are elastic: members its budget left short are topped up.
        if !best.shortOfMinimum.isEmpty, best.result?.hasFeasibleSolution == true {
            var taken = best.taken
            topUp(&taken, planned: planned, group: group, outcome: &best)
            best.shifts = group.members.enumerated().flatMap { a, agent in taken[a].map { rosterShift(agent: agent, planned: $0) } }
            best.shortOfMinimum = group.members.indices.filter { isShort(taken[$0], week: group.weeks[$0]) }.map { group.members[$0].id }
        }
        return best
    }

    private func solve(_ planned: [PlannedShift], group: AgentGroup, extrasFor: Set<Int>, catalogueFor: Set<Int>) throws -> Outcome {
        // Per-agent rules depend on the shift, not on where its breaks are: agents are given
        // shifts, and each shift's break variants are then handed out in agent order.
        var variants: [GridShift: [PlannedShift]] = [:]
        for shift in planned { variants[shift.shift, default: []].append(shift) }
        let types = variants.keys.sorted { ($0.startIndex, $0.template.id) < ($1.startIndex, $1.template.id) }
        // Members in `extrasFor` may take an extra copy of a planned shift; those in
        // `catalogueFor` any other option of the contract's templates too (its breaks placed
        // early in their windows).
        let catalogue = catalogueFor.isEmpty ? [] : problem.center.shiftTemplates.filter { group.contract.templates.contains($0.id) }
            .flatMap { GridShift.all($0, grid: problem.grid) }.filter { variants[$0] == nil }
        let allTypes = types + catalogue
        var model = MIPModel(name: "assign\(group.index)")
        var objective: [(VariableID, Double)] = []
        var take = Array(repeating: [AgentOption](), count: group.members.count)
        for (a, agent) in group.members.enumerated() {
            for (i, type) in allTypes.enumerated() where (i < types.count || catalogueFor.contains(a)) && canWork(agent, type) {
                if i < types.count {
                    let variable = model.addVariable(name: "u(\(a),\(i))", kind: .binary)
                    take[a].append(AgentOption(type: i, variable: variable, isExtra: false))
                    let kept = published.contains(PublishedKey(agent: agent.id, template: type.template.id, start: type.option.start))
                    objective.append((variable, preferenceCost(agent, type) - (kept ? keepBonus : 0)))
                }
                guard extrasFor.contains(a) || catalogueFor.contains(a) else { continue }
                let extra = model.addVariable(name: "extra(\(a),\(i))", kind: .binary)
                take[a].append(AgentOption(type: i, variable: extra, isExtra: true))
                objective.append((extra, Cost.extraShift + preferenceCost(agent, type)))
            }
        }
        var drops: [VariableID] = []
        for (i, type) in types.enumerated() {
            let count = Double(variants[type]!.count)
            let drop = model.addVariable(name: "drop(\(i))", kind: .integer, lowerBound: 0, upperBound: count)
            drops.append(drop)
            objective.append((drop, Cost.droppedShift))
            let takers = take.flatMap { $0.filter { $0.type == i && !$0.isExtra } }.map { ($0.variable, 1.0) }
            model.addConstraint(name: "fill(\(i))", LinearExpression(takers + [(drop, 1)]), .equal(count))
        }
        // Weekend days the members worked in the previous rosters, above the fewest of any
        // member who can work a weekend day this week: the most weekend days of any member,
        // this week's and the previous ones together, is kept low; with a weekend fairness
        // price, the fewest is raised too (a search several times longer: on member 2 of the
        // medium family 8.5 s instead of 0.1 s, so only where fairness was asked for).
        let week = (0..<7).map { problem.grid.weekStart.adding(days: $0) }
        let carriers = group.members.map { Fairness.canCarry(.weekendDay, agent: $0, week: week) }
        let priorWeekends = group.members.map { problem.previous[$0.id].weekendDays }
        let fewest = zip(priorWeekends, carriers).filter(\.1).map(\.0).min() ?? 0
        let weekendsAhead = priorWeekends.map { max(0, $0 - fewest) }
        let most = Double(2 + (weekendsAhead.max() ?? 0))
        let price = problem.center.fairness.price(.weekendDay)
        let weekends = WeekendSpread(peak: model.addVariable(name: "weekendpeak", kind: .integer, lowerBound: 0, upperBound: most),
                                     low: price > 0 ? model.addVariable(name: "weekendlow", kind: .integer, lowerBound: 0, upperBound: most) : nil)
        let spreadCost = max(Cost.weekendSpread, price)
        objective.append((weekends.peak, spreadCost))
        if let low = weekends.low { objective.append((low, -spreadCost)) }
        var minimumSlacks: [(agent: Int, days: VariableID, hours: VariableID)] = []
        for (a, agent) in group.members.enumerated() {
            let carried = AgentRows(week: group.weeks[a], contract: group.contract, weekendsAhead: weekendsAhead[a], carriesWeekends: carriers[a],
                                    daysLeftInRun: problem.previous.daysLeftInRun(of: agent.id, contract: group.contract))
            let slacks = addAgentRows(&model, agent: a, take: take[a], types: allTypes, rows: carried,
                                      weekends: weekends, objective: &objective)
            minimumSlacks.append((a, slacks.days, slacks.hours))
        }
        model.setObjective(.minimize, LinearExpression(objective))
        let result = try solveOrDive(model)
        var outcome = Outcome(result: result)
        guard result.hasFeasibleSolution else { return greedy(planned, group: group, result: result) }
        let (handedOut, unused) = handOut(variants, types: types, take: take, group: group, values: result.values)
        var taken = Array(repeating: [PlannedShift](), count: group.members.count)
        for (a, agent) in group.members.enumerated() {
            for option in take[a] where result.values[option.variable.index] > 0.5 {
                let type = allTypes[option.type]
                let variant = !option.isExtra ? variants[type]![handedOut[option.type]![a]!]
                    : variants[type]?.first ?? PlannedShift(shift: type, breakStarts: Self.earlyBreaks(type, intervalMinutes: problem.grid.intervalMinutes))
                taken[a].append(variant)
                if option.isExtra { outcome.extras.append(agent.id) }
            }
        }
        balanceLateShifts(&taken, group: group)
        for (i, type) in types.enumerated() { outcome.dropped += unused[i].map { variants[type]![$0] } }
        for (a, agent) in group.members.enumerated() { outcome.shifts += taken[a].map { rosterShift(agent: agent, planned: $0) } }
        for slack in minimumSlacks where result.values[slack.days.index] > 0.5 || result.values[slack.hours.index] > 0.01 {
            outcome.shortOfMinimum.append(group.members[slack.agent].id)
        }
        outcome.taken = taken
        return outcome
    }

    /// Which break variant of each planned shift type each taker gets (type → member → variant
    /// index), and the variants nobody took. A member whose published shift this is gets the
    /// variant with its published breaks when there is one; the others take the rest in member
    /// order.
    private func handOut(_ variants: [GridShift: [PlannedShift]], types: [GridShift], take: [[AgentOption]], group: AgentGroup, values: [Double])
        -> (assigned: [Int: [Int: Int]], unused: [[Int]])
    {
        var assigned: [Int: [Int: Int]] = [:]
        var unused: [[Int]] = []
        for (i, type) in types.enumerated() {
            let takers = group.members.indices.filter { a in take[a].contains { $0.type == i && !$0.isExtra && values[$0.variable.index] > 0.5 } }
            let wanted = takers.map { publishedBreaks[PublishedKey(agent: group.members[$0].id, template: type.template.id, start: type.option.start)] }
            let handed = BreakVariants.handOut(variants[type]!.map(breakStarts), wanted: wanted)
            assigned[i] = Dictionary(uniqueKeysWithValues: zip(takers, handed.taken))
            unused.append(handed.unused)
        }
        return (assigned, unused)
    }

    /// A planned shift's break starts as instants, in time order.
    private func breakStarts(_ planned: PlannedShift) -> [Date] { breaks(of: planned).map(\.start) }

    /// Break starts for a shift outside the plan: in the order their windows close, each break
    /// as early in its window as the breaks before it allow.
    static func earlyBreaks(_ shift: GridShift, intervalMinutes: Int) -> [Int] {
        let rules = shift.template.breaks
        var starts = Array(repeating: shift.startIndex, count: rules.count)
        var free = shift.startIndex
        let order = rules.indices.sorted {
            (rules[$0].latestOffsetMinutes, rules[$0].earliestOffsetMinutes, $0) < (rules[$1].latestOffsetMinutes, rules[$1].earliestOffsetMinutes, $1)
        }
        for k in order {
            let window = shift.breakWindow(rules[k], intervalMinutes: intervalMinutes)
            starts[k] = min(max(window.lowerBound, free), window.upperBound)
            free = starts[k] + rules[k].minutes / intervalMinutes
        }
        return starts
    }

    /// Branch and bound within its node budget (``nodeLimit(variables:)``); when that finds
    /// nothing, or the model is too big for a useful budget, an LP-guided dive on the same
    /// model (which rarely fails on assignment models). Only the backstop is a clock.
    private func solveOrDive(_ model: MIPModel) throws -> SolveResult {
        guard let remaining = backstop.remaining() else {
            return SolveResult(termination: .timeLimit, hasFeasibleSolution: false, objective: nil, bestBound: nil, values: [],
                               solveTime: .zero, rawStatus: "no time left for the assignment MIP")
        }
        var result = SolveResult(termination: .nodeLimit, hasFeasibleSolution: false, objective: nil, bestBound: nil, values: [],
                                 solveTime: .zero, rawStatus: "branch and bound skipped (\(model.variables.count) variables: too many for its node budget)")
        if let nodes = Self.nodeLimit(variables: model.variables.count) {
            var options = self.options
            options.timeLimit = remaining
            options.nodeLimit = nodes
            result = try solver.solve(model, options: options)
            if result.termination == .timeLimit { backstop.fire() }
        }
        guard !result.hasFeasibleSolution, let sessions = solver.lpSessions else { return result }
        let clock = ContinuousClock()
        let start = clock.now
        guard let dive = try LPGuidedDive(solver: sessions).run(model, backstop: backstop) else { return result }
        return SolveResult(
            termination: .heuristicStop, hasFeasibleSolution: true, objective: dive.objective, bestBound: result.bestBound,
            values: dive.values, solveTime: result.solveTime + (clock.now - start),
            rawStatus: result.rawStatus + "; then an LP-guided dive (\(dive.lpSolves) LP solves)")
    }

    /// The fallback when the assignment MIP finds nothing in its time: shifts in time order,
    /// each to the member with the fewest paid minutes so far who may legally take it (free,
    /// one shift a day, maximum days and hours, rest, consecutive days); then the members short
    /// of their minimum are topped up (``topUp(_:planned:group:outcome:)``).
    private func greedy(_ planned: [PlannedShift], group: AgentGroup, result: SolveResult) -> Outcome {
        var outcome = Outcome(result: result)
        var taken = Array(repeating: [PlannedShift](), count: group.members.count)
        for shift in planned.sorted(by: { $0.shift.option.start < $1.shift.option.start }) {
            let candidates = group.members.indices.filter { fits(shift.shift, member: $0, taken: taken[$0], group: group) }
            guard let chosen = candidates.min(by: { (Self.minutes(taken[$0]), $0) < (Self.minutes(taken[$1]), $1) }) else {
                outcome.dropped.append(shift)
                continue
            }
            taken[chosen].append(shift)
        }
        topUp(&taken, planned: planned, group: group, outcome: &outcome)
        for (a, agent) in group.members.enumerated() {
            outcome.shifts += taken[a].map { rosterShift(agent: agent, planned: $0) }
            if isShort(taken[a], week: group.weeks[a]) { outcome.shortOfMinimum.append(agent.id) }
        }
        return outcome
    }

    /// Gives every member still short of the weekly minimum extra shifts, as the MIP's extra
    /// shifts do: copies of planned shifts first, then any option of the contract's templates,
    /// each on a free day where every rule still holds, until the minimum is reached or nothing
    /// fits. Each extra is recorded in `outcome`.
    private func topUp(_ taken: inout [[PlannedShift]], planned: [PlannedShift], group: AgentGroup, outcome: inout Outcome) {
        let short = group.members.indices.filter { isShort(taken[$0], week: group.weeks[$0]) }
        guard !short.isEmpty else { return }
        var copies: [GridShift: PlannedShift] = [:]
        for shift in planned where copies[shift.shift] == nil { copies[shift.shift] = shift }
        let plannedTypes = copies.keys.sorted { ($0.option.start, $0.template.id) < ($1.option.start, $1.template.id) }
        let catalogue = problem.center.shiftTemplates.filter { group.contract.templates.contains($0.id) }
            .flatMap { GridShift.all($0, grid: problem.grid) }.filter { copies[$0] == nil }
        for a in short {
            for type in plannedTypes + catalogue where isShort(taken[a], week: group.weeks[a]) && fits(type, member: a, taken: taken[a], group: group) {
                taken[a].append(copies[type] ?? PlannedShift(shift: type, breakStarts: Self.earlyBreaks(type, intervalMinutes: problem.grid.intervalMinutes)))
                outcome.extras.append(group.members[a].id)
            }
        }
    }

    /// Whether member `a`, holding `taken`, may also take `shift`: free, one shift a day,
    /// maximum days and hours, consecutive days and rest.
    private func fits(_ shift: GridShift, member a: Int, taken: [PlannedShift], group: AgentGroup) -> Bool {
        let week = group.weeks[a], contract = group.contract
        let days = Set(taken.map(\.shift.day)).union([shift.day])
        var run = problem.previous[group.members[a].id].daysInARow, longest = 0
        for day in 0..<7 {
            run = days.contains(day) ? run + 1 : 0
            longest = max(longest, run)
        }
        return canWork(group.members[a], shift) && !taken.contains { $0.shift.day == shift.day }
            && taken.count < week.maxDays && longest <= contract.maxConsecutiveDays
            && Self.minutes(taken) + shift.template.paidMinutes <= week.maxPaidMinutes
            && taken.allSatisfy { other in
                let gap = other.shift.option.start < shift.option.start
                    ? shift.option.start.timeIntervalSince(other.shift.option.end)
                    : other.shift.option.start.timeIntervalSince(shift.option.end)
                return gap >= contract.minRestHours * 3600
            }
    }

    private func isShort(_ taken: [PlannedShift], week: ContractWeek) -> Bool {
        taken.count < week.minDays || Self.minutes(taken) < week.minPaidMinutes
    }

    private static func minutes(_ taken: [PlannedShift]) -> Int { taken.reduce(0) { $0 + $1.shift.template.paidMinutes } }

    /// The most and (with a weekend fairness price) the fewest weekend days of a group's
    /// members, with the previous weeks' above the fewest: the assignment keeps the most low,
    /// or the difference small.
    private struct WeekendSpread {
        let peak: VariableID
        let low: VariableID?
    }

    /// What one member's rows are made of: the week, the contract, and what the previous
    /// rosters carry in.
    private struct AgentRows {
        let week: ContractWeek
        let contract: Contract
        /// Weekend days worked in the previous rosters above the member who worked fewest.
        let weekendsAhead: Int
        /// Whether the member can work a weekend day this week (not away on both).
        let carriesWeekends: Bool
        /// Days the member may work in a row from the week's first day
        /// (``PreviousRosters/daysLeftInRun(of:contract:)``).
        let daysLeftInRun: Int
    }

    /// One shift a day, weekly days and minutes (minimums elastic), rest, consecutive days
    /// (also across the week's start) and the weekend spread for one agent.
    private func addAgentRows(
        _ model: inout MIPModel, agent a: Int, take: [AgentOption], types: [GridShift], rows: AgentRows,
        weekends: WeekendSpread, objective: inout [(VariableID, Double)]
    ) -> (days: VariableID, hours: VariableID) {
        let week = rows.week, contract = rows.contract
        let daySlack = model.addVariable(name: "short_days(\(a))")
        let hourSlack = model.addVariable(name: "short_hours(\(a))")
        objective.append((daySlack, Cost.missedMinimumDay))
        objective.append((hourSlack, Cost.missedMinimumHour))
        let all = take.map { ($0.variable, 1.0) }
        model.addConstraint(name: "days(\(a))", LinearExpression(all + [(daySlack, 1)]),
                            .ranged(lower: Double(week.minDays), upper: Double(max(week.minDays, week.maxDays))))
        let minutes = take.map { ($0.variable, Double(types[$0.type].template.paidMinutes) / 60) }
        model.addConstraint(name: "hours(\(a))", LinearExpression(minutes + [(hourSlack, 1)]),
                            .ranged(lower: Double(week.minPaidMinutes) / 60, upper: Double(max(week.minPaidMinutes, week.maxPaidMinutes)) / 60))
        let byDay = Dictionary(grouping: take, by: { types[$0.type].day })
        for (day, entries) in byDay.sorted(by: { $0.key < $1.key }) where entries.count > 1 {
            model.addConstraint(name: "oneshift(\(a),\(day))", LinearExpression(entries.map { ($0.variable, 1) }), .lessOrEqual(1))
        }
        let rest = contract.minRestHours * 3600
        for option in take {
            let shift = types[option.type]
            let clashes = take.filter { other in
                let next = types[other.type]
                return next.day > shift.day && next.option.start.timeIntervalSince(shift.option.end) < rest
            }
            if !clashes.isEmpty {
                model.addConstraint(name: "rest(\(a),\(option.variable.index))", LinearExpression([(option.variable, 1)] + clashes.map { ($0.variable, 1) }),
                                    .lessOrEqual(1))
            }
        }
        if contract.maxConsecutiveDays < 7 {
            for first in 0...(7 - contract.maxConsecutiveDays - 1) {
                let window = first...(first + contract.maxConsecutiveDays)
                let terms = take.filter { window.contains(types[$0.type].day) }.map { ($0.variable, 1.0) }
                if terms.count > contract.maxConsecutiveDays {
                    model.addConstraint(name: "consecutive(\(a),\(first))", LinearExpression(terms), .lessOrEqual(Double(contract.maxConsecutiveDays)))
                }
            }
        }
        // The run carried over from the previous rosters: a day off within its first days.
        if rows.daysLeftInRun < contract.maxConsecutiveDays {
            let window = 0...rows.daysLeftInRun
            let terms = take.filter { window.contains(types[$0.type].day) }.map { ($0.variable, 1.0) }
            if terms.count > rows.daysLeftInRun {
                model.addConstraint(name: "carried_run(\(a))", LinearExpression(terms), .lessOrEqual(Double(rows.daysLeftInRun)))
            }
        }
        let weekend = take.filter { types[$0.type].option.date.weekday.isWeekend }.map { ($0.variable, 1.0) }
        if !weekend.isEmpty {
            model.addConstraint(name: "weekend(\(a))", LinearExpression(weekend + [(weekends.peak, -1)]),
                                .lessOrEqual(-Double(rows.weekendsAhead)))
        }
        if rows.carriesWeekends, let low = weekends.low {
            model.addConstraint(name: "weekendlow(\(a))", LinearExpression(weekend + [(low, -1)]),
                                .greaterOrEqual(-Double(rows.weekendsAhead)))
        }
        return (daySlack, hourSlack)
    }

    /// Spreads late shifts (starting at noon or later) across the members, counting those of
    /// the previous rosters too: while one member has at least two more than another, a late
    /// and an early shift of the same day and paid time are swapped between them, if
    /// availability, rest and their wishes still allow it.
    /// Days, hours, weekends and consecutive days stay as they are. Each swap lowers the sum
    /// of squared late counts, so the loop ends.
    private func balanceLateShifts(_ taken: inout [[PlannedShift]], group: AgentGroup) {
        let rest = group.contract.minRestHours * 3600
        // Late shifts of the previous rosters count too, above the member who had fewest.
        let prior = group.members.map { problem.previous[$0.id].lateShifts }
        var late = taken.indices.map { a in taken[a].filter { startsLate($0.shift) }.count + prior[a] - (prior.min() ?? 0) }
        func restHolds(_ shifts: [PlannedShift]) -> Bool {
            let ordered = shifts.sorted { $0.shift.option.start < $1.shift.option.start }
            return zip(ordered, ordered.dropFirst()).allSatisfy { $1.shift.option.start.timeIntervalSince($0.shift.option.end) >= rest }
        }
        /// The first allowed swap from a member with many late shifts to one with few.
        func nextSwap() -> (a: Int, i: Int, b: Int, j: Int)? {
            for a in taken.indices {
                for b in taken.indices where late[a] >= late[b] + 2 {
                    for (i, mine) in taken[a].enumerated() where startsLate(mine.shift) {
                        guard let j = taken[b].firstIndex(where: {
                            $0.shift.day == mine.shift.day && !startsLate($0.shift) && $0.shift.template.paidMinutes == mine.shift.template.paidMinutes
                        }) else { continue }
                        let theirs = taken[b][j]
                        let (memberA, memberB) = (group.members[a], group.members[b])
                        guard canWork(memberA, theirs.shift), canWork(memberB, mine.shift),
                            preferenceCost(memberA, theirs.shift) + preferenceCost(memberB, mine.shift)
                                <= preferenceCost(memberA, mine.shift) + preferenceCost(memberB, theirs.shift)
                        else { continue }
                        var newA = taken[a], newB = taken[b]
                        newA[i] = theirs
                        newB[j] = mine
                        if restHolds(newA), restHolds(newB) { return (a, i, b, j) }
                    }
                }
            }
            return nil
        }
        while let swap = nextSwap() {
            let mine = taken[swap.a][swap.i]
            taken[swap.a][swap.i] = taken[swap.b][swap.j]
            taken[swap.b][swap.j] = mine
            late[swap.a] -= 1
            late[swap.b] += 1
        }
    }

    /// Whether `agent` is free for the whole of `shift`, and rested enough since the previous
    /// roster's last shift.
    func canWork(_ agent: Agent, _ shift: GridShift) -> Bool {
        let rested = problem.previous.isEmpty
            || problem.previous.earliestStart(of: agent.id, contract: problem.contract(of: agent)).map { shift.option.start >= $0 } ?? true
        return rested && Availability.isFree(agent, for: shift, in: problem.grid.timeZone)
    }

    /// The soft cost of giving `shift` to `agent`: a preferred day off, or the wrong half of the day.
    private func preferenceCost(_ agent: Agent, _ shift: GridShift) -> Double {
        let startsLate = startsLate(shift)
        return agent.preferences.reduce(0) { cost, preference in
            switch preference {
            case .dayOff(let weekday): cost + (shift.option.date.weekday == weekday ? Cost.preference : 0)
            case .early: cost + (startsLate ? Cost.preference : 0)
            case .late: cost + (startsLate ? 0 : Cost.preference)
            }
        }
    }

    /// Whether `shift` starts at noon or later (a late shift, for wishes and fairness).
    private func startsLate(_ shift: GridShift) -> Bool {
        Fairness.isLate(startMinute: LocalDateTime(shift.option.start, in: problem.grid.timeZone).minuteOfDay)
    }

    private func rosterShift(agent: Agent, planned: PlannedShift) -> RosterShift {
        let option = planned.shift.option
        return RosterShift(agentID: agent.id, date: option.date, templateID: option.templateID, start: option.start, end: option.end,
                           paidMinutes: option.paidMinutes, breaks: breaks(of: planned))
    }

    /// A planned shift's breaks as instants, in time order.
    private func breaks(of planned: PlannedShift) -> [RosterBreak] {
        let seconds = Double(problem.grid.intervalMinutes * 60)
        return zip(planned.shift.template.breaks, planned.breakStarts).map { rule, position in
            let start = planned.shift.option.start.addingTimeInterval(Double(position - planned.shift.startIndex) * seconds)
            return RosterBreak(start: start, end: start.addingTimeInterval(Double(rule.minutes * 60)))
        }.sorted { $0.start < $1.start }
    }
}
