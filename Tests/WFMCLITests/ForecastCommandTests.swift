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
        #expect(a.hasPrefix("interval_start,queue,calls,aht_seconds,calls_p10,calls_p25,calls_p50,calls_p75,calls_p90,calls_p95\n2026-11-30T07:00+01:00,billing,"))
        #expect(first.error.contains("note: queue 'billing': prediction intervals from"))
        let staffed = try runWFM(["staff", "--config", "Inputs/demo/center.yaml", "--forecast", folder.path("a.csv"), "--out", folder.path("r.csv")])
        #expect(staffed.status == 0, "\(staffed.error)")
        #expect(!staffed.error.contains("warning"))
        let risky = try runWFM(["staff", "--config", "Inputs/demo/center.yaml", "--forecast", folder.path("a.csv"), "--risk", "0.9",
                                "--out", folder.path("r90.csv")])
        #expect(risky.status == 0, "\(risky.error)")
        #expect(risky.output.contains("extra") && risky.output.contains("Staffed for the 90% quantile of each interval's calls"), "\(risky.output)")
        let header = try String(contentsOfFile: folder.path("r90.csv"), encoding: .utf8).prefix { $0 != "\n" }
        #expect(header.hasSuffix(",binding,calls_staffed,agents_scheduled_point"))
        let bare = try runWFM(["staff", "--config", "Inputs/demo/center.yaml", "--forecast", "Inputs/demo/forecast.csv", "--risk", "0.9",
                               "--out", folder.path("r-bare.csv")])
        #expect(bare.status == 1 && bare.error.contains("Inputs/demo/forecast.csv:1: header: no calls_pNN columns"), "\(bare.error)")
        #expect(!FileManager.default.fileExists(atPath: folder.path("r-bare.csv")), "nothing written")
    }

    @Test func backtestAsJSON() throws {
        let result = try runWFM(["forecast", "--config", "Inputs/demo/center.yaml", "--backtest", "2", "--format", "json", "--quiet"])
        #expect(result.status == 0, "\(result.error)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let rows = try #require(json["rows"] as? [[String: Any]])
        #expect(rows.count == 3 * 6)
        #expect(Set(rows.compactMap { $0["method"] as? String }) == ["auto", "seasonal-naive", "weekday-mean", "weekday-median", "weekday-ewma", "daily-profile"])
        #expect((json["weeks"] as? [String]) == ["2026-11-16", "2026-11-23"])
        let coverage = rows.compactMap { ($0["intervals"] as? [String: Any])?["coverage80"] as? Double }
        #expect(coverage.count == rows.count && coverage.allSatisfy { (0...1).contains($0) }, "\(rows)")
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

    @Test func aQueueCenterYamlDoesNotNameIsOneLineWithItsCount() throws {
        let folder = try TemporaryDirectory()
        let original = try String(contentsOf: projectRoot.appendingPathComponent("Inputs/small/history.csv"), encoding: .utf8)
        let extra = original.split(separator: "\n").dropFirst().prefix(60).map { $0.replacingOccurrences(of: ",support,", with: ",retail,") }
        let history = try folder.write("history.csv", original + extra.joined(separator: "\n") + "\n")
        let result = try runWFM(["forecast", "--config", "Inputs/small/center.yaml", "--history", history, "--out", folder.path("f.csv")])
        #expect(result.status == 1)
        let lines = result.error.split(separator: "\n").filter { $0.contains("retail") }
        #expect(lines.count == 1, "\(result.error)")
        #expect(lines.first?.contains("queue: unknown queue 'retail' in 60 rows (the first on this line)") == true, "\(result.error)")
        let ignoring = try runWFM(["forecast", "--config", "Inputs/small/center.yaml", "--history", history, "--out", folder.path("f.csv"),
                                   "--ignore-unknown-queues"])
        #expect(ignoring.status == 0, "\(ignoring.error)")
        #expect(ignoring.error.contains("queue: 60 rows of queue 'retail', which center.yaml does not name, left out"), "\(ignoring.error)")
    }

    @Test func aHandleTimeInMinutesIsQuestioned() throws {
        let folder = try TemporaryDirectory()
        let original = try String(contentsOf: projectRoot.appendingPathComponent("Inputs/small/forecast.csv"), encoding: .utf8)
        let minutes = original.replacingOccurrences(of: ",300\n", with: ",5\n")
        #expect(minutes != original)
        let staff = { (forecast: String) in
            try runWFM(["staff", "--config", "Inputs/small/center.yaml", "--forecast", forecast, "--out", folder.path("r.csv"), "--force"])
        }
        let asIs = try staff(projectRoot.appendingPathComponent("Inputs/small/forecast.csv").path)
        #expect(asIs.status == 0 && !asIs.error.contains("warning"), "\(asIs.error)")
        let odd = try staff(try folder.write("forecast.csv", minutes))
        #expect(odd.status == 0)
        #expect(odd.error.contains("warning: aht_seconds: queue 'support' has an AHT of 5 s in"), "\(odd.error)")
        #expect(odd.error.contains("is it in minutes instead of seconds?"))
        #expect(odd.error.contains("warning: queue 'support': over the week its required agents would be busy"), "\(odd.error)")
    }
}
