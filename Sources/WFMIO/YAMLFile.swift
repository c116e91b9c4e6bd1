import Foundation
import WFMCore
import Yams

/// Reading a YAML file into a tree, with the errors every reader gives: unreadable, not UTF-8,
/// empty, and syntax errors on their line (a duplicated key on its second line).
enum YAMLFile {
    /// The composed document of `path`.
    /// - Parameter expected: what the file should hold, for the "is empty" message.
    /// - Throws: ``InputError`` naming the file (and the line of a syntax error).
    static func compose(path: String, expected: String) throws -> Node {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(Diagnostic(file: path, line: nil, field: "file", problem: "cannot be read", expected: "an existing, readable YAML file"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(Diagnostic(file: path, line: nil, field: "file", problem: "is not valid UTF-8 text"))
        }
        do {
            guard let composed = try Yams.compose(yaml: text) else {
                throw InputError(Diagnostic(file: path, line: nil, field: "file", problem: "is empty", expected: expected))
            }
            return composed
        } catch let error as InputError {
            throw error
        } catch let error as YamlError {
            throw InputError(syntaxDiagnostic(error, file: path, text: text))
        }
    }

    private static func syntaxDiagnostic(_ error: YamlError, file: String, text: String) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return Diagnostic(file: file, line: mark.line, field: "syntax", problem: problem, expected: "valid YAML")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? "?"
            return Diagnostic(file: file, line: secondLine(ofKey: key, in: text) ?? context.mark.line, field: key,
                              problem: "is given twice in one mapping", expected: "each key once")
        default:
            return Diagnostic(file: file, line: nil, field: "syntax", problem: "\(error)", expected: "valid YAML")
        }
    }

    /// The line (1-based) where `key` is written a second time, if it is found.
    private static func secondLine(ofKey key: String, in text: String) -> Int? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let hits = lines.indices.filter { index in
            var line = lines[index].drop { $0 == " " || $0 == "\t" }
            if line.hasPrefix("- ") { line = line.dropFirst(2).drop { $0 == " " } }
            return line.hasPrefix(key + ":")
        }
        return hits.count > 1 ? hits[1] + 1 : nil
    }
}
