import Foundation
import WFMCore

/// How stage 1 made the group plan, as a value: the strategy its size chose, each path tried
/// with the relaxation that screened it, its bound, its roster and its LP solves, and what
/// was called off or not run, and why. The summary's Method line is its ``text``; the JSON
/// summary carries it whole as `method_report`.
public struct GroupPlanMethod: Sendable, Equatable, Codable {
    /// How stage 1 goes about the plan, chosen by the group model's size and the solver.
    public enum Strategy: String, Sendable, Codable {
        /// Branch and bound first (small models, or a solver without LP sessions); the
        /// large-model path when it stops above the gap asked for.
        case branchAndBoundFirst = "branch_and_bound_first"
        /// Straight to the large-model path: more integer variables than branch and bound
        /// handles.
        case largeModelPath = "large_model_path"
    }

    /// A way of making the plan (see ``LargeGroupModelSolver`` for the three dived paths).
    public enum Path: String, Sendable, Codable {
        /// GLPK's branch and bound on the whole group model.
        case branchAndBound = "branch_and_bound"
        /// The loose relaxation screens; a dive by day of the per-shift-option model.
        case quick
        /// The exact bound's relaxation screens and prices a dive by day of the per-shift-option model.
        case bound
        /// The cumulative-count relaxation prices a dive of the cumulative-count model.
        case exact
    }

    /// What became of a path.
    public enum Verdict: String, Sendable, Codable {
        /// Its roster is the plan.
        case chosen
        /// It found a roster, but another path's was better (the exact one wins a tie).
        case worse
        /// It ran and found none (a dead end, or the backstop stopped it).
        case foundNone = "found_none"
        /// Called off: the loose relaxation's bound is too far below the exact one.
        case calledOff = "called_off"
        /// Not run: the roster so far was within the gap asked for.
        case notNeeded = "not_needed"
        /// Not run: no time was left.
        case noTimeLeft = "no_time_left"
        /// Not run: the roster so far was searched again instead (``NeighbourhoodSearch``, ``Improvement``).
        case improvedInstead = "improved_instead"
    }

    /// The search day by day that followed a roster above the gap asked for: with the other
    /// days held, each day's part of the plan searched again by branch and bound from the
    /// roster (``BlockImprovement``).
    public struct Improvement: Sendable, Equatable, Codable {
        /// The roster's objective before the search.
        public var before: Double
        /// Its objective after.
        public var after: Double
        /// The days (0 the week's first) whose search found a better plan.
        public var daysImproved: [Int]
        /// The days searched.
        public var daysSearched: [Int]
        /// Whether the time limit stopped the search before the last day.
        public var stoppedByTimeLimit: Bool

        /// A search's record.
        public init(before: Double, after: Double, daysImproved: [Int], daysSearched: [Int], stoppedByTimeLimit: Bool) {
            self.before = before
            self.after = after
            self.daysImproved = daysImproved
            self.daysSearched = daysSearched
            self.stoppedByTimeLimit = stoppedByTimeLimit
        }
    }

    /// The search around the exact relaxation's solution that followed a roster above the gap
    /// asked for (``RelaxationInducedSearch``): the whole-number variables on which roster and
    /// relaxation agree held, the rest searched by branch and bound from the roster.
    public struct NeighbourhoodSearch: Sendable, Equatable, Codable {
        /// The roster's objective before the search.
        public var before: Double
        /// Its objective after.
        public var after: Double
        /// The variables left free (every continuous one among them).
        public var freeVariables: Int
        /// The variables of the model searched.
        public var variables: Int
        /// Whether the time limit stopped the search.
        public var stoppedByTimeLimit: Bool

        /// A search's record.
        public init(before: Double, after: Double, freeVariables: Int, variables: Int, stoppedByTimeLimit: Bool) {
            self.before = before
            self.after = after
            self.freeVariables = freeVariables
            self.variables = variables
            self.stoppedByTimeLimit = stoppedByTimeLimit
        }
    }

    /// The dive that found a path's plan.
    public enum Dive: String, Sendable, Codable {
        /// Day by day (``BlockwiseDive``), priced by the relaxation's duals.
        case byDay = "by_day"
        /// The whole model at once (``LPGuidedDive``): a fallback of the exact path.
        case wholeModel = "whole_model"
    }

    /// One path.
    public struct Attempt: Sendable, Equatable, Codable {
        /// The path.
        public var path: Path
        /// What became of it.
        public var verdict: Verdict
        /// The relaxation whose interior point screened and priced it ("loose",
        /// "per-shift-option", "cumulative-count"); nil for branch and bound.
        public var relaxation: String?
        /// The bound that relaxation (or branch and bound) proved.
        public var bound: Double?
        /// The objective of the plan the path found.
        public var objective: Double?
        /// The dive that found it (nil for branch and bound).
        public var dive: Dive?
        /// Whether a whole-model dive was tried after the dive by day (a dead end, or a plan
        /// above the gap asked for), whichever was kept.
        public var wholeModelDiveTried = false
        /// How it found it: the dive ("a dive by day", …) and the restricted model, or branch
        /// and bound's status.
        public var how: String?
        /// LP solves of its dive.
        public var lpSolves: Int?

