import Foundation
import WFMCore
import WFMMeasure
import WFMOptimization

/// The first-stage MIP: how many agents of each group work each shift, where their breaks
/// go, and how their time is split across queues, against the requirements.
///
/// - `x[g, shift]` (integer): agents of group g working a shift option.
/// - `w[g, template, day, break, position]` (integer): their breaks starting at an interval;
///   cumulative-count rows (Bechtold–Jacobs) guarantee every shift can get a break in its
///   window, assigned in start order. Alternatively (``BreakPlacement``) one break variable per
///   shift option, or a loose relaxation.
/// - `P[s, t]` (continuous): agents with skill set s (all groups with those skills, whatever
///   their contract) present — on shift, not on break — in interval t.
/// - `y[s, q, t]` (continuous): for skill sets of several queues, agent time given to queue q
///   in interval t; the allocations never exceed `P[s, t]` — time is split, never counted
///   twice. A single skill's presence counts towards its queue directly.
/// - `D[g, d]` (continuous): shifts of group g on day d, for the weekly and consecutive-day
///   rows; running sums of late ends and early starts for the group rest rows.
/// - `short[q, t, k]` (continuous): requirement not covered, one variable per piece of the
///   convex shortage penalty (``ShortagePenalty``), the dearer pieces (the floor last) filling
///   only once the cheaper are full.
/// - elastic slacks on each group's weekly minimum days and hours, at a prohibitive cost, so
///   that conflicting rules are named rather than making the model infeasible.
///
/// Objective: weighted shortfall, then idle presence (overstaffing) and paid hours, then a
/// small preference for first-priority skills.
struct GroupRosterModel {
    struct ShiftVariable {
        let group: Int
        let shift: GridShift
        let variable: VariableID
    }

    struct BreakVariable {
        let group: Int
        let templateID: String
        let day: Int
        let breakIndex: Int
        let position: Int
        let variable: VariableID
    }

    /// The presence of the groups sharing one set of skills: their shift and break terms by
    /// interval, and where any of their shifts can run.
    private struct PresencePool {
        let key: String
        let skills: [Skill]
        var cap: Double
        var flow: [[(VariableID, Double)]]
        var covered: [Bool]

        init(key: String, skills: [Skill], cap: Double, intervals: Int) {
            self.key = key
            self.skills = skills
            self.cap = cap
            flow = Array(repeating: [], count: intervals)
            covered = Array(repeating: false, count: intervals)
        }
    }

    struct Slack {
        let group: Int
        let rule: String
        let variable: VariableID
    }

    private(set) var model = MIPModel(name: "roster")
    private(set) var shifts: [ShiftVariable] = []
    private(set) var breaks: [BreakVariable] = []
    private(set) var slacks: [Slack] = []
    private(set) var shortfalls: [(queue: Int, interval: Int, variable: VariableID)] = []
    /// The day (0–6) each variable belongs to, nil for weekly ones: the model's diagonal
    /// blocks, linked by the weekly and rest rows (and presence across midnight).
    private(set) var dayOfVariable: [Int?] = []
    /// `D[g, d]`: the shifts of each group on each day.
    private(set) var dayCounts: [VariableID] = []
    /// The shortage pieces below the dearest of their queue and interval: their upper bounds
    /// make the penalty convex (without them every agent missing would cost the cheapest
    /// piece's price), so the interior-point model keeps them.
    private(set) var boundedPieces: [VariableID] = []

    /// The model for an interior-point solve: the same rows and costs, without the upper
    /// bounds that its optimum does not need. GLPK's interior point writes each column bounded
    /// on both sides as a row of its own, so these bounds (one per shift option, break
    /// position, presence and shortfall) make the system it factorizes several times larger
    /// (docs/benchmarking.md has the time this saves).
    /// A bound is dropped only from a variable that is not fixed and whose cost is not
    /// negative (so the LP stays bounded), and each is implied by the rows — a shift or break
    /// at most its group's day count, presence at most the shifts present, a queue's time at
    /// most the presence — or only costs to exceed (shortfall beyond the requirement, elastic
    /// slack), so the optimum is the same. The day counts keep theirs: they are the members
    /// available; so do the shortage pieces below the dearest (``boundedPieces``). The proven
    /// bound is computed on ``model``, whose bounds are all finite, with this solve's duals.
    var interiorPointModel: MIPModel {
        var open = model
        var cost = [Double](repeating: 0, count: model.variables.count)
        for term in model.objective.terms { cost[term.variable.index] += term.coefficient }
        let bounded = Set(dayCounts + boundedPieces)
        for (index, variable) in model.variables.enumerated()
        where variable.upperBound.isFinite && variable.upperBound > variable.lowerBound && cost[index] >= 0
            && !bounded.contains(VariableID(index)) {
            open.setBounds(of: VariableID(index), lower: variable.lowerBound, upper: .infinity)
        }
        return open
    }

    /// Adds a variable of `day` (nil: of the week).
    private mutating func addVariable(
        name: String, kind: VariableKind = .continuous, lowerBound: Double, upperBound: Double, day: Int?
    ) -> VariableID {
        dayOfVariable.append(day)
        return model.addVariable(name: name, kind: kind, lowerBound: lowerBound, upperBound: upperBound)
    }

