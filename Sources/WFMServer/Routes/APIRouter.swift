import Foundation
import Hummingbird
import NIOCore

/// Registers the API's routes on a Hummingbird router and keeps their list in OpenAPI form
/// (`GET /api/centers/{center}`), which a test holds to the checked-in OpenAPI document.
struct APIRouter {
    let router: Router<BasicRequestContext>
    let state: ServerState
    private(set) var routes: [String] = []

    init(router: Router<BasicRequestContext>, state: ServerState) {
        self.router = router
        self.state = state
    }

    /// Adds `handler` for `method` on `path`, whose parameters are written `{name}`.
    mutating func on(_ method: HTTPRequest.Method, _ path: String,
                     _ handler: @escaping @Sendable (Request, BasicRequestContext) async throws -> Response) {
        routes.append("\(method.rawValue) \(path)")
        let hummingbirdPath = path.split(separator: "/", omittingEmptySubsequences: false).map { part in
            part.hasPrefix("{") && part.hasSuffix("}") ? ":" + part.dropFirst().dropLast() : String(part)
        }.joined(separator: "/")
        router.on(RouterPath(hummingbirdPath), method: method, use: handler)
    }
}

/// Reading a request: ids in the path, the body within the server's limit, JSON bodies.
enum RequestReading {
    /// The path parameter `name` as a positive id, or a 404 problem naming it.
    static func id(_ name: String, _ context: BasicRequestContext) throws -> Int64 {
        let text = context.parameters.get(name) ?? ""
        guard text.count <= 18, !text.isEmpty, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber), let id = Int64(text), id > 0 else {
            throw APIProblem.notFound("\(name) '\(text.prefix(40))'")
        }
        return id
    }

    /// The body as UTF-8 text, at most `limit` bytes.
    /// - Throws: 413 beyond the limit, 400 for text that is not UTF-8.
    static func text(_ request: Request, limit: Int) async throws -> String {
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw APIProblem(status: .contentTooLarge, title: "Request too large", detail: "the body is larger than this server accepts (\(limit) bytes)")
        }
        guard let text = buffer.getString(at: buffer.readerIndex, length: buffer.readableBytes), text.utf8.count == buffer.readableBytes
        else { throw APIProblem.badRequest("the body is not UTF-8 text") }
        return text
    }

    /// The body decoded from JSON (an empty body counts as `{}`).
    static func json<Value: Decodable>(_ type: Value.Type, _ request: Request, limit: Int) async throws -> Value {
        var text = try await self.text(request, limit: limit)
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { text = "{}" }
        do {
            return try JSONDecoder().decode(Value.self, from: Data(text.utf8))
        } catch let error as DecodingError {
            throw APIProblem.from(error, folder: "/")
        }
    }
}

/// Writing a response.
enum Reply {
    /// `text` as `type` (charset UTF-8).
    static func text(_ text: String, type: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = type.contains("charset") || !type.hasPrefix("text/") ? type : type + "; charset=utf-8"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// JSON text as it is.
    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        self.text(text, type: "application/json", status: status)
    }

    /// `value` as JSON.
    static func encoded(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        json(try ServerState.encode(value), status: status)
    }
}
