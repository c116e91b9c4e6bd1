import Foundation
import Testing
import WFMCore
import WFMIO
import WFMPlanning
import _WFMTestSupport

/// Seeded mutants of the demo's and the small fixture's files, read by every reader and, when a
/// forecast reads, staffed: each must read or be refused with an ``InputError`` (or a
/// ``PlanningError`` naming the queue and interval), never crash. A crash ends the test run, so
/// reaching the end is the assertion; the counts make sure both outcomes were exercised.
@Suite struct ReaderMutationTests {
    /// What a mutation may put into a file: extreme numbers, separators, quotes and broken
    /// timestamps.
    static let fragments = [
        "1e308", "-1", "nan", "inf", "", "0", "99999999999999999999", "1e-320", "\"", ",", ";", ":", "-", "\n", "\r\n", "\t",
        "+05:00", "T25:61", "2026-02-30", "::", "[", "{", "}", "- ", "#", "\u{FEFF}", "é", "\u{0}", "24:00", "closed",
    ]

    /// One mutant of `text`: a fragment inserted, a character or line removed, a line repeated,
    /// or a number replaced by a fragment.
    static func mutant(of text: String, using random: inout SeededGenerator) -> String {
        var characters = Array(text)
        guard !characters.isEmpty else { return fragments[Int(random.next() % UInt64(fragments.count))] }
        let at = Int(random.next() % UInt64(characters.count))
        let fragment = fragments[Int(random.next() % UInt64(fragments.count))]
        switch random.next() % 5 {
        case 0:
            characters.insert(contentsOf: fragment, at: at)
        case 1:
            characters.remove(at: at)
        case 2:
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let line = at % lines.count
            lines.insert(lines[line], at: line)
            return lines.joined(separator: "\n")
        case 3:
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            lines.remove(at: at % lines.count)
            return lines.joined(separator: "\n")
        default:
            var end = at
            while end < characters.count, characters[end].isNumber || characters[end] == "." { end += 1 }
            characters.replaceSubrange(at..<max(at + 1, end), with: fragment)
        }
        return String(characters)
    }

    /// Reads the fixture in `folder` with every reader, staffing a forecast that reads.
    /// - Returns: whether every file read.
    static func readAll(_ folder: TemporaryDirectory, history: Bool) throws -> Bool {
        do {
            let center = try CenterReader.read(path: folder.path("center.yaml"))
            _ = try AgentsReader.read(path: folder.path("agents.csv"), center: center)
            let grid = center.timeGrid
            let forecast = try ForecastReader.read(path: folder.path("forecast.csv"), center: center, grid: grid)
            _ = try StaffingPlanner.plan(center: center, forecast: forecast)
            _ = try RequirementsReader.read(path: folder.path("requirements.csv"), center: center, grid: grid)
            if history { _ = try HistoryReader.read(path: folder.path("history.csv"), center: center) }
            return true
        } catch is InputError {
            return false
        } catch is PlanningError {
            return false
        }
    }

    @Test(arguments: [("small", 1 as UInt64), ("demo", 2)])
    func mutantsReadOrAreRefusedWithoutCrashing(fixture: String, seed: UInt64) throws {
        let source = projectRoot.appendingPathComponent("Inputs/\(fixture)")
        var files: [String: String] = [:]
        for name in ["center.yaml", "agents.csv", "forecast.csv", "requirements.csv", "history.csv"] {
            let path = source.appendingPathComponent(name).path
            files[name] = FileManager.default.fileExists(atPath: path) ? try String(contentsOfFile: path, encoding: .utf8) : nil
        }
        if files["requirements.csv"] == nil { files["requirements.csv"] = files["forecast.csv"].map(Self.requirementsLike) }
        // The demo's history is large: it is mutated only on the small fixture.
        let withHistory = fixture == "small"
        var random = SeededGenerator(seed: seed)
        var read = 0, refused = 0
        let names = files.keys.sorted().filter { withHistory || $0 != "history.csv" }
        for _ in 0..<150 {
            let folder = try TemporaryDirectory()
            let target = names[Int(random.next() % UInt64(names.count))]
            for (name, text) in files { try folder.write(name, name == target ? Self.mutant(of: text, using: &random) : text) }
            if try Self.readAll(folder, history: withHistory) { read += 1 } else { refused += 1 }
        }
        #expect(read + refused == 150)
        #expect(read > 0 && refused > 0, "both outcomes exercised: \(read) read, \(refused) refused")
    }

    /// A requirements file for a forecast: the forecast's columns and a count of agents.
    static func requirementsLike(_ forecast: String) -> String {
        let lines = forecast.split(separator: "\n")
        return (["interval_start,queue,calls,aht_seconds,agents_scheduled"] + lines.dropFirst().map { "\($0),3" }).joined(separator: "\n") + "\n"
    }
}
