import Foundation
import WFMIO

/// Shard result files: gathering them and checking that every shard is there exactly once.
enum ShardFiles {
    /// The files of `directory` named `<prefix>.shard-I-of-N.json`, by name.
    static func list(in directory: String, prefix: String) throws -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw InputError(Diagnostic(file: directory, line: nil, field: "folder", problem: "cannot be read",
                                        expected: "the --out folder the shards wrote to"))
        }
        return names.filter { $0.hasPrefix(prefix + ".shard-") && $0.hasSuffix(".json") }.sorted()
            .map { (directory as NSString).appendingPathComponent($0) }
    }

    /// Checks that `shards` (each a file and the shard it says it is) are shards 0 to N − 1 of
    /// one N, each once.
    /// - Throws: ``InputError`` naming the duplicated shard's files, the shards of another
    ///   count, or the missing shard and the file it would be.
    static func checkComplete(_ shards: [(file: String, shard: Shard?)], missingFile: (Shard) -> String) throws {
        guard let first = shards.first else { return }
        var fileOfIndex: [Int: String] = [:]
        for (file, shard) in shards {
            guard let shard else {
                throw InputError(Diagnostic(file: file, line: nil, field: "shard", problem: "is missing: this is the result of a whole run",
                                            expected: "the result of one shard (--shard I/N)"))
            }
            guard shard.count == first.shard?.count else {
                throw InputError(Diagnostic(file: file, line: nil, field: "shard", problem: "is shard \(shard) where \(first.file) is \(first.shard!)",
                                            expected: "the shards of one run, all of the same count; remove an earlier run's files"))
            }
            if let other = fileOfIndex[shard.index] {
                throw InputError(Diagnostic(file: file, line: nil, field: "shard", problem: "shard \(shard) is also in \(other)",
                                            expected: "each shard once"))
            }
            fileOfIndex[shard.index] = file
        }
        let count = first.shard!.count
        if let missing = (0..<count).first(where: { fileOfIndex[$0] == nil }) {
            let shard = try Shard(index: missing, count: count)
            throw InputError(Diagnostic(file: missingFile(shard), line: nil, field: "file",
                                        problem: "is missing: shard \(shard) has not written its result (\(fileOfIndex.count) of \(count) shards found)",
                                        expected: "every shard's result before merging; rerun shard \(missing)"))
        }
    }

    /// Reads a JSON result of schema `schema`.
    static func decode<Document: Decodable>(_ type: Document.Type, file: String, schema: String, writtenBy: String) throws -> Document {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw InputError(Diagnostic(file: file, line: nil, field: "file", problem: "cannot be read", expected: "a result of \(writtenBy)"))
        }
        let found = (try? JSONSerialization.jsonObject(with: data) as? [String: Any])?["schema"] as? String
        guard found == schema else {
            throw InputError(Diagnostic(file: file, line: nil, field: "schema", problem: found.map { "'\($0)' is not supported" } ?? "is missing",
                                        expected: "\(schema), as \(writtenBy) writes"))
        }
        do {
            return try BenchJSON.decoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw InputError(Diagnostic(file: file, line: nil, field: BenchJSON.field(of: error), problem: BenchJSON.problem(of: error),
                                        expected: "a result of \(writtenBy), unedited"))
        }
    }
}
