import Foundation

/// Writes output files whole or not at all, and never replaces a user's file unless asked.
public enum AtomicFileWriter {
    /// Writes `text` to `path` through a temporary file in the same folder and a rename, so a
    /// reader never sees a half-written file.
    /// - Parameters:
    ///   - text: the full contents.
    ///   - path: the destination.
    ///   - overwrite: replace an existing file (the CLI's `--force`).
    /// - Throws: ``InputError`` if the file exists and `overwrite` is false, or the write fails.
    public static func write(_ text: String, to path: String, overwrite: Bool) throws {
        let manager = FileManager.default
        try checkWritable(path, overwrite: overwrite)
        let destination = URL(fileURLWithPath: path)
        let folder = destination.deletingLastPathComponent()
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            let temporary = folder.appendingPathComponent(".\(destination.lastPathComponent).\(UUID().uuidString).tmp")
            try Data(text.utf8).write(to: temporary)
            if rename(temporary.path, destination.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? manager.removeItem(at: temporary)
                throw InputError(Diagnostic(file: path, line: nil, field: "output", problem: "cannot be written: \(reason)"))
            }
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError(Diagnostic(file: path, line: nil, field: "output", problem: "cannot be written: \(error.localizedDescription)"))
        }
    }

    /// Checks up front that `path` may be written, so a long job fails before it starts.
    /// - Throws: ``InputError`` if `path` is a folder (which `--force` never replaces), or the
    ///   file exists and `overwrite` is false.
    public static func checkWritable(_ path: String, overwrite: Bool) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw InputError(Diagnostic(file: path, line: nil, field: "output", problem: "is a folder, not a file",
                                        expected: "a file path such as \(path)/roster.csv"))
        }
        if FileManager.default.fileExists(atPath: path), !overwrite {
            throw InputError(Diagnostic(file: path, line: nil, field: "output", problem: "already exists", expected: "a new path, or --force to replace it"))
        }
    }
}
