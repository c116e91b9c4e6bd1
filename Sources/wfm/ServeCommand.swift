import ArgumentParser
import Foundation
import WFMServer

/// `wfm serve`: the planner as a local web application and REST API over an embedded database.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the planner in the browser and as a REST API (docs/server.md), its state in DIR/wfm.sqlite.",
        discussion: """
            Listens on 127.0.0.1:8080 by default. Any other --host needs --token (or WFM_SERVE_TOKEN): every API request must then send Authorization: Bearer <token>, and the page is opened as http://HOST:PORT/#token=<token>.

            Example:
              wfm serve --data demo-data --import Inputs/demo/center.yaml
            """)

    @Option(name: .customLong("data"), help: ArgumentHelp("The data folder: the database and the jobs' working copies.", valueName: "DIR"))
    var dataFolder: String

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0 for any free port).")
    var port = 8080

    @Option(help: ArgumentHelp("The bearer token API requests must carry (at least 16 characters); default: WFM_SERVE_TOKEN.", valueName: "TOKEN"))
    var token: String?

    @Option(name: .customLong("max-body-mb"), help: "The largest request body accepted, in MiB.")
    var maxBodyMegabytes = ServerOptions.defaultMaxBodyBytes >> 20

    @Option(name: .customLong("import"), help: ArgumentHelp("A center.yaml to load at start with the files it names, unless a center of that name is stored (repeatable).", valueName: "CENTER_YAML"))
    var imports: [String] = []

    func run() async throws {
        guard (1...1024).contains(maxBodyMegabytes) else {
            throw ValidationError("--max-body-mb \(maxBodyMegabytes): expected 1 to 1024")
        }
        var options = ServerOptions(dataFolder: dataFolder, host: host, port: port,
                                    token: token ?? ProcessInfo.processInfo.environment["WFM_SERVE_TOKEN"], maxBodyBytes: maxBodyMegabytes << 20)
        options.imports = imports
        do {
            try options.check()
        } catch let error as ServerError {
            throw ValidationError(error.description)
        }
        try await reportingFailuresAsync {
            try await WFMServerApp.run(options) { address in
                FileHandle.standardOutput.write(Data("wfm serve: open \(address) in a browser (Ctrl-C stops the server)\n".utf8))
            }
        }
    }
}
