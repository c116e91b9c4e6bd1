import WFMCore

/// What `wfm requests` decided for one request, and why.
public struct RequestDecision: Sendable, Codable, Equatable {
    /// `approved`, `denied` or `waitlisted`.
    public enum Verdict: String, Sendable, Codable {
        case approved, denied, waitlisted
    }

    public var id: String
    public var agent: String
    public var type: String
    public var date: LocalDate
    public var decision: Verdict
    /// How an approval holds: `coverage_kept`, `within_allowance`, `with_repair`, or
    /// `nothing_to_change`; nil unless approved.
    public var basis: String?
    /// Why, in words: the rule broken, or the intervals and service level it would cost, or
    /// what the repair did.
    public var reason: String
    /// The repair's changes, one line each (`A017 call_in 2026-12-01 10:00-18:30 early8`).
    public var repairs: [String]
    /// Queue-intervals the request would leave below target (denied or waitlisted for
    /// coverage), or leaves below target within the allowance.
    public var intervalsBelowTarget: Int
}
