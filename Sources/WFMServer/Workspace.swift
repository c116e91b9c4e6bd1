import Foundation

/// The folders under `DIR/work` where the commands' jobs read and write files: a copy of what
/// the database holds, rebuilt from it whenever needed (the database is the truth; a
/// workspace lost or half-written is written again).
struct Workspace: Sendable {
    /// `DIR/work`.
    let root: String

    init(dataFolder: String) {
        root = (dataFolder as NSString).appendingPathComponent("work")
    }

    /// The folder of center `id`: center.yaml and the files it names.
    func centerFolder(_ id: Int64) -> String { (root as NSString).appendingPathComponent("center-\(id)") }

    /// The folder plan `planID` writes to or is copied into.
    func planFolder(center: Int64, plan planID: Int64) -> String {
        (centerFolder(center) as NSString).appendingPathComponent("plan-\(planID)")
    }

    /// The folder of published versions (`v1`, `v2`, …) `wfm publish` extends.
    func publishedFolder(_ center: Int64) -> String { (centerFolder(center) as NSString).appendingPathComponent("published") }

    /// A new empty folder for one job's scratch files, removed by the caller.
    func scratchFolder(center: Int64, _ purpose: String) throws -> String {
        let folder = (centerFolder(center) as NSString).appendingPathComponent(".\(purpose)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Writes `files` into `folder` (created if needed), each whole: under a temporary name,
    /// then renamed. A file already holding the same text is left as it is.
    static func write(_ files: [ServerStore.StoredFile], into folder: String) throws {
        for file in files {
            let path = (folder as NSString).appendingPathComponent(file.name)
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            if let existing = try? String(contentsOfFile: path, encoding: .utf8), existing == file.content { continue }
            let temporary = path + ".partial-\(UUID().uuidString)"
            try Data(file.content.utf8).write(to: URL(fileURLWithPath: temporary))
            if rename(temporary, path) != 0 {
                try? FileManager.default.removeItem(atPath: temporary)
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
        }
    }

    /// Every regular file under `folder`, named by its path relative to it, in name order.
    static func read(folder: String) throws -> [ServerStore.StoredFile] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var files: [ServerStore.StoredFile] = []
        while let name = enumerator.nextObject() as? String {
            let path = (folder as NSString).appendingPathComponent(name)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            files.append(ServerStore.StoredFile(name: name, content: try String(contentsOfFile: path, encoding: .utf8)))
        }
        return files.sorted { $0.name < $1.name }
    }
}
