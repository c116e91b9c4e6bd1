import Foundation
import Hummingbird
import WFMPlanning

/// A batch of requests as the API shows it: wfm's decisions and, beside each, the manager's.
struct RequestBatchResource: Encodable {
    /// The manager's decision on one request.
    struct ManagerDecision: Encodable {
        let requestId: String
        let decision: String
        let note: String
        let decidedAt: String

        enum CodingKeys: String, CodingKey { case requestId = "request_id", decision, note, decidedAt = "decided_at" }
    }

    let id: Int64
    /// The plan whose roster the requests were decided against.
    let planId: Int64
    /// The plan holding the roster after wfm's approvals (publish it to apply them).
    let resultPlanId: Int64?
    let createdAt: String
    /// `wfm requests --format json` (`wfm.requests/1`).
    let outcome: JSONValue
    let managerDecisions: [ManagerDecision]

    enum CodingKeys: String, CodingKey {
        case id, planId = "plan_id", resultPlanId = "result_plan_id", createdAt = "created_at", outcome, managerDecisions = "manager_decisions"
    }

    init(_ row: RequestBatchRow, decisions: [String: ManagerDecisionRow]) throws {
        id = row.id
        planId = row.planID
        resultPlanId = row.resultPlanID
        createdAt = row.createdAt
        outcome = try JSONValue(parsing: row.outcome)
        managerDecisions = decisions.values.sorted { $0.requestID < $1.requestID }.map {
            ManagerDecision(requestId: $0.requestID, decision: $0.decision, note: $0.note, decidedAt: $0.decidedAt)
        }
    }
}

/// A manager's decision on one request.
struct DecisionRequest: Sendable, Decodable {
    /// `approved` or `denied`.
    var decision: String
    var note: String?
}

extension APIRouter {
    /// Requests: a requests.csv decided against the published roster, the batches, and the
    /// manager's decision on each request.
    mutating func addRequestRoutes() {
        let state = self.state
        on(.post, "/api/centers/{center}/requests") { request, context in
            let center = try RequestReading.id("center", context)
            let csv = try await RequestReading.text(request, limit: state.options.maxBodyBytes)
            let batch = try await state.decideRequests(centerID: center, requestsCSV: csv)
            return try Reply.encoded(try await Self.batch(state, center, batch), status: .created)
        }
        on(.get, "/api/centers/{center}/requests") { _, context in
            let center = try await state.center(try RequestReading.id("center", context))
            var batches: [RequestBatchResource] = []
            for row in try await state.store.requestBatches(centerID: center.id) {
                batches.append(try RequestBatchResource(row, decisions: try await state.store.decisions(batchID: row.id)))
            }
            return try Reply.encoded(batches)
        }
        on(.get, "/api/centers/{center}/requests/{batch}") { _, context in
            try Reply.encoded(try await Self.batch(state, try RequestReading.id("center", context), try RequestReading.id("batch", context)))
        }
        on(.put, "/api/centers/{center}/requests/{batch}/decisions/{request}") { request, context in
            let center = try RequestReading.id("center", context), batchID = try RequestReading.id("batch", context)
            let requestID = context.parameters.get("request") ?? ""
            let batch = try await Self.batch(state, center, batchID)
            guard case .object(let outcome) = batch.outcome, case .array(let decided)? = outcome["decisions"],
                decided.contains(where: { if case .object(let fields) = $0, fields["id"] == .string(requestID) { true } else { false } })
            else { throw APIProblem.notFound("request '\(requestID.prefix(40))' in batch \(batchID)") }
            let body = try await RequestReading.json(DecisionRequest.self, request, limit: 64 << 10)
            guard ["approved", "denied"].contains(body.decision) else {
                throw APIProblem.badRequest("decision '\(body.decision.prefix(40))': expected approved or denied")
            }
            let note = body.note ?? ""
            guard note.count <= 1000 else { throw APIProblem.badRequest("note: at most 1000 characters") }
            try await state.store.setDecision(batchID: batchID, requestID: requestID, decision: body.decision, note: note)
            return try Reply.encoded(try await Self.batch(state, center, batchID))
        }
    }

    private static func batch(_ state: ServerState, _ center: Int64, _ id: Int64) async throws -> RequestBatchResource {
        guard let row = try await state.store.requestBatch(centerID: center, id) else { throw APIProblem.notFound("request batch \(id) of center \(center)") }
        return try RequestBatchResource(row, decisions: try await state.store.decisions(batchID: id))
    }
}
