import Foundation
import WFMCore
import WFMIO

/// `wfm diff OLD NEW --config center.yaml`: what changed between two rosters of the week, each
/// a roster.csv or a published version's folder (its roster.csv).
public struct RosterDiffJob: Sendable {
    public var beforePath: String
    public var afterPath: String
    public var configPath: String

    /// Creates the job.
    public init(beforePath: String, afterPath: String, configPath: String) {
        self.beforePath = beforePath
        self.afterPath = afterPath
        self.configPath = configPath
    }

    /// Reads both rosters and compares them.
    /// - Throws: ``InputError`` for a bad file or a folder without roster.csv.
    public func run() throws -> RosterDiff {
        let center = try CenterReader.read(path: configPath)
        guard let agentsFile = center.agentsPath else { throw PlanningError("no agents file: set agents in \(configPath)") }
        let agents = try AgentsReader.read(path: agentsFile, center: center)
        let read = { (path: String) in try RosterFiles.read(path: Self.rosterFile(path), timeZone: center.timeZone) }
        return RosterDiff(before: beforePath, after: afterPath, old: try read(beforePath), new: try read(afterPath), center: center, agents: agents)
    }

    /// The roster a path names: the file, or a folder's roster.csv.
    static func rosterFile(_ path: String) -> String {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return path }
        return (path as NSString).appendingPathComponent("roster.csv")
    }
}
