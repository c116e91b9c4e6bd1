import Foundation

/// How `wfm serve` runs: where its data lives, where it listens, and its limits.
public struct ServerOptions: Sendable {
    /// The data folder: the database and the jobs' working copies.
    public var dataFolder: String
    public var host: String
    public var port: Int
    /// The bearer token every API request must carry; required to listen beyond loopback.
    public var token: String?
    /// The largest request body accepted, in bytes (an upload's files together).
    public var maxBodyBytes: Int
    /// The most plans kept loaded for quick figures (each holds its center, agents, forecast
    /// and roster).
    public var loadedPlans: Int
    /// center.yaml files to import at start, each with the files it names, unless a center of
    /// the same name is stored already.
    public var imports: [String] = []

    /// The default body limit: 32 MiB, room for a year of 15-minute history of a few queues.
    public static let defaultMaxBodyBytes = 32 << 20

    /// Creates the options.
    public init(dataFolder: String, host: String = "127.0.0.1", port: Int = 8080, token: String? = nil,
                maxBodyBytes: Int = ServerOptions.defaultMaxBodyBytes, loadedPlans: Int = 16) {
        self.dataFolder = dataFolder
        self.host = host
        self.port = port
        self.token = token
        self.maxBodyBytes = maxBodyBytes
        self.loadedPlans = loadedPlans
    }

    /// Whether `host` is a loopback address.
    public var isLoopback: Bool { ["127.0.0.1", "::1", "localhost"].contains(host) || host.hasPrefix("127.") }

    /// Throws unless the options can start a server: a port in range, a token of at least 16
    /// characters when given, and a token whenever the host is not loopback.
    /// - Throws: ``ServerError`` saying what to change.
    public func check() throws {
        guard (0...65_535).contains(port) else { throw ServerError("--port \(port): expected 0 to 65535") }
        if let token, token.count < 16 || token.contains(where: { $0.isWhitespace }) {
            throw ServerError("--token: expected at least 16 characters without spaces")
        }
        guard isLoopback || token != nil else {
            throw ServerError("--host \(host) listens beyond this machine: pass --token (or WFM_SERVE_TOKEN) so that only those who have it get in")
        }
        guard maxBodyBytes > 0 else { throw ServerError("the body limit must be positive") }
    }
}

/// Why the server cannot start.
public struct ServerError: Error, CustomStringConvertible, Sendable {
    public let description: String

    init(_ description: String) { self.description = description }
}
