import Foundation
import Hummingbird
import WFMPlanning

/// A plan as the API shows it.
struct PlanResource: Encodable {
    let id: Int64
    let centerId: Int64
    let origin: String
    let state: String
    let options: JSONValue
    let createdAt: String
    let finishedAt: String?
    let message: String?
    /// `wfm plan --format json` (or `wfm requests`'s JSON), once succeeded.
    let summary: JSONValue?
    let files: [String]

    enum CodingKeys: String, CodingKey {
        case id, centerId = "center_id", origin, state, options, createdAt = "created_at", finishedAt = "finished_at", message, summary, files
    }

    init(_ row: PlanRow, files: [String]) throws {
        id = row.id
        centerId = row.centerID
        origin = row.origin.rawValue
        state = row.state.rawValue
        options = try JSONValue(parsing: row.options)
        createdAt = row.createdAt
        finishedAt = row.finishedAt
        message = row.message
        summary = try row.summary.map(JSONValue.init(parsing:))
        self.files = files
    }
}

/// One server-sent event's data: the line's number and text.
private struct ProgressLine: Encodable {
    let index: Int
    let text: String
}

extension APIRouter {
    /// The files of a plan the API serves, with their media types.
    static let planFiles: [(name: String, type: String)] = [
        ("roster.csv", "text/csv"), ("report.json", "application/json"), ("report.html", "text/html"),
        ("report-intervals.csv", "text/csv"), ("forecast.csv", "text/csv"), ("requirements.csv", "text/csv"),
    ]

    /// Plans: start (queued per center), list, show, cancel, progress over SSE, and the files.
    mutating func addPlanRoutes() {
        let state = self.state
        on(.post, "/api/centers/{center}/plans") { request, context in
            let center = try RequestReading.id("center", context)
            let options = try await RequestReading.json(PlanRequest.self, request, limit: 64 << 10)
            let id = try await state.startPlan(centerID: center, options)
            return try Reply.encoded(try PlanResource(try await state.plan(id), files: []), status: .accepted)
        }
        on(.get, "/api/centers/{center}/plans") { _, context in
            let center = try await state.center(try RequestReading.id("center", context))
            return try Reply.encoded(try await state.store.plans(centerID: center.id).map { try PlanResource($0, files: []) })
        }
        on(.get, "/api/plans/{plan}") { _, context in
            let plan = try await state.plan(try RequestReading.id("plan", context))
            return try Reply.encoded(try PlanResource(plan, files: try await state.store.planFileNames(plan.id)))
        }
        on(.delete, "/api/plans/{plan}") { _, context in
            let id = try RequestReading.id("plan", context)
            let after = try await state.cancelPlan(id)
            return try Reply.encoded(try PlanResource(try await state.plan(id), files: []), status: after == .cancelled ? .ok : .accepted)
        }
        on(.get, "/api/plans/{plan}/events") { _, context in
            let plan = try await state.plan(try RequestReading.id("plan", context))
            return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
                            body: ResponseBody { writer in try await Self.streamEvents(of: plan.id, state: state, to: &writer) })
        }
        on(.get, "/api/plans/{plan}/roster.json") { _, context in
            let plan = try await state.finishedPlan(try RequestReading.id("plan", context))
            let workbench = try await state.workbench(plan)
            return Reply.json(try workbench.rosterJSON())
        }
        for file in Self.planFiles {
            on(.get, "/api/plans/{plan}/\(file.name)") { _, context in
                let plan = try await state.finishedPlan(try RequestReading.id("plan", context))
                guard let content = try await state.store.planFile(plan.id, file.name) else {
                    throw APIProblem.notFound("\(file.name) of plan \(plan.id)")
                }
                return Reply.text(content, type: file.type)
            }
        }
    }

    /// Writes plan `id`'s progress as server-sent events (`event: progress` lines, then one
    /// `event: end`), polling four times a second until the plan ends.
    private static func streamEvents(of id: Int64, state: ServerState, to writer: inout any ResponseBodyWriter) async throws {
        var next = 0
        while true {
            let finished = try await state.store.plan(id)?.state.isFinished ?? true
            let (events, closed) = state.events.since(id, next, knownFinished: finished)
            for event in events {
                let data = try ServerState.encode(ProgressLine(index: event.index, text: event.text))
                try await writer.write(ByteBuffer(string: "id: \(event.index)\nevent: \(event.kind)\ndata: \(data)\n\n"))
                next = event.index + 1
            }
            if closed {
                if next == 0, let plan = try await state.store.plan(id) {
                    let data = try ServerState.encode(ProgressLine(index: 0, text: plan.state.rawValue))
                    try await writer.write(ByteBuffer(string: "id: 0\nevent: end\ndata: \(data)\n\n"))
                }
                break
            }
            try await Task.sleep(for: .milliseconds(250))
        }
        try await writer.finish(nil)
    }
}
