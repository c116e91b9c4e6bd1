import Hummingbird
import WFMPlanning

/// A center as the API shows it.
struct CenterResource: Encodable {
    let id: Int64
    let name: String
    let createdAt: String
    let overview: JSONValue

    enum CodingKeys: String, CodingKey { case id, name, createdAt = "created_at", overview }

    init(_ row: CenterRow) throws {
        id = row.id
        name = row.name
        createdAt = row.createdAt
        overview = try JSONValue(parsing: row.overview)
    }
}

extension APIRouter {
    /// Centers: upload (center.yaml, agents, history), list, show, delete.
    mutating func addCenterRoutes() {
        let state = self.state
        on(.post, "/api/centers") { request, _ in
            let upload = try await RequestReading.json(CenterUpload.self, request, limit: state.options.maxBodyBytes)
            let (id, _) = try await state.upload(upload)
            return try Reply.encoded(try CenterResource(try await state.center(id)), status: .created)
        }
        on(.get, "/api/centers") { _, _ in
            try Reply.encoded(try await state.store.centers().map(CenterResource.init))
        }
        on(.get, "/api/centers/{center}") { _, context in
            try Reply.encoded(try CenterResource(try await state.center(try RequestReading.id("center", context))))
        }
        on(.delete, "/api/centers/{center}") { _, context in
            let id = try RequestReading.id("center", context)
            guard try await state.store.deleteCenter(id) else { throw APIProblem.notFound("center \(id)") }
            return Response(status: .noContent)
        }
    }
}
