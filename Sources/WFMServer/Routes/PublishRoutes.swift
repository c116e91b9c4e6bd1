import Foundation
import Hummingbird
import WFMPlanning

/// A published version as the API shows it.
struct VersionResource: Encodable {
    let version: Int
    let planId: Int64
    let publishedAt: String
    /// `wfm publish --format json`: calendars, events updated, shifts cancelled, and the diff
    /// against the version before (absent for v1).
    let outcome: JSONValue

    enum CodingKeys: String, CodingKey { case version, planId = "plan_id", publishedAt = "published_at", outcome }

    init(_ row: VersionRow) throws {
        version = row.version
        planId = row.planID
        publishedAt = row.publishedAt
        outcome = try JSONValue(parsing: row.outcome)
    }
}

extension APIRouter {
    /// Publishing: publish a plan, the versions, a version's roster and diff, and each agent's
    /// calendar feed of the latest version.
    mutating func addPublishRoutes() {
        let state = self.state
        on(.post, "/api/plans/{plan}/publish") { _, context in
            let plan = try await state.finishedPlan(try RequestReading.id("plan", context))
            let (version, _) = try await state.publish(planID: plan.id)
            return try Reply.encoded(try VersionResource(try await state.version(centerID: plan.centerID, version)), status: .created)
        }
        on(.get, "/api/centers/{center}/versions") { _, context in
            let center = try await state.center(try RequestReading.id("center", context))
            return try Reply.encoded(try await state.store.versions(centerID: center.id).map(VersionResource.init))
        }
        on(.get, "/api/centers/{center}/versions/{version}") { _, context in
            let center = try RequestReading.id("center", context)
            return try Reply.encoded(try VersionResource(try await state.version(centerID: center, try Self.versionNumber(context))))
        }
        on(.get, "/api/centers/{center}/versions/{version}/roster.csv") { _, context in
            let center = try RequestReading.id("center", context)
            let version = try await state.version(centerID: center, try Self.versionNumber(context))
            guard let roster = try await state.store.versionFile(centerID: center, version: version.version, "roster.csv") else {
                throw APIProblem.notFound("roster.csv of version \(version.version)")
            }
            return Reply.text(roster, type: "text/csv")
        }
        on(.get, "/api/centers/{center}/versions/{version}/diff") { _, context in
            let center = try RequestReading.id("center", context)
            let version = try await state.version(centerID: center, try Self.versionNumber(context))
            guard case .object(let outcome) = try JSONValue(parsing: version.outcome), let diff = outcome["diff"] else {
                throw APIProblem.notFound("a diff for version \(version.version): the first version has no version before it")
            }
            return try Reply.encoded(diff)
        }
        on(.get, "/api/centers/{center}/agents/{agent}/calendar.ics") { _, context in
            let center = try RequestReading.id("center", context)
            let agent = context.parameters.get("agent") ?? ""
            guard ServerState.isPlainFileName(agent + ".ics") else { throw APIProblem.notFound("agent '\(agent.prefix(40))'") }
            let version = try await state.version(centerID: center, nil)
            let files = try await state.store.versionFiles(centerID: center, version: version.version)
            guard let calendar = files.first(where: { $0.name == "calendars/\(agent).ics" })
                ?? files.first(where: { $0.name.hasPrefix("calendars/") && $0.name.hasSuffix(".ics") && Self.calendarAgent($0.content) == agent })
            else { throw APIProblem.notFound("a calendar for agent '\(agent)' in version \(version.version)") }
            return Reply.text(calendar.content, type: "text/calendar")
        }
    }

    /// The `{version}` parameter, a positive whole number.
    private static func versionNumber(_ context: BasicRequestContext) throws -> Int {
        Int(try RequestReading.id("version", context))
    }

    /// The agent id a calendar of `wfm publish` is for: its first event UID's (`A001-2026-11-30@wfm`).
    private static func calendarAgent(_ calendar: String) -> String? {
        for line in calendar.split(whereSeparator: \.isNewline) where line.hasPrefix("UID:") {
            return line.dropFirst(4).split(separator: "-").first.map(String.init)
        }
        return nil
    }
}
