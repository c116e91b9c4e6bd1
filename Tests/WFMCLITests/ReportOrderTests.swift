import Foundation
import Testing
import WFMCore
import _WFMTestSupport

/// No reported figure depends on the order of agents.csv: the same roster reported with the
/// agents' rows shuffled, and each agent's skills listed in another order, gives the same
/// figures (the per-agent list follows the file's order, so it is compared by agent).
@Suite(.serialized) struct ReportOrderTests {
    @Test(arguments: [
        ("Inputs/demo", "Tests/Fixtures/demo-roster.csv", "Inputs/demo/forecast.csv"),
        ("Inputs/small", "Inputs/small/roster.csv", "Inputs/small/forecast.csv"),
    ])
    func shufflingAgentsChangesNoFigure(center: String, roster: String, forecast: String) throws {
        let folder = try TemporaryDirectory()
        let original = try String(contentsOf: projectRoot.appendingPathComponent("\(center)/agents.csv"), encoding: .utf8)
        let yaml = try String(contentsOf: projectRoot.appendingPathComponent("\(center)/center.yaml"), encoding: .utf8)
        let shuffled = try folder.write("agents.csv", Self.shuffle(original))
        let config = try folder.write("center.yaml", yaml.replacingOccurrences(of: "agents: agents.csv", with: "agents: \(shuffled)"))
        let first = try runWFM(["report", "--config", "\(center)/center.yaml", "--forecast", forecast, "--roster", roster,
                                "--out-dir", folder.path("first"), "--quiet"])
        let second = try runWFM(["report", "--config", config, "--forecast", forecast, "--roster", roster,
                                 "--out-dir", folder.path("second"), "--quiet"])
        #expect([0, 2].contains(first.status) && first.status == second.status, "\(first.error)\(second.error)")
        let lines = [first.output, second.output].map { $0.split(separator: "\n").filter { !$0.hasPrefix("Wrote ") }.sorted() }
        #expect(lines[0] == lines[1], "the tables, whose per-agent rows follow the file's order")
        for name in ["report-intervals.csv", "report-periods.csv"] {
            #expect(try Data(contentsOf: URL(fileURLWithPath: folder.path("first/\(name)")))
                == Data(contentsOf: URL(fileURLWithPath: folder.path("second/\(name)"))), "\(name)")
        }
        var reports = try ["first", "second"].map { run in
            try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder.path("\(run)/report.json"))))
                as? [String: Any])
        }
        let agents = reports.map { report in
            ((report["agents"] as? [[String: Any]]) ?? []).map { NSDictionary(dictionary: $0) }
                .sorted { ($0["id"] as? String ?? "") < ($1["id"] as? String ?? "") }
        }
        #expect(!agents[0].isEmpty && agents[0] == agents[1])
        for index in reports.indices { reports[index]["agents"] = nil }
        #expect(NSDictionary(dictionary: reports[0]) == NSDictionary(dictionary: reports[1]))
    }

    /// The rows in a seeded random order, each agent's skills reversed.
    static func shuffle(_ csv: String) -> String {
        var lines = csv.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        let header = lines.removeFirst()
        let skills = header.split(separator: ",").firstIndex(of: "skills")!
        var generator = SeededGenerator(seed: 7)
        lines.shuffle(using: &generator)
        let rows = lines.map { line -> String in
            var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[skills] = fields[skills].split(separator: ";").reversed().joined(separator: ";")
            return fields.joined(separator: ",")
        }
        return ([header] + rows).joined(separator: "\n") + "\n"
    }
}