    /// How breaks are tied to the shifts they belong to.
    enum BreakPlacement {
        /// Each shift's breaks in its own window, through cumulative counts of shift and break
        /// starts (Bechtold–Jacobs): exact, few columns, many short rows.
        case cumulativeCounts
        /// Each shift option's breaks in its own window, one variable per option, break and
        /// position: exact (the same LP bound), more columns but less than half the rows, so
        /// its interior-point and simplex solves are faster.
        case perShiftOption
        /// As many breaks as shifts, anywhere in the windows of a template's shifts on that
        /// day: a relaxation (no roster may come of its values) whose interior-point solve is
        /// faster still, with a slightly weaker bound.
        case anywhereInDayWindows
    }

    /// Cost of one unit of elastic slack, far above any shortfall.
    static let elasticCost = 1e6

    /// Builds the model.
    ///
    /// Coverage is written as presence-change ("flow") rows: `P[g,t] − P[g,t−1]` equals the
    /// shifts starting at t, less those ending, less breaks starting, plus breaks ending, so a
    /// shift touches 2 rows instead of one per interval it covers. Breaks are tied to shifts
    /// through cumulative counts (`S` of shift starts, `C` of break starts), 2 nonzeros a row.
    /// Every variable gets a finite upper bound that some optimal roster respects (presence at
    /// most twice the group, as two days' shifts may overlap at night; shortfall at most the
    /// requirement), so that any row multipliers give a finite Lagrangian bound.
    ///
    /// `admits` restricts the shift options of each group (by group index); the restricted
    /// model's optimum is then no better than the full one's. Without `countsRest` the group
    /// rest rows are left out: a relaxation whose interior-point solve is several times faster
    /// (those rows link the days and multiply the Cholesky fill). `breakPlacement` chooses
    /// how breaks are written (see ``BreakPlacement``).
    /// - Complexity: O(groups × (shift options + break positions + intervals × skills)).
    init(
        problem: ScheduleProblem, groups: [AgentGroup], countsRest: Bool = true, breakPlacement: BreakPlacement = .cumulativeCounts,
        admits: (Int, GridShift) -> Bool = { _, _ in true }
    ) {
        let grid = problem.grid
        let hours = Double(grid.intervalMinutes) / 60
        let costs = problem.center.costs
        let requirements = problem.requirements
        var objective: [(VariableID, Double)] = []
        var coverage = Array(repeating: Array(repeating: [(VariableID, Double)](), count: grid.intervals.count), count: requirements.queues.count)
        var (pools, poolOfGroup) = Self.pools(of: groups, intervals: grid.intervals.count)
        for (position, group) in groups.enumerated() {
            addShifts(of: group, to: &pools[poolOfGroup[position]], problem: problem, countsRest: countsRest, breakPlacement: breakPlacement,
                      admits: admits, objective: &objective)
        }
        addFairnessRows(problem: problem, groups: groups, objective: &objective)
        let dayOfInterval = grid.intervals.map(\.dayOffset)
        for (index, pool) in pools.enumerated() {
            addPresence(pool, index: index, requirements: requirements, dayOfInterval: dayOfInterval, hours: hours, costs: costs, coverage: &coverage, objective: &objective)
        }
        let requiredTotal = addCoverage(problem, coverage: coverage, dayOfInterval: dayOfInterval, objective: &objective)
        // A replan's credits for kept agent-days are offset by their total, so the objective is
        // the roster's cost plus the change cost of every published agent-day not kept: the
        // scale on which its gap is measured, as a fresh roster's is on its cost.
        let publishedDays = Self.publishedCounts(problem, groups: groups).values.reduce(0) { $0 + $1.values.reduce(0, +) }
        // Summed in a fixed order (the dictionaries' changes from run to run), so that the
        // constant is the same to the last bit.
        let breakCredits = Self.publishedBreakCounts(problem, groups: groups).sorted { $0.key < $1.key }.flatMap { $0.value }
            .map { Self.keptBreakCredit($0.key.breaks, changeCost: problem.changeCostPerAgentDay) * Double($0.value) }
            .sorted().reduce(0, +)
        model.setObjective(.minimize, LinearExpression(
            objective, constant: -costs.overstaffingPerAgentHour * hours * requiredTotal + problem.changeCostPerAgentDay * Double(publishedDays)
                + breakCredits))
    }

    /// A published shift: its template and start.
    struct PublishedShift: Hashable {
        let template: String
        let start: Date
    }

    /// Per group (by index), how many of its members the published roster puts on each shift.
    static func publishedCounts(_ problem: ScheduleProblem, groups: [AgentGroup]) -> [Int: [PublishedShift: Int]] {
        guard !problem.published.isEmpty else { return [:] }
        let groupOf = groupIndexByMember(groups)
        var counts: [Int: [PublishedShift: Int]] = [:]
        for shift in problem.published {
            guard let group = groupOf[shift.agentID] else { continue }
            counts[group, default: [:]][PublishedShift(template: shift.templateID, start: shift.start), default: 0] += 1
        }
        return counts
    }

    /// The index of each member's group, by agent ID.
    private static func groupIndexByMember(_ groups: [AgentGroup]) -> [String: Int] {
        var groupOf: [String: Int] = [:]
        for group in groups { for member in group.members { groupOf[member.id] = group.index } }
        return groupOf
    }

    /// A published break: its template and day, which of the template's breaks it is (in
    /// start order), where it starts (an interval of the week) and how many breaks the
    /// template has.
    struct PublishedBreak: Hashable {
        let template: String
        let day: Int
        let breakIndex: Int
        let position: Int
        let breaks: Int
    }

