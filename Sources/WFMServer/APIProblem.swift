import Foundation
import Hummingbird
import Synchronization
import WFMPlanning

/// An error as an RFC 9457 problem document (`application/problem+json`): a title for the
/// kind of problem, the detail as the command line would print it, and for bad input each
/// file, line and field with what was expected.
struct APIProblem: Error, HTTPResponseError {
    let status: HTTPResponse.Status
    let title: String
    let detail: String
    /// The input problems, for an upload or edit that a reader refused.
    var errors: [InputProblem] = []

    init(status: HTTPResponse.Status, title: String, detail: String, errors: [InputProblem] = []) {
        self.status = status
        self.title = title
        self.detail = detail
        self.errors = errors
    }

    /// The methods a 405 allows (its `Allow` header).
    var allow: String?

    var headers: HTTPFields {
        var fields: HTTPFields = [.contentType: "application/problem+json"]
        if let allow { fields[.allow] = allow }
        return fields
    }

    /// 404: `what` (e.g. "center 7") does not exist.
    static func notFound(_ what: String) -> APIProblem {
        APIProblem(status: .notFound, title: "Not found", detail: "\(what) does not exist")
    }

    /// 400: the request itself is malformed.
    static func badRequest(_ detail: String) -> APIProblem {
        APIProblem(status: .badRequest, title: "Bad request", detail: detail)
    }

    /// 409: the request conflicts with the state (nothing planned yet, a plan not finished).
    static func conflict(_ detail: String) -> APIProblem {
        APIProblem(status: .conflict, title: "Conflict", detail: detail)
    }

    /// The problem for any error a job threw: input problems (422 with each file, line and
    /// field), planning problems (422), malformed JSON (400); anything else is the server's
    /// fault (500). Paths under `folder` are named as the user named the files.
    static func from(_ error: any Error, folder: String) -> APIProblem {
        if let problem = error as? APIProblem { return problem }
        if let problems = InputProblem.problems(in: error, relativeTo: folder) {
            return APIProblem(status: .unprocessableContent, title: "Invalid input",
                              detail: InputProblem.message(of: error, relativeTo: folder), errors: problems)
        }
        if error is PlanningError {
            return APIProblem(status: .unprocessableContent, title: "Cannot be planned", detail: InputProblem.message(of: error, relativeTo: folder))
        }
        if error is DecodingError {
            return .badRequest("the body is not the JSON this route expects: \(Self.describe(error as! DecodingError))")
        }
        return APIProblem(status: .internalServerError, title: "Internal error", detail: InputProblem.message(of: error, relativeTo: folder))
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): return "missing field '\(key.stringValue)'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return (path.isEmpty ? "" : "field '\(path)': ") + context.debugDescription
        @unknown default: return "unreadable"
        }
    }

    private struct Document: Encodable {
        let type = "about:blank"
        let title: String
        let status: Int
        let detail: String
        let errors: [InputProblem]?
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let document = Document(title: title, status: Int(status.code), detail: detail, errors: errors.isEmpty ? nil : errors)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: try encoder.encode(document))))
    }
}

/// Turns every error a route throws into a problem document, Hummingbird's own errors (a body
/// too large, a route not found) included.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The data folder, left out of every message.
    let folder: String
    /// The routes, for telling a path with other methods (405) from an unknown one (404).
    let routes: RouteTable

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let allowed = routes.methods(forPath: request.uri.path)
            guard !allowed.isEmpty else { throw APIProblem(status: .notFound, title: "Not found", detail: "no route \(request.uri.path.prefix(200))") }
            var problem = APIProblem(status: .methodNotAllowed, title: "Method not allowed",
                                     detail: "\(request.method.rawValue.prefix(20)) is not allowed here; allowed: \(allowed.joined(separator: ", "))")
            problem.allow = allowed.joined(separator: ", ")
            throw problem
        } catch let error as HTTPError {
            let title = error.status == .contentTooLarge ? "Request too large" : error.status.reasonPhrase
            throw APIProblem(status: error.status, title: title, detail: error.body ?? title)
        } catch {
            throw APIProblem.from(error, folder: folder)
        }
    }
}

/// The routes as `METHOD /path/{param}`, filled once the router is built; read by
/// ``ProblemMiddleware`` to answer 405 with the methods a path allows.
final class RouteTable: Sendable {
    private let routes = Mutex<[(method: String, segments: [Substring])]>([])

    /// Sets the routes.
    func set(_ list: [String]) {
        routes.withLock { routes in
            routes = list.map { route in
                let parts = route.split(separator: " ", maxSplits: 1)
                return (String(parts[0]), parts[1].split(separator: "/"))
            }
        }
    }

    /// The methods of the routes whose path matches `path` (a `{param}` segment matches any).
    func methods(forPath path: String) -> [String] {
        let segments = path.split(separator: "/")
        return routes.withLock { routes in
            routes.filter { route in
                route.segments.count == segments.count
                    && zip(route.segments, segments).allSatisfy { pattern, segment in pattern.hasPrefix("{") || pattern == segment }
            }.map(\.method)
        }
    }
}
