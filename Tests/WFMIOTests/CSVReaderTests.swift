import Foundation
import Testing
import WFMCore
import WFMIO
import _WFMTestSupport

@Suite struct CSVReaderTests {
    func center(_ folder: TemporaryDirectory) throws -> Center {
        try CenterReader.read(path: folder.write("center.yaml", sampleCenterYAML()))
    }

    @Test func readsTheDemoFiles() throws {
        let demo = projectRoot.appendingPathComponent("Inputs/demo")
        let center = try CenterReader.read(path: demo.appendingPathComponent("center.yaml").path)
        let agents = try AgentsReader.read(path: center.agentsPath!, center: center)
        #expect(agents.count == 120)
        #expect(agents.contains { $0.skills.count == 3 })
        let history = try HistoryReader.read(path: center.historyPath!, center: center)
        #expect(history.intervalMinutes == 15)
        #expect(Set(history.records.map(\.queue)) == ["billing", "tech", "sales"])
        let forecast = try ForecastReader.read(path: demo.appendingPathComponent("forecast.csv").path, center: center, grid: center.timeGrid)
        #expect(!forecast.isEmpty)
    }

    @Test func byteOrderMarkCRLFAndQuotesAreHandled() throws {
        let folder = try TemporaryDirectory()
        let center = try center(folder)
        let path = try folder.write("agents.csv",
            "\u{FEFF}id,name,contract,skills\r\nA1,\"Smith, Jo\",fulltime,\"billing:1;tech:2\"\r\n\r\nA2,\"Line\nBreak\",fulltime,tech\r\n")
        let agents = try AgentsReader.read(path: path, center: center)
        #expect(agents.map(\.name) == ["Smith, Jo", "Line\nBreak"])
        #expect(agents[0].skills == [Skill(queue: "billing", priority: 1), Skill(queue: "tech", priority: 2)])
    }

    @Test func unknownQueueInAgentsNamesTheLine() throws {
        let folder = try TemporaryDirectory()
        let center = try center(folder)
        let path = try folder.write("agents.csv", "id,name,contract,skills\nA1,Jo,fulltime,billing\nA2,Al,fulltime,billing;sales\nA3,Bo,nightshift,tech\n")
        expectInputError(["agents.csv:3: skills: unknown queue 'sales'", "agents.csv:4: contract: unknown contract 'nightshift'"]) {
            _ = try AgentsReader.read(path: path, center: center)
        }
    }

    @Test func missingColumnIsReportedOnTheHeader() throws {
        let folder = try TemporaryDirectory()
        let center = try center(folder)
        let path = try folder.write("history.csv", "timestamp,queue\n2026-11-02T09:00,billing\n")
        expectInputError(["history.csv:1: header: missing column calls (expected columns timestamp,queue,calls,[aht_seconds])"]) {
            _ = try HistoryReader.read(path: path, center: center)
        }
    }

    @Test func nonNumericCountNamesLineAndField() throws {
        let folder = try TemporaryDirectory()
        let center = try center(folder)
        let path = try folder.write("history.csv", "timestamp,queue,calls\n2026-11-02T09:00,billing,12\n2026-11-02T09:15,billing,twelve\n")
        expectInputError(["history.csv:3: calls: 'twelve' is not a number (expected calls from 0 to 1,000,000 per interval)"]) {
            _ = try HistoryReader.read(path: path, center: center)
        }
    }

    @Test func duplicatedAndUnsortedTimestampsAreRejected() throws {
        let folder = try TemporaryDirectory()
        let center = try center(folder)
        let path = try folder.write("history.csv", """
            timestamp,queue,calls
            2026-11-02T09:00,billing,10
            2026-11-02T09:15,billing,11
            2026-11-02T09:15,billing,12
            2026-11-02T09:30,billing,9
            2026-11-02T09:00,tech,3
            2026-11-02T08:45,tech,4

            """)
        expectInputError([
            "history.csv:4: timestamp: duplicated interval for queue 'billing' (also on line 3)",
            "history.csv:7: timestamp: is earlier than line 6 for queue 'tech' (expected rows of each queue in time order)",
        ]) { _ = try HistoryReader.read(path: path, center: center) }
    }

    @Test func overlappingTimestampsOffTheGridAreRejected() throws {
        let folder = try TemporaryDirectory()
        let center = try center(folder)
        let rows = ["09:00", "09:15", "09:20", "09:30", "09:45"].map { "2026-11-02T\($0),billing,5" }
        let path = try folder.write("history.csv", "timestamp,queue,calls\n" + rows.joined(separator: "\n") + "\n")
        expectInputError(["history.csv:4: timestamp: 2026-11-02T09:20 is off the 15-minute grid of the other rows"]) {
            _ = try HistoryReader.read(path: path, center: center)
        }
    }

