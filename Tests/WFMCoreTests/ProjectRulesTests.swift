import Foundation
import Testing

/// Rules of the code base that a compiler does not check, read from the sources themselves.
@Suite struct ProjectRulesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func swiftFiles(under folder: String) throws -> [URL] {
        let base = root.appendingPathComponent(folder)
        let enumerator = try #require(FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil))
        return enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }.sorted { $0.path < $1.path }
    }

    /// Lines of code (comments left out).
    static func codeLines(_ file: URL) throws -> [(number: Int, text: String)] {
        try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { ($0.offset + 1, String($0.element)) }
            .filter { !$0.1.trimmingCharacters(in: .whitespaces).hasPrefix("//") }
    }

    /// GLPK aborts the process on a bad argument, so every `glp_*` routine is called from one
    /// documented wrapper in GLPKProblem.swift, where the arguments are checked first.
    @Test func everyGLPKRoutineIsCalledFromGLPKProblem() throws {
        let call = try Regex(#"\bglp_[a-z_]+\s*\("#)
        var outside: [String] = []
        for file in try Self.swiftFiles(under: "Sources") where file.lastPathComponent != "GLPKProblem.swift" {
            for line in try Self.codeLines(file) where line.text.contains(call) {
                outside.append("\(file.lastPathComponent):\(line.number): \(line.text.trimmingCharacters(in: .whitespaces))")
            }
        }
        #expect(outside.isEmpty, "glp_* called outside GLPKProblem.swift:\n\(outside.joined(separator: "\n"))")
    }

    /// Every module a test file imports is a dependency its test target declares in
    /// Package.swift (a module reached only through another's dependencies can vanish).
    @Test func testTargetsDeclareTheModulesTheyImport() throws {
        let manifest = try String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let target = try Regex(#"\.testTarget\(\s*name: "([A-Za-z]+)",\s*dependencies: \[([^\]]*)\]"#)
        // A dependency is a target's name in quotes, or a product's `.product(name: "X", package: …)`.
        let dependency = try Regex(#"(?:^|[\s,(])"([A-Za-z_]+)"|name: "([A-Za-z_]+)""#)
        let system: Set<String> = ["Foundation", "Testing", "Synchronization", "Dispatch", "Glibc", "Darwin", "XCTest"]
        var undeclared: [String] = []
        for match in manifest.matches(of: target) {
            let name = String(match.output[1].substring ?? "")
            let list = String(match.output[2].substring ?? "").replacing(try Regex(#"package: "[^"]*""#), with: "")
            let declared = Set(list.matches(of: dependency).compactMap { found in
                (found.output[1].substring ?? found.output[2].substring).map(String.init)
            })
            for file in try Self.swiftFiles(under: "Tests/\(name)") {
                for line in try Self.codeLines(file) {
                    let words = line.text.split(separator: " ")
                    guard let position = words.firstIndex(of: "import"), position + 1 < words.count,
                          words[..<position].allSatisfy({ $0.hasPrefix("@") || ["internal", "public", "private"].contains($0) })
                    else { continue }
                    let module = String(words[position + 1])
                    if !system.contains(module) && !declared.contains(module) {
                        undeclared.append("\(name)/\(file.lastPathComponent): \(module)")
                    }
                }
            }
        }
        #expect(undeclared.isEmpty, "imported but not declared:\n\(undeclared.joined(separator: "\n"))")
    }
}
