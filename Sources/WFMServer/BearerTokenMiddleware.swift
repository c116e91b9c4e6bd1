import Hummingbird

/// Refuses every API request without `Authorization: Bearer <token>` (401), the token compared
/// in constant time. The page's static files need no token: they hold no data, and the page
/// sends the token the user opened it with.
struct BearerTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.path.hasPrefix("/api/") else { return try await next(request, context) }
        let header = request.headers[.authorization] ?? ""
        let prefix = "Bearer "
        guard header.hasPrefix(prefix), Self.constantTimeEqual(Array(header.dropFirst(prefix.count).utf8), Array(token.utf8)) else {
            throw APIProblem(status: .unauthorized, title: "Unauthorized",
                             detail: "this server needs the token it was started with: send Authorization: Bearer <token>")
        }
        return try await next(request, context)
    }

    /// Whether `a` equals `b`, in time that depends on their lengths only, not on where they
    /// first differ.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt8(truncatingIfNeeded: a.count ^ b.count)
        for index in 0..<max(a.count, b.count) {
            difference |= (index < a.count ? a[index] : 0) ^ (index < b.count ? b[index] : 0)
        }
        return difference == 0
    }
}