    /// Per group (by index), how many of its members' published shifts have each break where
    /// it is; empty when the replan puts no price on changes. Breaks that do not start on the
    /// week's grid are left out.
    static func publishedBreakCounts(_ problem: ScheduleProblem, groups: [AgentGroup]) -> [Int: [PublishedBreak: Int]] {
        guard !problem.published.isEmpty, problem.changeCostPerAgentDay > 0 else { return [:] }
        let groupOf = groupIndexByMember(groups)
        let templates = Dictionary(problem.center.shiftTemplates.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var counts: [Int: [PublishedBreak: Int]] = [:]
        for shift in problem.published {
            guard let group = groupOf[shift.agentID], let template = templates[shift.templateID], !template.breaks.isEmpty,
                  let start = problem.grid.index(startingAt: shift.start)
            else { continue }
            let day = problem.grid.intervals[start].dayOffset
            for (k, published) in shift.breaks.map(\.start).sorted().prefix(template.breaks.count).enumerated() {
                guard let position = problem.grid.index(startingAt: published) else { continue }
                let key = PublishedBreak(template: template.id, day: day, breakIndex: k, position: position, breaks: template.breaks.count)
                counts[group, default: [:]][key, default: 0] += 1
            }
        }
        return counts
    }

    /// What keeping one published break where it was saves a replan: half the change cost of
    /// an agent-day, shared among the template's breaks. A day that keeps its shift but not its
    /// breaks is still a changed day (``changeCostPerAgentDay`` is saved by the shift alone),
    /// so moving its breaks costs half as much again: a modelling choice that keeps breaks
    /// where they were when coverage allows, yet moves them before a shift.
    static func keptBreakCredit(_ breaks: Int, changeCost: Double) -> Double { changeCost / 2 / Double(max(1, breaks)) }

    /// A replan's credit for the published breaks of one template-day kept where they were:
    /// per break and position, `kb ≤` the breaks the plan puts there and `kb ≤` the members
    /// published with that break there; per break, `Σ kb ≤` the agent-days kept on the
    /// template-day's shifts (only a kept shift keeps its breaks). Counted per template-day,
    /// not per shift start, so that every break placement writes it alike.
    private mutating func addKeptBreakCredits(
        of template: ShiftTemplate, day: Int, group: AgentGroup, keptDays: [VariableID], breaks added: ArraySlice<BreakVariable>,
        published: [PublishedBreak: Int], changeCost: Double, objective: inout [(VariableID, Double)]
    ) {
        let credit = Self.keptBreakCredit(template.breaks.count, changeCost: changeCost)
        var placed: [Int: [Int: [VariableID]]] = [:]
        for variable in added { placed[variable.breakIndex, default: [:]][variable.position, default: []].append(variable.variable) }
        for k in template.breaks.indices {
            var credits: [(VariableID, Double)] = []
            // In position order: the model's columns and rows must not follow a dictionary's
            // order, which changes from run to run (and with it the interior point's path).
            let here = published.filter { $0.key.template == template.id && $0.key.day == day && $0.key.breakIndex == k }
            for (key, count) in here.sorted(by: { $0.key.position < $1.key.position }) {
                guard let at = placed[k]?[key.position] else { continue }
                let tag = "\(group.index),\(template.id),\(day),\(k),\(key.position)"
                let keptBreaks = addVariable(name: "kb(\(tag))", lowerBound: 0, upperBound: Double(count), day: day)
                model.addConstraint(name: "kb(\(tag))", LinearExpression([(keptBreaks, 1)] + at.map { ($0, -1.0) }), .lessOrEqual(0))
                objective.append((keptBreaks, -credit))
                credits.append((keptBreaks, 1))
            }
            guard !credits.isEmpty else { continue }
            model.addConstraint(name: "kbday(\(group.index),\(template.id),\(day),\(k))",
                                LinearExpression(credits + keptDays.map { ($0, -1.0) }), .lessOrEqual(0))
        }
    }

    /// Groups with the same skills (contracts differ) share one presence chain and queue split:
    /// the pools, and the pool of each group (in group order, which is group index order).
    private static func pools(of groups: [AgentGroup], intervals: Int) -> (pools: [PresencePool], poolOfGroup: [Int]) {
        var pools: [PresencePool] = []
        var poolOfGroup: [Int] = []
        for group in groups {
            let key = group.skills.poolKey
            if let existing = pools.firstIndex(where: { $0.key == key }) {
                poolOfGroup.append(existing)
                pools[existing].cap += Double(2 * group.members.count)
            } else {
                poolOfGroup.append(pools.count)
                pools.append(PresencePool(key: key, skills: group.skills, cap: Double(2 * group.members.count), intervals: intervals))
            }
        }
        return (pools, poolOfGroup)
    }

    /// One group's shift options (as `admits` allows) with their breaks, day counts and weekly,
    /// consecutive-day and (with `countsRest`) rest rows; shifts and breaks flow into `pool`.
    private mutating func addShifts(
        of group: AgentGroup, to pool: inout PresencePool, problem: ScheduleProblem, countsRest: Bool, breakPlacement: BreakPlacement,
        admits: (Int, GridShift) -> Bool, objective: inout [(VariableID, Double)]
    ) {
        let grid = problem.grid
        let intervals = grid.intervals.count
        var byDay = Array(repeating: [VariableID](), count: 7)
        var minutesTerms: [(VariableID, Double)] = []
        let templates = problem.center.shiftTemplates.filter { group.contract.templates.contains($0.id) }
        let publishedCount = Self.publishedCounts(problem, groups: [group])
        let publishedBreaks = Self.publishedBreakCounts(problem, groups: [group])
        for template in templates {
            let options = GridShift.all(template, grid: grid).filter { group.availableByDay[$0.day] > 0 && admits(group.index, $0) }
            var blockStarts: [Int: [(index: Int, variable: VariableID)]] = [:]
            var keptByDay: [Int: [VariableID]] = [:]
            for shift in options {
                let variable = addVariable(
                    name: "x(\(group.index),\(template.id),\(shift.day),\(shift.startIndex))", kind: .integer,
                    lowerBound: 0, upperBound: Double(group.availableByDay[shift.day]), day: shift.day)
                shifts.append(ShiftVariable(group: group.index, shift: shift, variable: variable))
                for t in shift.startIndex..<min(shift.startIndex + shift.length, intervals) { pool.covered[t] = true }
                if shift.startIndex < intervals { pool.flow[shift.startIndex].append((variable, -1)) }
                if shift.startIndex + shift.length < intervals { pool.flow[shift.startIndex + shift.length].append((variable, 1)) }
                byDay[shift.day].append(variable)
                minutesTerms.append((variable, Double(template.paidMinutes)))
                objective.append((variable, problem.center.costs.paidHour * Double(template.paidMinutes) / 60))
                blockStarts[shift.day, default: []].append((shift.startIndex, variable))
                if let kept = publishedCount[group.index]?[PublishedShift(template: template.id, start: shift.option.start)], kept > 0 {
                    // k ≤ x and k ≤ the members published on this shift: the agent-days kept.
                    let keptDays = addVariable(name: "k(\(group.index),\(template.id),\(shift.day),\(shift.startIndex))", lowerBound: 0,
                                               upperBound: Double(kept), day: shift.day)
                    model.addConstraint(name: "keep(\(group.index),\(template.id),\(shift.day),\(shift.startIndex))",
                                        LinearExpression([(keptDays, 1), (variable, -1)]), .lessOrEqual(0))
                    objective.append((keptDays, -problem.changeCostPerAgentDay))
                    keptByDay[shift.day, default: []].append(keptDays)
                }
            }
            for (day, starts) in blockStarts.sorted(by: { $0.key < $1.key }) {
                let firstBreak = breaks.count
                addBreaks(of: template, day: day, starts: starts.sorted { $0.index < $1.index }, group: group, placement: breakPlacement,
                          intervals: intervals, flow: &pool.flow, intervalMinutes: grid.intervalMinutes)
                if let kept = keptByDay[day], let published = publishedBreaks[group.index] {
                    addKeptBreakCredits(of: template, day: day, group: group, keptDays: kept, breaks: breaks[firstBreak...],
                                        published: published, changeCost: problem.changeCostPerAgentDay, objective: &objective)
                }
            }
        }
        var dayCounts: [(VariableID, Double)] = []
        var dayCount: [Int: VariableID] = [:]
        for day in 0..<7 where !byDay[day].isEmpty {
            let count = addVariable(name: "D(\(group.index),\(day))", lowerBound: 0, upperBound: Double(group.availableByDay[day]), day: day)
            model.addConstraint(name: "day(\(group.index),\(day))", LinearExpression(byDay[day].map { ($0, 1) } + [(count, -1)]), .equal(0))
            dayCounts.append((count, 1))
            dayCount[day] = count
        }
        self.dayCounts += dayCounts.map(\.0)
        let daySlack = addWeekRows(group: group, templates: templates, days: dayCounts, minutes: minutesTerms, objective: &objective)
        addDaySpreadRows(group: group, dayCount: dayCount, daySlack: daySlack)
        addConsecutiveDayRows(group: group, dayCount: dayCount, weekStart: grid.weekStart)
        addCarriedRows(group: group, previous: problem.previous, dayCount: dayCount, shifts: shifts.filter { $0.group == group.index },
                       weekStart: grid.weekStart)
        if countsRest { addRestRows(group: group, shifts: shifts.filter { $0.group == group.index }) }
    }

    /// The breaks of one template-day's shifts (`starts`, in start order), written as `placement` says.
    private mutating func addBreaks(
        of template: ShiftTemplate, day: Int, starts: [(index: Int, variable: VariableID)], group: AgentGroup, placement: BreakPlacement,
        intervals: Int, flow: inout [[(VariableID, Double)]], intervalMinutes: Int
    ) {
        switch placement {
        case .cumulativeCounts:
            addBreaks(group: group, template: template, day: day, starts: starts, intervals: intervals, flow: &flow, intervalMinutes: intervalMinutes)
        case .perShiftOption:
            for start in starts {
                for k in template.breaks.indices {
                    addBreakChoice(k, of: [start], group: group, template: template, day: day,
                                   tag: "\(group.index),\(template.id),\(day),\(k),s\(start.index)",
                                   intervals: intervals, flow: &flow, intervalMinutes: intervalMinutes)
                }
            }
        case .anywhereInDayWindows:
            for k in template.breaks.indices {
                addBreakChoice(k, of: starts, group: group, template: template, day: day, tag: "\(group.index),\(template.id),\(day),\(k)",
                               intervals: intervals, flow: &flow, intervalMinutes: intervalMinutes)
            }
        }
    }

    /// The shortfall variables and coverage rows of every queue and interval with a
    /// requirement; returns the requirements' total (for the objective's constant).
    private mutating func addCoverage(
        _ problem: ScheduleProblem, coverage: [[[(VariableID, Double)]]], dayOfInterval: [Int], objective: inout [(VariableID, Double)]
    ) -> Double {
        let requirements = problem.requirements
        let prices = ObjectivePrices(center: problem.center)
        let penalty = ShortagePenalty(center: problem.center, requirements: requirements)
        var requiredTotal = 0.0
        for q in requirements.queues.indices {
            for t in dayOfInterval.indices where requirements.agents[q][t] > 0 {
                // One variable per piece of the convex penalty: the cheaper pieces fill first.
                let pieces = penalty.pieces[q][t].enumerated().map { k, piece in
                    let short = addVariable(name: "short(\(q),\(t),\(k))", lowerBound: 0, upperBound: piece.agents, day: dayOfInterval[t])
                    shortfalls.append((q, t, short))
                    if k < penalty.pieces[q][t].count - 1 { boundedPieces.append(short) }
                    objective.append((short, prices.shortfallInModel(price: piece.pricePerAgent)))
                    return (short, 1.0)
                }
                model.addConstraint(name: "cover(\(q),\(t))", LinearExpression(coverage[q][t] + pieces),
                                    .greaterOrEqual(requirements.agents[q][t]))
                requiredTotal += requirements.agents[q][t]
            }
        }
        return requiredTotal
    }

    /// The presence chain of one pool over the intervals its shifts can cover, and its split
    /// across the queues it is skilled for (a single skill counts presence directly).
    private mutating func addPresence(
        _ pool: PresencePool, index: Int, requirements: RequirementMatrix, dayOfInterval: [Int], hours: Double, costs: Costs,
        coverage: inout [[[(VariableID, Double)]]], objective: inout [(VariableID, Double)]
    ) {
        var previous: VariableID?
        for t in pool.covered.indices where pool.covered[t] || previous != nil {
            let day = dayOfInterval[t]
            // Where no shift can be running, presence is 0 and has no variable; the row just
            // after a covered stretch closes it (what is present there must end).
            let presence = pool.covered[t] ? addVariable(name: "P(\(index),\(t))", lowerBound: 0, upperBound: pool.cap, day: day) : nil
            let own = presence.map { [($0, 1.0)] } ?? []
            let back = previous.map { [($0, -1.0)] } ?? []
            model.addConstraint(name: "flow(\(index),\(t))", LinearExpression(own + back + pool.flow[t]), .equal(0))
            previous = presence
            guard let presence else { continue }
            objective.append((presence, costs.overstaffingPerAgentHour * hours))
            if pool.skills.count == 1 {
                if let q = requirements.queues.firstIndex(of: pool.skills[0].queue), requirements.agents[q][t] > 0 {
                    coverage[q][t].append((presence, 1))
                }
                continue
            }
            var allocation: [(VariableID, Double)] = []
            for skill in pool.skills {
                guard let q = requirements.queues.firstIndex(of: skill.queue), requirements.agents[q][t] > 0 else { continue }
                let y = addVariable(name: "y(\(index),\(q),\(t))", lowerBound: 0, upperBound: pool.cap, day: day)
                allocation.append((y, 1))
                coverage[q][t].append((y, 1))
                let preference = ObjectivePrices.secondSkill(priority: skill.priority, intervalHours: hours)
                if preference > 0 { objective.append((y, preference)) }
            }
            if !allocation.isEmpty {
                model.addConstraint(name: "alloc(\(index),\(t))", LinearExpression(allocation + [(presence, -1)]), .lessOrEqual(0))
            }
        }
    }

    /// Break-position variables of one template-day, their flow terms, and the cumulative rows
    /// that tie them to the shift starts: by each position, the breaks taken are at least the
    /// shifts whose window has closed and at most those whose window has opened.
    private mutating func addBreaks(
        group: AgentGroup, template: ShiftTemplate, day: Int, starts: [(index: Int, variable: VariableID)], intervals: Int,
        flow: inout [[(VariableID, Double)]], intervalMinutes: Int
    ) {
        guard !template.breaks.isEmpty else { return }
        let tag = "\(group.index),\(template.id),\(day)"
        let cap = Double(group.availableByDay[day])
        var startCount: [Int: VariableID] = [:]
        var previous: VariableID?
        for start in starts {
            let count = addVariable(name: "S(\(tag),\(start.index))", lowerBound: 0, upperBound: cap, day: day)
            let back = previous.map { [($0, -1.0)] } ?? []
            model.addConstraint(name: "S(\(tag),\(start.index))", LinearExpression([(count, 1), (start.variable, -1)] + back), .equal(0))
            startCount[start.index] = count
            previous = count
        }
        let startIndices = Set(starts.map(\.index))
        /// The count of shifts starting at or before interval `index`, if any do.
        func started(by index: Int) -> VariableID? {
            starts.last { $0.index <= index }.flatMap { startCount[$0.index] }
        }
        for (k, rule) in template.breaks.enumerated() {
            let early = rule.earliestOffsetMinutes / intervalMinutes
            let late = rule.latestOffsetMinutes / intervalMinutes
            let length = rule.minutes / intervalMinutes
            var cumulative: VariableID?
            let positions = (starts.first!.index + early)...(starts.last!.index + late)
            for p in positions {
                let w = addVariable(name: "w(\(tag),\(k),\(p))", kind: .integer, lowerBound: 0, upperBound: cap, day: day)
                breaks.append(BreakVariable(group: group.index, templateID: template.id, day: day, breakIndex: k, position: p, variable: w))
                if p < intervals { flow[p].append((w, 1)) }
                if p + length < intervals { flow[p + length].append((w, -1)) }
                let total = addVariable(name: "C(\(tag),\(k),\(p))", lowerBound: 0, upperBound: cap, day: day)
                let back = cumulative.map { [($0, -1.0)] } ?? []
                model.addConstraint(name: "C(\(tag),\(k),\(p))", LinearExpression([(total, 1), (w, -1)] + back), .equal(0))
                cumulative = total
                // A row is only written where its right-hand side changes: elsewhere the row of
                // the next (open) or previous (close) position implies it, as C never decreases.
                if let opened = started(by: p - early) {
                    if p == positions.upperBound || startIndices.contains(p + 1 - early) {
                        model.addConstraint(name: "open(\(tag),\(k),\(p))", LinearExpression([(total, 1), (opened, -1)]),
                                            p == positions.upperBound ? .equal(0) : .lessOrEqual(0))
                    }
                } else {
                    model.setBounds(of: total, lower: 0, upper: 0)
                }
                if p < positions.upperBound, startIndices.contains(p - late), let closed = started(by: p - late) {
                    model.addConstraint(name: "close(\(tag),\(k),\(p))", LinearExpression([(total, 1), (closed, -1)]), .greaterOrEqual(0))
                }
            }
        }
    }

    /// Break `k` of `shifts` (of one template-day): one variable per position from the first
    /// shift's earliest start of it to the last one's latest, with its flow terms, and a row
    /// making them as many as the shifts. `tag` names them.
    private mutating func addBreakChoice(
        _ k: Int, of shifts: [(index: Int, variable: VariableID)], group: AgentGroup, template: ShiftTemplate, day: Int, tag: String,
        intervals: Int, flow: inout [[(VariableID, Double)]], intervalMinutes: Int
    ) {
        let rule = template.breaks[k]
        let length = rule.minutes / intervalMinutes
        var terms = shifts.map { ($0.variable, -1.0) }
        for p in (shifts.first!.index + rule.earliestOffsetMinutes / intervalMinutes)...(shifts.last!.index + rule.latestOffsetMinutes / intervalMinutes) {
            let w = addVariable(name: "w(\(tag),\(p))", kind: .integer, lowerBound: 0, upperBound: Double(group.availableByDay[day]), day: day)
            breaks.append(BreakVariable(group: group.index, templateID: template.id, day: day, breakIndex: k, position: p, variable: w))
            if p < intervals { flow[p].append((w, 1)) }
            if p + length < intervals { flow[p + length].append((w, -1)) }
            terms.append((w, 1))
        }
        model.addConstraint(name: "breaks(\(tag))", LinearExpression(terms), .equal(0))
    }

    /// Maximum consecutive days, counted for the group: in any run of one day more than the
    /// maximum, each member works at most the maximum (fewer if absent on more days of it).
    private mutating func addConsecutiveDayRows(group: AgentGroup, dayCount: [Int: VariableID], weekStart: LocalDate) {
        let limit = group.contract.maxConsecutiveDays
        guard limit < 7 else { return }
        for first in 0...(6 - limit) {
            let window = first...(first + limit)
            let terms = window.compactMap { dayCount[$0] }.map { ($0, 1.0) }
            guard terms.count > limit else { continue }
            let most = group.members.reduce(0) { total, agent in
                total + min(limit, window.filter { !agent.isAbsentAllDay(on: weekStart.adding(days: $0)) }.count)
            }
            model.addConstraint(name: "consecutive(\(group.index),\(first))", LinearExpression(terms), .lessOrEqual(Double(most)))
        }
    }

    /// Fairness across the groups of a contract (``Fairness``, priced in `fairness:`): for
    /// each priced burden, a group's load — the burden's shifts `B[g]` of its members plus what
    /// the previous rosters carried, `P[g]` — above its members' fair share of the contract's
    /// load costs the price per unit: `e[g] ≥ B[g] + P[g] − (E[g] / E) · Σ (B[h] + P[h])`, with
    /// `E[g]` the members who can carry it. The roster's own measure (``FairnessMeasure``)
    /// counts the same excess per group, so the model's bound holds for the roster's cost;
    /// stage 2 evens out weekends and late shifts within each group.
    private mutating func addFairnessRows(problem: ScheduleProblem, groups: [AgentGroup], objective: inout [(VariableID, Double)]) {
        let fairness = problem.center.fairness
        let week = (0..<7).map { problem.grid.weekStart.adding(days: $0) }
        let zone = problem.grid.timeZone
        for burden in fairness.priced {
            for contract in problem.center.contracts {
                let members = groups.filter { $0.contract.id == contract.id }
                let carriers = members.map { group in group.members.filter { Fairness.canCarry(burden, agent: $0, week: week) } }
                let total = carriers.reduce(0) { $0 + $1.count }
                guard members.count > 1, total > 0 else { continue }
                let carried = carriers.map { $0.reduce(0) { $0 + problem.previous.count(burden, of: $1.id) } }
                let carriedTotal = carried.reduce(0, +)
                let most = Double(burden == .weekendDay ? 2 : 7)
                var loads: [VariableID] = []
                for group in members {
                    let terms = shifts.filter { variable in
                        variable.group == group.index && Fairness.carries(
                            burden, date: variable.shift.option.date, startMinute: LocalDateTime(variable.shift.option.start, in: zone).minuteOfDay,
                            template: variable.shift.template)
                    }.map { ($0.variable, -1.0) }
                    let load = addVariable(name: "B(\(burden.rawValue),\(group.index))", lowerBound: 0,
                                           upperBound: most * Double(group.members.count), day: nil)
                    model.addConstraint(name: "load(\(burden.rawValue),\(group.index))", LinearExpression([(load, 1)] + terms), .equal(0))
                    loads.append(load)
                }
                let contractLoad = addVariable(name: "T(\(burden.rawValue),\(contract.id))", lowerBound: 0,
                                               upperBound: most * Double(members.reduce(0) { $0 + $1.members.count }), day: nil)
                model.addConstraint(name: "contract_load(\(burden.rawValue),\(contract.id))",
                                    LinearExpression([(contractLoad, 1)] + loads.map { ($0, -1) }), .equal(0))
                for (position, group) in members.enumerated() where !carriers[position].isEmpty {
                    let share = Double(carriers[position].count) / Double(total)
                    let excess = addVariable(name: "e(\(burden.rawValue),\(group.index))", lowerBound: 0,
                                             upperBound: most * Double(group.members.count) + Double(carried[position]), day: nil)
                    objective.append((excess, fairness.price(burden)))
                    model.addConstraint(name: "fair(\(burden.rawValue),\(group.index))",
                                        LinearExpression([(excess, 1), (loads[position], -1), (contractLoad, share)]),
                                        .greaterOrEqual(Double(carried[position]) - share * Double(carriedTotal)))
                }
            }
        }
    }

    /// What the previous rosters carry in, counted for the group. A member whose run of days
    /// worked up to the week's start leaves `r` days (``PreviousRosters/daysLeftInRun(of:contract:)``)
    /// takes a day off within the first `r + 1`, so in the first `L` days the group works at
    /// most its members' days there less one for each member whose day off must fall in them.
    /// A member still resting from the last previous shift takes no shift starting before the
    /// rest ends, so the shifts starting before each such end are at most the members rested
    /// by then.
    private mutating func addCarriedRows(group: AgentGroup, previous: PreviousRosters, dayCount: [Int: VariableID], shifts: [ShiftVariable],
                                         weekStart: LocalDate) {
        guard !previous.isEmpty else { return }
        let contract = group.contract
        let absent = group.members.map { agent in (0..<7).map { agent.isAbsentAllDay(on: weekStart.adding(days: $0)) } }
        let left = group.members.map { previous.daysLeftInRun(of: $0.id, contract: contract) }
        for length in 1...7 {
            let window = 0..<length
            let offInWindow = group.members.indices.filter { m in left[m] < length && !(0...left[m]).contains { absent[m][$0] } }.count
            let terms = window.compactMap { dayCount[$0] }.map { ($0, 1.0) }
            guard offInWindow > 0, !terms.isEmpty else { continue }
            let most = group.members.indices.reduce(0) { total, m in total + window.filter { !absent[m][$0] }.count } - offInWindow
            model.addConstraint(name: "carried_run(\(group.index),\(length))", LinearExpression(terms), .lessOrEqual(Double(max(0, most))))
        }
        let rested = group.members.map { previous.earliestStart(of: $0.id, contract: contract) ?? .distantPast }
        var lastCount = 0
        for end in Set(rested).sorted() where end > .distantPast {
            let before = shifts.filter { $0.shift.option.start < end }
            // A later end with the same shifts before it only allows more members.
            guard before.count > lastCount else { continue }
            lastCount = before.count
            let able = rested.filter { $0 < end }.count
            model.addConstraint(name: "carried_rest(\(group.index),\(Int(end.timeIntervalSince1970)))",
                                LinearExpression(before.map { ($0.variable, 1.0) }), .lessOrEqual(Double(able)))
        }
    }

    /// Minimum rest, counted for the group: for each end time τ of a day's shifts, no member
    /// works both a shift of that day ending at τ or later and a shift of the next day starting
    /// less than the rest after τ, so together they are at most the members available on
    /// either day. The two counts are running sums (shifts ending at or after τ, shifts
    /// starting before τ + rest), so each rule row has 3 terms and every shift enters each sum
    /// once.
    private mutating func addRestRows(group: AgentGroup, shifts: [ShiftVariable]) {
        let rest = group.contract.minRestHours * 3600
        let byDay = Dictionary(grouping: shifts, by: \.shift.day)
        for day in 0..<6 {
            guard let today = byDay[day], let tomorrow = byDay[day + 1], let firstStart = tomorrow.map(\.shift.option.start).min()
            else { continue }
            let ends = Set(today.map(\.shift.option.end)).filter { firstStart.timeIntervalSince($0) < rest }.sorted(by: >)
            guard let latestEnd = ends.first else { continue }
            let starts = Set(tomorrow.map(\.shift.option.start)).filter { $0.timeIntervalSince(latestEnd) < rest }.sorted()
            let endingFrom = runningSums(ends, of: today, at: \.shift.option.end, day: day, name: "L(\(group.index),\(day)", cap: group.availableByDay[day])
            let startingBy = runningSums(starts, of: tomorrow, at: \.shift.option.start, day: day + 1, name: "E(\(group.index),\(day + 1)",
                                         cap: group.availableByDay[day + 1])
            // Members absent on both days take neither shift.
            let able = group.memberAvailable.filter { $0[day] || $0[day + 1] }.count
            for (end, late) in zip(ends, endingFrom) {
                guard let count = starts.lastIndex(where: { $0.timeIntervalSince(end) < rest }) else { continue }
                let early = startingBy[count]
                model.addConstraint(name: "rest(\(group.index),\(day),\(Int(end.timeIntervalSince1970)))",
                                    LinearExpression([(late, 1), (early, 1)]), .lessOrEqual(Double(able)))
            }
        }
    }

    /// Variables counting the shifts whose `time` is each of `times` or came before it in that
    /// order, as a chain of rows.
    private mutating func runningSums(
        _ times: [Date], of shifts: [ShiftVariable], at time: KeyPath<ShiftVariable, Date>, day: Int, name: String, cap: Int
    ) -> [VariableID] {
        var sums: [VariableID] = []
        for moment in times {
            let sum = addVariable(name: "\(name),\(Int(moment.timeIntervalSince1970)))", lowerBound: 0, upperBound: Double(cap), day: day)
            let back = sums.last.map { [($0, -1.0)] } ?? []
            let added = shifts.filter { $0[keyPath: time] == moment }.map { ($0.variable, -1.0) }
            model.addConstraint(name: "\(name),\(Int(moment.timeIntervalSince1970)))", LinearExpression([(sum, 1)] + back + added), .equal(0))
            sums.append(sum)
        }
        return sums
    }

    /// The group's weekly day and hour bounds, with elastic slack on the minimums; returns the
    /// slack on the days. Each member's hours are first moved to totals its `templates` can
    /// reach (``ReachablePaidMinutes``).
    private mutating func addWeekRows(
        group: AgentGroup, templates: [ShiftTemplate], days: [(VariableID, Double)], minutes: [(VariableID, Double)],
        objective: inout [(VariableID, Double)]
    ) -> VariableID {
        let minDays = Double(group.weeks.reduce(0) { $0 + $1.minDays })
        let maxDays = Double(group.weeks.reduce(0) { $0 + $1.maxDays })
        let shiftMinutes = Set(templates.map(\.paidMinutes))
        let reachable = group.weeks.map { week in
            ReachablePaidMinutes(shiftMinutes: shiftMinutes, days: week.minDays...max(week.minDays, week.maxDays))
                .bounds(minimum: week.minPaidMinutes, maximum: week.maxPaidMinutes)
        }
        let minMinutes = Double(reachable.reduce(0) { $0 + $1.minimum })
        let maxMinutes = Double(reachable.reduce(0) { $0 + $1.maximum })
        let daySlack = addVariable(name: "slackdays(\(group.index))", lowerBound: 0, upperBound: minDays, day: nil)
        let hourSlack = addVariable(name: "slackhours(\(group.index))", lowerBound: 0, upperBound: minMinutes / 60, day: nil)
        slacks.append(Slack(group: group.index, rule: "days_per_week.min", variable: daySlack))
        slacks.append(Slack(group: group.index, rule: "weekly_paid_hours.min", variable: hourSlack))
        objective.append((daySlack, Self.elasticCost))
        objective.append((hourSlack, Self.elasticCost))
        model.addConstraint(name: "days(\(group.index))", LinearExpression(days + [(daySlack, 1)]),
                            .ranged(lower: minDays, upper: max(minDays, maxDays) + 0))
        model.addConstraint(name: "hours(\(group.index))", LinearExpression(minutes.map { ($0.0, $0.1 / 60) } + [(hourSlack, 1)]),
                            .ranged(lower: minMinutes / 60, upper: max(minMinutes, maxMinutes) / 60))
        return daySlack
    }

    /// Day counts the members can really share out. The weekly rows bound the group's days in
    /// total, but members differ in the days they are available: when the absent members of a
    /// day are the ones with the fewest days left to work, a plan can meet the total and still
    /// give some member fewer days than the minimum (stage 2 then adds shifts beyond the plan).
    /// For every set S of days, the members must work at least Σ max(0, min days − days
    /// available outside S) within S, and can work at most Σ min(max days, days available in
    /// S) there: the cut conditions of giving each member's days out over the days. A row is
    /// added only where it says more than the weekly and daily bounds together, so a group
    /// whose members are all available alike gets none. The minimum rows share the weekly
    /// rows' elastic slack.
    private mutating func addDaySpreadRows(group: AgentGroup, dayCount: [Int: VariableID], daySlack: VariableID) {
        let days = dayCount.keys.sorted()
        guard days.count > 1 else { return }
        let weeks = group.weeks
        let available = group.memberAvailable.map { row in days.map { row[$0] } }
        let cap = days.map { group.availableByDay[$0] }
        let totalMin = weeks.reduce(0) { $0 + $1.minDays }
        let totalMax = weeks.reduce(0) { $0 + $1.maxDays }
        for subset in 1..<(1 << days.count) - 1 {
            let inside = days.indices.filter { subset & (1 << $0) != 0 }
            var least = 0
            var most = 0
            for (m, week) in weeks.enumerated() {
                let within = inside.filter { available[m][$0] }.count
                let outside = days.indices.filter { subset & (1 << $0) == 0 && available[m][$0] }.count
                least += max(0, week.minDays - outside)
                most += min(week.maxDays, within)
            }
            let capInside = inside.reduce(0) { $0 + cap[$1] }
            let capOutside = cap.reduce(0, +) - capInside
            let terms = inside.compactMap { dayCount[days[$0]] }.map { ($0, 1.0) }
            let name = inside.map { String(days[$0]) }.joined(separator: "")
            if least > max(0, totalMin - capOutside) {
                model.addConstraint(name: "dayspread_min(\(group.index),\(name))", LinearExpression(terms + [(daySlack, 1)]),
                                    .greaterOrEqual(Double(least)))
            }
            if most < min(capInside, totalMax) {
                model.addConstraint(name: "dayspread_max(\(group.index),\(name))", LinearExpression(terms), .lessOrEqual(Double(most)))
            }
        }
    }
}
