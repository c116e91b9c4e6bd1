import Foundation
import WFMIO

/// One thing wrong with an input, as the commands report it (file, line, field, what was
/// wrong and what was expected), for a caller that shows errors other than as text: the
/// server's problem documents.
public struct InputProblem: Sendable, Codable, Equatable {
    /// The file, named as the user named it (the server's folders left out).
    public var file: String
    public var line: Int?
    public var field: String
    public var problem: String
    public var expected: String?

    /// The problems `error` lists when it is an input error, each file named relative to
    /// `folder` (a file elsewhere keeps only its name, so no server path is shown); nil for any
    /// other error.
    public static func problems(in error: any Error, relativeTo folder: String) -> [InputProblem]? {
        guard let input = error as? InputError else { return nil }
        return input.diagnostics.map { diagnostic in
            InputProblem(file: userFacingName(diagnostic.file, relativeTo: folder), line: diagnostic.line, field: diagnostic.field,
                         problem: diagnostic.problem, expected: diagnostic.expected)
        }
    }

    /// `error` as the commands print it, with every mention of `folder` taken out, so that a
    /// message names the user's files and never where the server keeps them.
    public static func message(of error: any Error, relativeTo folder: String) -> String {
        relative(String(describing: error), to: folder)
    }

    /// `text` with every mention of `folder` taken out (its files named relative to it), in
    /// plain text and in JSON strings (where `/` may be written `\/`).
    public static func relative(_ text: String, to folder: String) -> String {
        var text = text
        for slash in ["/", "\\/"] {
            let written = folder.replacingOccurrences(of: "/", with: slash)
            let prefix = written.hasSuffix(slash) ? written : written + slash
            text = text.replacingOccurrences(of: prefix, with: "").replacingOccurrences(of: written, with: ".")
        }
        return text
    }

    private static func userFacingName(_ file: String, relativeTo folder: String) -> String {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        if file.hasPrefix(prefix) { return String(file.dropFirst(prefix.count)) }
        return file.hasPrefix("/") ? (file as NSString).lastPathComponent : file
    }
}
