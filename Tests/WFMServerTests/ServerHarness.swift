import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import WFMPlanning
import _WFMTestSupport
@testable import WFMServer

/// A server on a fresh data folder, driven through Hummingbird's router test client.
struct ServerHarness {
    let data: TemporaryDirectory
    var options: ServerOptions

    init(token: String? = nil, maxBodyBytes: Int = ServerOptions.defaultMaxBodyBytes) throws {
        data = try TemporaryDirectory()
        options = ServerOptions(dataFolder: data.path("data"), token: token, maxBodyBytes: maxBodyBytes)
    }

    /// Runs `body` against the server (a new server on the same data folder each call, as
    /// after a restart).
    func run<Value: Sendable>(_ body: @escaping @Sendable (APIClient) async throws -> Value) async throws -> Value {
        let (router, _) = try await WFMServerApp.router(options)
        let app = Application(router: router)
        return try await app.test(.router) { client in try await body(APIClient(client: client, token: options.token)) }
    }
}

/// A response: status, media type and body.
struct APIResponse: Sendable {
    let status: HTTPResponse.Status
    let contentType: String
    let text: String

    /// The body as JSON (a dictionary or an array).
    var json: Any { (try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])) ?? NSNull() }
    var object: [String: Any] { json as? [String: Any] ?? [:] }
    var array: [[String: Any]] { json as? [[String: Any]] ?? [] }
}

/// Requests with the token (when the server has one) and JSON bodies.
struct APIClient: Sendable {
    let client: any TestClientProtocol
    let token: String?

    @discardableResult
    func request(_ method: HTTPRequest.Method, _ uri: String, json: Any? = nil, text: String? = nil, contentType: String? = nil,
                 authorization: String? = nil) async throws -> APIResponse {
        var headers: HTTPFields = [:]
        if let authorization { headers[.authorization] = authorization } else if let token { headers[.authorization] = "Bearer \(token)" }
        var body: ByteBuffer?
        if let json {
            body = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json))
            headers[.contentType] = "application/json"
        } else if let text {
            body = ByteBuffer(string: text)
            headers[.contentType] = contentType ?? "text/plain"
        }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        return APIResponse(status: response.status, contentType: response.headers[.contentType] ?? "",
                           text: String(buffer: response.body))
    }

    /// Waits (polling) until plan `id` has finished, at most `seconds`; returns it.
    func finishedPlan(_ id: Int, seconds: Double = 300) async throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let plan = try await request(.get, "/api/plans/\(id)").object
            if let state = plan["state"] as? String, ["succeeded", "failed", "cancelled"].contains(state) { return plan }
            try await Task.sleep(for: .milliseconds(200))
        }
        Issue.record("plan \(id) did not finish within \(seconds) s")
        return [:]
    }
}

/// A small generated center (`wfm bench generate --size tiny`): center.yaml, agents.csv and
/// history.csv as an upload's files.
func tinyCenterFiles(seed: UInt64 = 1) throws -> [String: String] {
    let folder = try TemporaryDirectory()
    _ = try CenterSetGenerator(centers: 1, sizes: ["tiny"], seed: seed, outDirectory: folder.path("set")).run()
    var files: [String: String] = [:]
    for name in ["center.yaml", "agents.csv", "history.csv"] {
        files[name] = try String(contentsOfFile: folder.path("set/center-01/\(name)"), encoding: .utf8)
    }
    return files
}

/// A plan fast enough for a test: a short time limit and a loose gap.
let quickPlan: [String: Double] = ["time_limit_seconds": 5, "relative_gap": 0.1]
