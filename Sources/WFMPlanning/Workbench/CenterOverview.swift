import Foundation
import WFMCore
import WFMIO

/// A center as its folder describes it, read with the commands' readers: what the server
/// lists and the page shows before anything is planned.
public struct CenterOverview: Sendable, Codable, Equatable {
    /// A queue and its service-level target.
    public struct QueueOverview: Sendable, Codable, Equatable {
        public var id: String
        /// The share of calls to answer within ``withinSeconds``.
        public var serviceLevelTarget: Double
        public var withinSeconds: Double

        private enum CodingKeys: String, CodingKey {
            case id, serviceLevelTarget = "service_level_target", withinSeconds = "within_seconds"
        }
    }

    /// An agent and the queues they serve.
    public struct AgentOverview: Sendable, Codable, Equatable {
        public var id: String
        public var name: String
        public var contract: String
        public var queues: [String]
    }

    public var name: String
    /// The IANA time zone, e.g. Europe/Amsterdam.
    public var timeZone: String
    /// The first day of the planned week, YYYY-MM-DD.
    public var weekStart: String
    public var intervalMinutes: Int
    public var queues: [QueueOverview]
    public var agents: [AgentOverview]
    /// The files center.yaml names besides itself (agents, history), as plain names.
    public var namedFiles: [String]

    private enum CodingKeys: String, CodingKey {
        case name, timeZone = "time_zone", weekStart = "week_start", intervalMinutes = "interval_minutes", queues, agents,
            namedFiles = "named_files"
    }

    /// The name every center's configuration has in its folder.
    public static let configName = "center.yaml"

    /// Reads `folder/center.yaml`, its agents and its history, each checked as the commands
    /// check them. The files center.yaml names must be plain names in the same folder (a
    /// center is a folder of its own, with nothing outside it).
    /// - Throws: ``InputError`` naming the file, line and field.
    public static func read(folder: String) throws -> CenterOverview {
        let configPath = (folder as NSString).appendingPathComponent(configName)
        let center = try CenterReader.read(path: configPath)
        let standardFolder = URL(fileURLWithPath: folder).standardizedFileURL.path
        var named: [String] = []
        for (field, path) in [("agents", center.agentsPath), ("history", center.historyPath)] {
            guard let path else {
                throw InputError(Diagnostic(file: configPath, line: nil, field: field, problem: "is missing",
                                            expected: "the name of the center's \(field) file, uploaded with center.yaml"))
            }
            let name = (path as NSString).lastPathComponent
            guard (path as NSString).deletingLastPathComponent == standardFolder else {
                throw InputError(Diagnostic(file: configPath, line: nil, field: field, problem: "names a file outside the center's folder",
                                            expected: "a plain file name such as \(field).csv, uploaded with center.yaml"))
            }
            named.append(name)
        }
        let agents = try AgentsReader.read(path: center.agentsPath!, center: center)
        _ = try HistoryReader.read(path: center.historyPath!, center: center)
        return CenterOverview(
            name: center.name, timeZone: center.timeZone.identifier, weekStart: center.weekStart.description,
            intervalMinutes: center.intervalMinutes,
            queues: center.queues.map { QueueOverview(id: $0.id, serviceLevelTarget: $0.serviceLevel.fraction, withinSeconds: $0.serviceLevel.withinSeconds) },
            agents: agents.map { AgentOverview(id: $0.id, name: $0.name, contract: $0.contract, queues: $0.skills.map(\.queue)) },
            namedFiles: named)
    }
}
