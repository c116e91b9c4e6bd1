import Foundation
import Hummingbird
import WFMPlanning

/// An edited roster to measure, the what-if to measure it under, and the day whose intervals
/// to return. The roster is a whole roster.csv (`roster_csv`), or the plan's with some
/// agent-days changed (`changed_rows`: roster.csv rows) or removed; absent, the plan's own.
struct EvaluationRequest: Sendable, Decodable {
    var rosterCSV: String?
    var changedRows: String?
    var removed: [RosterDay]?
    var scenario: WorkbenchScenario?
    /// YYYY-MM-DD, a day of the week; absent for every open interval of the week.
    var day: String?

    enum CodingKeys: String, CodingKey { case rosterCSV = "roster_csv", changedRows = "changed_rows", removed, scenario, day }
}

/// A what-if: the scenario against the plan's roster (and baseline beside it), or a sweep as
/// `wfm whatif --sweep` runs it.
struct WhatIfRequest: Sendable, Decodable {
    var scenario: WorkbenchScenario?
    var day: String?
    /// `volume=0.8:1.4:0.1` and the like (`wfm whatif --sweep`); at most 41 points here.
    var sweep: String?
}

extension APIRouter {
    /// The most points a sweep may have on the server (each is a whole evaluation).
    static let maxSweepPoints = 41

    /// Figures: an edited roster measured, what-ifs and sweeps, saved scenarios.
    mutating func addFigureRoutes() {
        let state = self.state
        on(.post, "/api/plans/{plan}/evaluate") { request, context in
            let plan = try await state.finishedPlan(try RequestReading.id("plan", context))
            let body = try await RequestReading.json(EvaluationRequest.self, request, limit: state.options.maxBodyBytes)
            let workbench = try await state.workbench(plan)
            return Reply.json(try await state.compute.run {
                try workbench.figuresJSON(rosterCSV: body.rosterCSV, changedRows: body.changedRows, removed: body.removed ?? [],
                                          scenario: body.scenario ?? WorkbenchScenario(), day: body.day)
            })
        }
        on(.post, "/api/plans/{plan}/whatif") { request, context in
            let plan = try await state.finishedPlan(try RequestReading.id("plan", context))
            let body = try await RequestReading.json(WhatIfRequest.self, request, limit: 1 << 20)
            if let sweepText = body.sweep {
                let sweep = try WhatIfSweep(sweepText)
                guard sweep.values.count <= Self.maxSweepPoints else {
                    throw APIProblem.badRequest("sweep '\(sweepText)': \(sweep.values.count) points; the server runs at most \(Self.maxSweepPoints) (use wfm whatif for more)")
                }
                let folder = try await state.planFolder(plan)
                let config = (state.workspace.centerFolder(plan.centerID) as NSString).appendingPathComponent(CenterOverview.configName)
                let path = { (name: String) in (folder as NSString).appendingPathComponent(name) }
                let job = WhatIfJob(configPath: config, forecastPath: path("forecast.csv"), rosterPath: path("roster.csv"), sweep: sweep)
                return Reply.json(InputProblem.relative(try await BackgroundWork.run { try job.run().json() }, to: folder))
            }
            let workbench = try await state.workbench(plan)
            let scenario = body.scenario ?? WorkbenchScenario()
            let text = try await state.compute.run {
                let baseline = try workbench.figuresJSON(day: body.day)
                let changed = try workbench.figuresJSON(scenario: scenario, day: body.day)
                return "{\"baseline\":\(baseline.trimmingCharacters(in: .newlines)),\"scenario\":\(changed.trimmingCharacters(in: .newlines))}"
            }
            return Reply.json(text)
        }
        addScenarioRoutes()
    }

    private mutating func addScenarioRoutes() {
        struct SavedScenario: Codable {
            var name: String
            var scenario: WorkbenchScenario
        }
        struct ScenarioResource: Encodable {
            let id: Int64
            let name: String
            let scenario: JSONValue
            let createdAt: String

            enum CodingKeys: String, CodingKey { case id, name, scenario, createdAt = "created_at" }

            init(_ row: ScenarioRow) throws {
                id = row.id
                name = row.name
                scenario = try JSONValue(parsing: row.body)
                createdAt = row.createdAt
            }
        }
        let state = self.state
        on(.post, "/api/centers/{center}/scenarios") { request, context in
            let center = try await state.center(try RequestReading.id("center", context))
            let saved = try await RequestReading.json(SavedScenario.self, request, limit: 1 << 20)
            guard (1...100).contains(saved.name.count) else { throw APIProblem.badRequest("name: expected 1 to 100 characters") }
            let overview = try JSONDecoder().decode(CenterOverview.self, from: Data(center.overview.utf8))
            try saved.scenario.check(queues: overview.queues.map(\.id), agents: overview.agents.map(\.id))
            let id = try await state.store.insertScenario(centerID: center.id, name: saved.name, body: try ServerState.encode(saved.scenario))
            return try Reply.encoded(try ScenarioResource(try await state.store.scenarios(centerID: center.id).first { $0.id == id }!), status: .created)
        }
        on(.get, "/api/centers/{center}/scenarios") { _, context in
            let center = try await state.center(try RequestReading.id("center", context))
            return try Reply.encoded(try await state.store.scenarios(centerID: center.id).map(ScenarioResource.init))
        }
        on(.delete, "/api/centers/{center}/scenarios/{scenario}") { _, context in
            let center = try RequestReading.id("center", context), id = try RequestReading.id("scenario", context)
            guard try await state.store.deleteScenario(centerID: center, id) else { throw APIProblem.notFound("scenario \(id) of center \(center)") }
            return Response(status: .noContent)
        }
    }
}