        /// An attempt.
        public init(path: Path, verdict: Verdict, relaxation: String? = nil, bound: Double? = nil, objective: Double? = nil,
                    dive: Dive? = nil, wholeModelDiveTried: Bool = false, how: String? = nil, lpSolves: Int? = nil) {
            self.path = path
            self.verdict = verdict
            self.relaxation = relaxation
            self.bound = bound
            self.objective = objective
            self.dive = dive
            self.wholeModelDiveTried = wholeModelDiveTried
            self.how = how
            self.lpSolves = lpSolves
        }
    }

    /// The strategy.
    public var strategy: Strategy
    /// The paths, in the order they were decided on.
    public var attempts: [Attempt]
    /// When the quick path was called off: how far its relaxation's bound was below the exact
    /// one (a fraction).
    public var looseBoundShortfall: Double?
    /// The search around the relaxation, when the chosen path's roster was above the gap
    /// asked for.
    public var neighbourhood: NeighbourhoodSearch?
    /// The search day by day, when the roster was still above the gap asked for after the
    /// search around the relaxation.
    public var improvement: Improvement?

    /// A report.
    public init(strategy: Strategy, attempts: [Attempt], looseBoundShortfall: Double? = nil, neighbourhood: NeighbourhoodSearch? = nil,
                improvement: Improvement? = nil) {
        self.strategy = strategy
        self.attempts = attempts
        self.looseBoundShortfall = looseBoundShortfall
        self.neighbourhood = neighbourhood
        self.improvement = improvement
    }

    /// The attempts with the chosen one marked `worse`: for a report whose plan another
    /// method's roster has beaten.
    public var beaten: [Attempt] {
        attempts.map { attempt in
            var beaten = attempt
            if attempt.verdict == .chosen { beaten.verdict = .worse }
            return beaten
        }
    }

    /// The path whose roster is the plan.
    public var chosen: Attempt? { attempts.first { $0.verdict == .chosen } }

    /// The attempt of `path`, if it was decided on.
    public func attempt(_ path: Path) -> Attempt? { attempts.first { $0.path == path } }

    /// The report in words: the chosen path, then what the others found or why they did not.
    public var text: String {
        guard let chosen else { return "no path found a plan" }
        var head = chosen.how ?? chosen.path.rawValue
        if let relaxation = chosen.relaxation { head = "interior point on the \(relaxation) relaxation, then " + head }
        if let neighbourhood { head += ", then " + describe(neighbourhood) }
        if let improvement { head += ", then " + describe(improvement) }
        let others = attempts.filter { $0.verdict != .chosen }.map(note)
        return ([head] + others).joined(separator: "; ")
    }

    private func describe(_ search: NeighbourhoodSearch) -> String {
        let scope = "a search around the relaxation over \(search.freeVariables) of \(search.variables) variables"
            + (search.stoppedByTimeLimit ? " (the time limit stopped it)" : "")
        guard search.after < search.before else { return scope + " that found nothing better" }
        return scope + " from \(search.before) to \(search.after)"
    }

    private func describe(_ improvement: Improvement) -> String {
        let searched = "\(improvement.daysSearched.count) days" + (improvement.stoppedByTimeLimit ? " (the time limit stopped it)" : "")
        guard improvement.after < improvement.before else { return "a search of \(searched) that found nothing better" }
        return "a search of \(searched) from \(improvement.before) to \(improvement.after) (better on days \(improvement.daysImproved.map { "\($0 + 1)" }.joined(separator: ", ")))"
    }

    private func note(_ attempt: Attempt) -> String {
        let name = attempt.path == .branchAndBound ? "branch and bound" : "the \(attempt.relaxation ?? attempt.path.rawValue) path"
        switch attempt.verdict {
        case .chosen: return attempt.how ?? name
        case .worse: return "\(name) found \(attempt.objective.map { "\($0)" } ?? "a worse plan")"
        case .foundNone: return "\(name) found none"
        case .calledOff:
            return "\(name) was called off" + (looseBoundShortfall.map { " (its relaxation's bound is \(NumberFormatting.percent($0)) below the exact one)" } ?? "")
        case .notNeeded: return "the \(attempt.path.rawValue) path was not needed"
        case .noTimeLeft: return "the time limit left no time for the \(attempt.path.rawValue) path"
        case .improvedInstead: return "the \(attempt.path.rawValue) path gave way to searching the roster again"
        }
    }
}