    @Test func historyCoarserThanThePlanIsRejected() throws {
        let folder = try TemporaryDirectory()
        let center = try center(folder)
        let rows = ["09:00", "10:00", "11:00", "12:00"].map { "2026-11-02T\($0),billing,5" }
        let path = try folder.write("history.csv", "timestamp,queue,calls\n" + rows.joined(separator: "\n") + "\n")
        expectInputError(["rows are 60 minutes apart, which does not divide the 15-minute plan interval"]) {
            _ = try HistoryReader.read(path: path, center: center)
        }
    }

    @Test func repeatedDSTHourMeansFirstThenSecondOccurrence() throws {
        let folder = try TemporaryDirectory()
        let center = try center(folder)
        let rows = ["01:45", "02:00", "02:15", "02:30", "02:45", "02:00", "02:15", "02:30", "02:45", "03:00"]
            .map { "2026-10-25T\($0),billing,1" }
        let path = try folder.write("history.csv", "timestamp,queue,calls\n" + rows.joined(separator: "\n") + "\n")
        let history = try HistoryReader.read(path: path, center: center)
        #expect(history.records.count == 10)
        let gaps = zip(history.records.dropFirst(), history.records).map { $0.start.timeIntervalSince($1.start) }
        #expect(gaps.allSatisfy { $0 == 900 })
    }

    @Test func forecastOutsideTheWeekOrWithNegativeAHTIsRejected() throws {
        let folder = try TemporaryDirectory()
        let center = try center(folder)
        let path = try folder.write("forecast.csv", """
            interval_start,queue,calls,aht_seconds
            2026-11-30T09:00,billing,10,300
            2026-11-30T09:15,billing,10,-300
            2026-12-08T09:00,billing,10,300
            2026-11-30T09:10,tech,1,300
            2026-11-30T09:30,billing,10,300
            2026-11-30T09:30,billing,10,300

            """)
        expectInputError([
            "forecast.csv:3: aht_seconds: -300 is out of range (expected seconds above 0, at most 86400 (a day))",
            "forecast.csv:4: interval_start: '2026-12-08T09:00' is outside the planning week 2026-11-30 to 2026-12-06",
            "forecast.csv:5: interval_start: '2026-11-30T09:10' is not the start of a 15-minute interval",
            "forecast.csv:7: interval_start: duplicated interval for queue 'billing' (also on line 6)",
        ]) { _ = try ForecastReader.read(path: path, center: center, grid: center.timeGrid) }
    }

    @Test func atMostFiftyProblemsAreListed() throws {
        let folder = try TemporaryDirectory()
        let center = try center(folder)
        let rows = (0..<80).map { "2026-11-02T\(String(format: "%02d", 8 + $0 / 4)):\(String(format: "%02d", ($0 % 4) * 15)),billing,x" }
        let path = try folder.write("history.csv", "timestamp,queue,calls\n" + rows.joined(separator: "\n") + "\n")
        do {
            _ = try HistoryReader.read(path: path, center: center)
            Issue.record("expected an error")
        } catch let error as InputError {
            #expect(error.diagnostics.count == 50)
            #expect(error.truncated)
        }
    }
}

@Suite struct AtomicFileWriterTests {
    @Test func refusesToOverwriteUnlessAsked() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("out.csv", "user data\n")
        expectInputError(["out.csv: output: already exists (expected a new path, or --force to replace it)"]) {
            try AtomicFileWriter.write("new\n", to: path, overwrite: false)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "user data\n")
        try AtomicFileWriter.write("new\n", to: path, overwrite: true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["out.csv"])
    }
}

/// forecast.csv's quantile columns are read with the rows, and quantiles that fall with the
/// probability are refused with line and field.
@Suite struct ForecastQuantileColumnsTests {
    @Test func quantilesAreReadAndCheckedForOrder() throws {
        let folder = try TemporaryDirectory()
        let center = try CenterReader.read(path: folder.write("center.yaml", sampleCenterYAML()))
        let good = try folder.write("f.csv", "interval_start,queue,calls,aht_seconds,calls_p10,calls_p90\n2026-11-30T09:00,billing,50,300,40,62\n")
        let entries = try ForecastReader.read(path: good, center: center, grid: center.timeGrid)
        #expect(entries.first?.quantiles == [CallQuantile(probability: 0.1, calls: 40), CallQuantile(probability: 0.9, calls: 62)])
        let bad = try folder.write("bad.csv", "interval_start,queue,calls,aht_seconds,calls_p10,calls_p90\n2026-11-30T09:00,billing,50,300,40,30\n")
        expectInputError(["bad.csv:2: calls_p90: 30 is below calls_p10 (40.0)"]) {
            _ = try ForecastReader.read(path: bad, center: center, grid: center.timeGrid)
        }
    }
}
