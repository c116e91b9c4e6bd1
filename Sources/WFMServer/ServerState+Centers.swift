import Foundation
import WFMPlanning

/// An upload: center.yaml and the files it names, each as text.
struct CenterUpload: Sendable, Decodable {
    /// File name → text; center.yaml and the files it names (agents, history).
    let files: [String: String]
}

extension ServerState {
    /// The most files one upload may carry.
    static let maxUploadFiles = 8

    /// Reads an upload with the commands' readers and, when every file is valid, stores the
    /// center; its files are checked in a folder of their own, so that nothing is stored
    /// otherwise.
    /// - Returns: the center's id and overview.
    /// - Throws: ``APIProblem`` for bad names, the readers' errors (file, line, field) otherwise.
    func upload(_ upload: CenterUpload) async throws -> (id: Int64, overview: CenterOverview) {
        guard upload.files[CenterOverview.configName] != nil else {
            throw APIProblem.badRequest("files: expected center.yaml and the files it names (agents, history), each as text")
        }
        guard upload.files.count <= Self.maxUploadFiles else {
            throw APIProblem.badRequest("files: at most \(Self.maxUploadFiles) files, got \(upload.files.count)")
        }
        for name in upload.files.keys where !Self.isPlainFileName(name) {
            throw APIProblem.badRequest("files: '\(name)' is not a plain file name (letters, digits, '.', '_' and '-', at most 100 characters, no folders)")
        }
        try FileManager.default.createDirectory(atPath: workspace.root, withIntermediateDirectories: true)
        let staging = (workspace.root as NSString).appendingPathComponent(".upload-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(atPath: staging) }
        let files = upload.files.sorted { $0.key < $1.key }.map { ServerStore.StoredFile(name: $0.key, content: $0.value) }
        try Workspace.write(files, into: staging)
        let overview: CenterOverview
        do {
            overview = try await BackgroundWork.run { try CenterOverview.read(folder: staging) }
        } catch {
            throw APIProblem.from(error, folder: staging)
        }
        let unused = Set(upload.files.keys).subtracting([CenterOverview.configName] + overview.namedFiles)
        guard unused.isEmpty else {
            throw APIProblem.badRequest("files: \(unused.sorted().joined(separator: ", ")) not named by center.yaml (it names \(overview.namedFiles.joined(separator: ", ")))")
        }
        let id = try await store.insertCenter(name: overview.name, overview: try Self.encode(overview), files: files)
        return (id, overview)
    }

    /// Whether `name` is a file name with no folder in it: letters, digits, `.`, `_`, `-`.
    static func isPlainFileName(_ name: String) -> Bool {
        guard (1...100).contains(name.count), name != ".", name != "..", !name.hasPrefix(".") else { return false }
        return name.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) && $0.isASCII || "._-".unicodeScalars.contains($0) }
    }

    /// `value` as compact JSON with sorted keys.
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

extension ServerState {
    /// Uploads the center of `configPath` (center.yaml and the files it names, all in its
    /// folder) as a client would, unless a center of that name is stored already.
    /// - Throws: ``ServerError`` with the readers' message when the center is invalid.
    func importCenter(configPath: String) async throws {
        let folder = (configPath as NSString).deletingLastPathComponent
        do {
            let overview = try await BackgroundWork.run { try CenterOverview.read(folder: folder.isEmpty ? "." : folder) }
            guard try await !store.centers().contains(where: { $0.name == overview.name }) else { return }
            var files = [CenterOverview.configName: try String(contentsOfFile: configPath, encoding: .utf8)]
            for name in overview.namedFiles {
                files[name] = try String(contentsOfFile: (folder as NSString).appendingPathComponent(name), encoding: .utf8)
            }
            _ = try await upload(CenterUpload(files: files))
        } catch let problem as APIProblem {
            throw ServerError("--import \(configPath): \(problem.detail)")
        } catch {
            throw ServerError("--import \(configPath): \(error)")
        }
    }
}
