import Foundation
import WFMIO

/// The centers of `wfm plan --centers list.txt`: one center.yaml per line, relative to the
/// list's folder; blank lines and lines starting with `#` are skipped.
public struct CenterList: Sendable, Equatable {
    /// One center of the list.
    public struct Entry: Sendable, Equatable, Codable {
        /// The center's name, its output folder under `--out`: the folder holding the file when
        /// it is called center.yaml (`east/center.yaml` is `east`), else the file's name less
        /// `.yaml` (`east.yaml` is `east`).
        public let name: String
        /// The path as the list writes it.
        public let listed: String
        /// The path to read, resolved against the list's folder.
        public let path: String
        /// The list's line.
        public let line: Int
    }

    /// The list file, as the user named it.
    public let file: String
    /// The centers, in the list's order.
    public let entries: [Entry]

    /// The most centers one list may name.
    public static let maximumCenters = 100_000

    /// Reads a list.
    /// - Throws: ``InputError`` naming the file and line: unreadable file, no center, a file
    ///   that does not exist, or two centers of the same name.
    public static func read(path file: String) throws -> CenterList {
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            throw InputError(Diagnostic(file: file, line: nil, field: "file", problem: "cannot be read as UTF-8 text",
                                        expected: "one center.yaml path per line"))
        }
        let folder = (file as NSString).deletingLastPathComponent
        var entries: [Entry] = []
        var problems: [Diagnostic] = []
        var lineOfName: [String: Int] = [:]
        for (offset, raw) in text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = offset + 1
            let listed = raw.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\u{FEFF}"))
            guard !listed.isEmpty, !listed.hasPrefix("#") else { continue }
            let path = listed.hasPrefix("/") || folder.isEmpty ? listed : (folder as NSString).appendingPathComponent(listed)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else {
                problems.append(Diagnostic(file: file, line: line, field: "center", problem: "'\(listed)' is not a file",
                                           expected: "a center.yaml path, relative to the list's folder"))
                continue
            }
            let name = Self.name(of: path)
            if let first = lineOfName[name] {
                problems.append(Diagnostic(file: file, line: line, field: "center",
                                           problem: "'\(listed)' has the name '\(name)' of line \(first), and each center writes to a folder of its name",
                                           expected: "centers in folders of different names, or files of different names"))
                continue
            }
            lineOfName[name] = line
            entries.append(Entry(name: name, listed: listed, path: path, line: line))
        }
        if entries.isEmpty, problems.isEmpty {
            problems.append(Diagnostic(file: file, line: nil, field: "file", problem: "names no center", expected: "one center.yaml path per line"))
        }
        if entries.count > maximumCenters {
            problems.append(Diagnostic(file: file, line: nil, field: "file", problem: "names \(entries.count) centers",
                                       expected: "at most \(maximumCenters); split the list"))
        }
        guard problems.isEmpty else {
            throw InputError(diagnostics: Array(problems.prefix(DiagnosticLog.limit)), truncated: problems.count > DiagnosticLog.limit)
        }
        return CenterList(file: file, entries: entries)
    }

    /// A center's name from its path.
    static func name(of path: String) -> String {
        let file = (path as NSString).lastPathComponent
        let folder = ((path as NSString).deletingLastPathComponent as NSString).lastPathComponent
        if file.lowercased() == "center.yaml" || file.lowercased() == "center.yml", !folder.isEmpty, folder != ".", folder != ".." {
            return folder
        }
        return (file as NSString).deletingPathExtension
    }
}
