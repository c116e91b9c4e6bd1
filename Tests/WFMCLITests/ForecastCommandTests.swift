import Foundation
import Testing
import _WFMTestSupport

@Suite(.serialized) struct ForecastCommandTests {
    @Test func forecastsTheDemoWeekDeterministicallyAndStaffsIt() throws {
        let folder = try TemporaryDirectory()
        let first = try runWFM(["forecast", "--config", "Inputs/demo/center.yaml", "--out", folder.path("a.csv")])
        #expect(first.status == 0, "\(first.error)")
        #expect(first.output.contains("Wrote 984 rows"))
        _ = try runWFM(["forecast", "--config", "Inputs/demo/center.yaml", "--out", folder.path("b.csv"), "--quiet"])
        let a = try String(contentsOfFile: folder.path("a.csv"), encoding: .utf8)
        #expect(a == (try String(contentsOfFile: folder.path("b.csv"), encoding: .utf8)))
        #expect(a.hasPrefix("interval_start,queue,calls,aht_seconds\n2026-11-30T07:00+01:00,billing,"))
        let staffed = try runWFM(["staff", "--config", "Inputs/demo/center.yaml", "--forecast", folder.path("a.csv"), "--out", folder.path("r.csv")])
        #expect(staffed.status == 0, "\(staffed.error)")
        #expect(!staffed.error.contains("warning"))
    }

    @Test func backtestAsJSON() throws {
        let result = try runWFM(["forecast", "--config", "Inputs/demo/center.yaml", "--backtest", "2", "--format", "json", "--quiet"])
        #expect(result.status == 0, "\(result.error)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let rows = try #require(json["rows"] as? [[String: Any]])
        #expect(rows.count == 3 * 6)
        #expect(Set(rows.compactMap { $0["method"] as? String }) == ["auto", "seasonal-naive", "weekday-mean", "weekday-median", "weekday-ewma", "daily-profile"])
        #expect((json["weeks"] as? [String]) == ["2026-11-16", "2026-11-23"])
    }

    @Test func problemsExitWithTheRightCode() throws {
        let folder = try TemporaryDirectory()
        let badMethod = try runWFM(["forecast", "--config", "Inputs/demo/center.yaml", "--method", "crystal-ball", "--out", folder.path("f.csv")])
        #expect(badMethod.status == 64)
        let noHistory = try runWFM(["forecast", "--config", "Inputs/demo/center.yaml", "--history", folder.path("none.csv"), "--out", folder.path("f.csv")])
        #expect(noHistory.status == 1)
        #expect(noHistory.error.contains("none.csv: file: cannot be read"))
        let history = try folder.write("history.csv", "timestamp,queue,calls\n2026-11-02T09:00,billing,5\n2026-11-02T09:15,billing,6\n")
        let missingQueues = try runWFM(["forecast", "--config", "Inputs/demo/center.yaml", "--history", history, "--out", folder.path("f.csv")])
        #expect(missingQueues.status == 1)
        #expect(missingQueues.error.contains("history has no rows for queue 'tech'"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("f.csv")))
    }
}
