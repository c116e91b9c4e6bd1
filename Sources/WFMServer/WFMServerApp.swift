import Foundation
import Hummingbird
import Logging

/// `wfm serve`: the planner as a local web application and REST API (docs/server.md).
public enum WFMServerApp {
    /// Runs the server until it is interrupted (SIGINT or SIGTERM).
    /// - Parameter started: called once it listens, with the address.
    public static func run(_ options: ServerOptions, started: @escaping @Sendable (String) -> Void = { _ in }) async throws {
        var logger = Logger(label: "wfm.serve")
        logger.logLevel = .warning
        try options.check()
        let (router, _) = try await router(options)
        let app = Application(router: router, configuration: .init(address: .hostname(options.host, port: options.port), serverName: "wfm"),
                              onServerRunning: { channel in started("http://\(options.host):\(channel.localAddress?.port ?? options.port)/") },
                              logger: logger)
        try await app.runService()
    }

    /// The router and the API's routes as `METHOD /path/{param}`, for the OpenAPI check.
    static func router(_ options: ServerOptions) async throws -> (Router<BasicRequestContext>, [String]) {
        let state = try await ServerState(options: options)
        for path in options.imports { try await state.importCenter(configPath: path) }
        let router = Router()
        let table = RouteTable()
        router.middlewares.add(ProblemMiddleware(folder: options.dataFolder, routes: table))
        if let token = options.token { router.middlewares.add(BearerTokenMiddleware(token: token)) }
        var api = APIRouter(router: router, state: state)
        api.addPageRoutes(try StaticFiles())
        api.addCenterRoutes()
        api.addPlanRoutes()
        api.addFigureRoutes()
        api.addRequestRoutes()
        api.addPublishRoutes()
        table.set(api.routes)
        return (router, api.routes)
    }
}
