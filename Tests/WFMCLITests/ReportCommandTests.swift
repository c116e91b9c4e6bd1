import Foundation
import Testing
import _WFMTestSupport

/// `wfm report` and `wfm plan` end to end on the small fixture (six agents, one queue, hourly
/// intervals, 41 agent-hours short of its requirement).
@Suite(.serialized) struct ReportCommandTests {
    let small = "Inputs/small"

    func report(_ extra: [String], roster: String? = nil, forecast: String? = nil) throws -> (status: Int32, output: String, error: String) {
        try runWFM(["report", "--config", "\(small)/center.yaml", "--forecast", forecast ?? "\(small)/forecast.csv",
                    "--roster", roster ?? "\(small)/roster.csv"] + extra)
    }

    func json(_ path: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    }

    /// A center that staffs for a percentile needs the forecast's quantiles: without them,
    /// report and what-if name the forecast's header, and write nothing.
    @Test func staffingForAPercentileNeedsTheForecastsQuantiles() throws {
        let folder = try TemporaryDirectory()
        let yaml = try String(contentsOf: projectRoot.appendingPathComponent("\(small)/center.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "agents: agents.csv", with: "agents: \(projectRoot.appendingPathComponent("\(small)/agents.csv").path)")
            + "\nstaffing: {percentile: 0.9}\n"
        let center = try folder.write("center.yaml", yaml)
        let expected = "\(small)/forecast.csv:1: header: no calls_pNN columns: staffing for the 90% quantile needs the forecast's quantiles"
        let reported = try runWFM(["report", "--config", center, "--forecast", "\(small)/forecast.csv", "--roster", "\(small)/roster.csv",
                                   "--out-dir", folder.path("out")])
        #expect(reported.status == 1 && reported.error.contains(expected), "\(reported.error)")
        #expect(!FileManager.default.fileExists(atPath: folder.path("out")))
        let whatIf = try runWFM(["whatif", "--config", center, "--forecast", "\(small)/forecast.csv", "--roster", "\(small)/roster.csv"])
        #expect(whatIf.status == 1 && whatIf.error.contains(expected), "\(whatIf.error)")
    }

    @Test func missedTargetsExitTwoAndEveryFileIsWritten() throws {
        let folder = try TemporaryDirectory()
        let result = try report(["--simulate", "10", "--out-dir", folder.path("out"), "--quiet"])
        #expect(result.status == 2, "\(result.error)")
        #expect(result.output.contains("Targets missed in"))
        #expect(result.output.contains("SL simulated"))
        for name in ["report.json", "report-intervals.csv", "report-periods.csv", "agent-schedule.csv", "report.html"] {
            #expect(FileManager.default.fileExists(atPath: folder.path("out/\(name)")), "\(name)")
        }
        let document = try json(folder.path("out/report.json"))
        #expect(document["schema"] as? String == "wfm.report/1")
        #expect(document["targets_met"] as? Bool == false)
        let intervals = try #require(document["intervals"] as? [[String: Any]])
        #expect(intervals.count == 50, "ten open hours on five days")
        let weeks = try #require(document["weeks"] as? [[String: Any]])
        let all = try #require(weeks.first { $0["queue"] as? String == "all" })
        #expect(abs((all["shortfall_hours"] as? Double ?? 0) - 41) < 1e-6, "the scheduler's 41 agent-hours uncovered")
        #expect(abs((all["paid_hours"] as? Double ?? 0) - 232) < 1e-6)
        let simulation = try #require(document["simulation"] as? [String: Any])
        #expect(simulation["replications"] as? Int == 10)
        let csv = try String(contentsOfFile: folder.path("out/report-intervals.csv"), encoding: .utf8)
        #expect(csv.split(separator: "\n").count == 51)
        #expect(csv.contains("service_level:"), "flags name the missed target")
        let schedule = try String(contentsOfFile: folder.path("out/agent-schedule.csv"), encoding: .utf8)
        #expect(schedule.split(separator: "\n").count == 1 + 6 * 7)
        #expect(schedule.contains(",work,day8,08:00,17:00,8,11:00-12:00 unpaid,support\n"))
    }

    /// One call an hour needs one agent: the roster meets every target, once the hour when
    /// every agent is at lunch (Wednesday 13:00) has no calls.
    @Test func metTargetsExitZero() throws {
        let folder = try TemporaryDirectory()
        let original = try String(contentsOfFile: projectRoot.appendingPathComponent("\(small)/forecast.csv").path, encoding: .utf8)
        let light = original.split(separator: "\n").enumerated().map { index, line in
            guard index > 0 else { return String(line) }
            var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[2] = fields[0].hasPrefix("2026-12-02T13:00") ? "0" : "1"
            return fields.joined(separator: ",")
        }.joined(separator: "\n") + "\n"
        let forecast = try folder.write("forecast.csv", light)
        let result = try report(["--format", "json", "--quiet"], forecast: forecast)
        #expect(result.status == 0, "\(result.error)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(document["targets_met"] as? Bool == true)
        #expect(document["intervals_missed"] as? Int == 0)
    }

    @Test func aRosterEditedToBreakARuleIsReported() throws {
        let folder = try TemporaryDirectory()
        let original = try String(contentsOfFile: projectRoot.appendingPathComponent("\(small)/roster.csv").path, encoding: .utf8)
        let edited = original.replacingOccurrences(of: "S01,2026-11-30,day8,2026-11-30T08:00+01:00,2026-11-30T17:00+01:00,480,11:00-12:00",
                                                   with: "S01,2026-11-30,day8,2026-11-30T06:00+01:00,2026-11-30T15:00+01:00,480,09:00-10:00")
        #expect(edited != original)
        let roster = try folder.write("roster.csv", edited)
        let result = try report(["--quiet"], roster: roster)
        #expect(result.status == 2)
        #expect(result.output.contains("Agents whose week breaks a rule (reported, not refused)"))
        #expect(result.output.contains("S01 Ada: start_window: 2026-11-30 day8: starts at 06:00"))
    }

    @Test func csvFormatAndNothingOverwrittenWithoutForce() throws {
        let folder = try TemporaryDirectory()
        let html = try folder.write("report.html", "mine")
        let refused = try report(["--html", html, "--quiet"])
        #expect(refused.status == 1)
        #expect(refused.error.contains("report.html: output: already exists"))
        #expect(try String(contentsOfFile: html, encoding: .utf8) == "mine")
        let csv = try report(["--format", "csv", "--quiet"])
        #expect(csv.output.hasPrefix("interval_start,queue,calls,aht_seconds,required_productive,"))
        let forced = try report(["--html", html, "--force", "--quiet"])
        #expect(forced.status == 2)
        #expect(try String(contentsOfFile: html, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
    }

    @Test func theSameSeedGivesTheSameReportByteForByte() throws {
        let folder = try TemporaryDirectory()
        _ = try report(["--simulate", "20", "--seed", "7", "--out-dir", folder.path("a"), "--quiet"])
        _ = try report(["--simulate", "20", "--seed", "7", "--out-dir", folder.path("b"), "--quiet"])
        for name in ["report.json", "report.html", "report-intervals.csv"] {
            #expect(FileManager.default.contentsEqual(atPath: folder.path("a/\(name)"), andPath: folder.path("b/\(name)")), "\(name)")
        }
        _ = try report(["--simulate", "20", "--seed", "8", "--out-dir", folder.path("c"), "--quiet"])
        #expect(!FileManager.default.contentsEqual(atPath: folder.path("a/report.json"), andPath: folder.path("c/report.json")))
    }

    @Test func writesOneCalendarPerAgent() throws {
        let folder = try TemporaryDirectory()
        let result = try report(["--ics", folder.path("calendars"), "--quiet"])
        #expect(result.status == 2)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path("calendars")).sorted()
        #expect(files == ["S01.ics", "S02.ics", "S03.ics", "S04.ics", "S05.ics", "S06.ics"])
        let calendar = try String(contentsOfFile: folder.path("calendars/S01.ics"), encoding: .utf8)
        #expect(calendar.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(calendar.contains("DTSTART:20261130T070000Z\r\n"), "08:00 in Amsterdam is 07:00 UTC")
    }

    @Test func planRunsThePipelineIntoOneFolder() throws {
        let folder = try TemporaryDirectory()
        let result = try runWFM(["plan", "\(small)/center.yaml", "--out", folder.path("plan"), "--simulate", "5"])
        #expect(result.status == 2, "\(result.error)")
        for stage in ["1/4 forecast", "2/4 staffing", "3/4 schedule", "4/4 report (simulating 5 weeks)"] {
            #expect(result.error.contains(stage))
        }
        #expect(result.output.contains("SL formula") && result.output.contains("SL simulated"))
        for name in ["forecast.csv", "requirements.csv", "roster.csv", "report.json", "report.html", "agent-schedule.csv"] {
            #expect(FileManager.default.fileExists(atPath: folder.path("plan/\(name)")), "\(name)")
        }
        let again = try runWFM(["plan", "\(small)/center.yaml", "--out", folder.path("plan"), "--simulate", "5"])
        #expect(again.status == 1 && again.error.contains("already exists"), "nothing is overwritten without --force")
        for warning in ["the agents' contracts give at most 240.0 paid hours", "contract's weekly minimum lowered", "queue support: 49.00 of 273.0 required agent-hours uncovered"] {
            #expect(result.error.contains("warning: ") && result.error.contains(warning), "plan prints the schedule's warnings")
        }
    }

    @Test func theVerdictFollowsTheSimulationWhenAsked() throws {
        let formula = try report(["--simulate", "20", "--format", "json", "--quiet"])
        let simulated = try report(["--simulate", "20", "--verdict", "simulation", "--format", "json", "--quiet"])
        let byFormula = try #require(try JSONSerialization.jsonObject(with: Data(formula.output.utf8)) as? [String: Any])
        let bySimulation = try #require(try JSONSerialization.jsonObject(with: Data(simulated.output.utf8)) as? [String: Any])
        #expect(byFormula["verdict"] as? String == "formula" && bySimulation["verdict"] as? String == "simulation")
        // Short-staffed, the fixture misses 19 intervals by formula; the simulation, which
        // carries waiting calls from one interval to the next, counts more.
        #expect(byFormula["intervals_missed"] as? Int == 19)
        let missed = try #require(bySimulation["intervals_missed"] as? Int)
        #expect(missed != 19 && missed > 0, "\(missed)")
        let notes = try #require(bySimulation["verdict_notes"] as? [String])
        #expect(notes.count == 1 && notes[0].hasPrefix("queue support: 65.2% by formula, ") && notes[0].hasSuffix("The verdict follows the simulation."),
                "\(notes)")
        let text = try report(["--simulate", "20", "--verdict", "simulation", "--quiet"])
        #expect(text.output.contains("Targets missed in \(missed) of 50 queue-intervals (by simulation)"), "\(text.output.suffix(600))")
        let unsimulated = try report(["--verdict", "simulation"])
        #expect(unsimulated.status == 1 && unsimulated.error.contains("the verdict is by simulation (--verdict) but nothing is simulated: add --simulate N"))
        let unknown = try report(["--verdict", "gut"])
        #expect(unknown.status == 64 && unknown.error.contains("--verdict must be formula or simulation, got 'gut'"))
    }

    @Test func theWeeksASAIsOverTheIntervalsThatKeepUp() throws {
        // Short-staffed, 10 of the fixture's intervals cannot keep up with their calls: the
        // week's ASA leaves them out and counts them, rather than being infinite.
        let result = try report(["--format", "json", "--quiet"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let week = try #require((document["weeks"] as? [[String: Any]])?.first { $0["queue"] as? String == "support" })
        let asa = try #require(week["asa_seconds"] as? Double, "a number, not \(String(describing: week["asa_seconds"]))")
        #expect(asa > 0 && asa < 120)
        #expect(week["intervals_unable_to_keep_up"] as? Int == 10)
        #expect(try report(["--quiet"]).output.contains("(+10 ∞)"))
    }

    @Test func idleHoursReachTheTextAndTheHTML() throws {
        let folder = try TemporaryDirectory()
        let result = try report(["--html", folder.path("r.html"), "--quiet"])
        let line = "Idle: 4.00 agent-hours on the phones while no queue of the agents' skills was open"
        #expect(result.output.contains(line), "the fixture's four 10:00 starts each end an hour after closing: \(result.output)")
        #expect(try String(contentsOfFile: folder.path("r.html"), encoding: .utf8).contains("Idle: 4.00 agent-hours on the phones while no queue"))
    }

    @Test func theHeatmapSpansTheHoursTheQueueIsOpen() throws {
        let folder = try TemporaryDirectory()
        #expect(try report(["--html", folder.path("r.html"), "--quiet"]).status == 2)
        let html = try String(contentsOfFile: folder.path("r.html"), encoding: .utf8)
        let start = try #require(html.range(of: "<svg class=\"heatmap\""))
        let heatmap = html[start.lowerBound...].prefix { $0 != "\n" }.components(separatedBy: "</svg>")[0]
        let ticks = heatmap.components(separatedBy: "class=\"tick\">").dropFirst().map { $0.prefix { $0 != "<" } }.filter { $0.hasSuffix(":00") }
        #expect(ticks == ["8:00", "10:00", "12:00", "14:00", "16:00"], "small is open 08:00–18:00: \(ticks)")
    }

    @Test func planSummarizesAsJSON() throws {
        let folder = try TemporaryDirectory()
        let result = try runWFM(["plan", "\(small)/center.yaml", "--out", folder.path("plan"), "--simulate", "0", "--format", "json", "--quiet"])
        #expect(result.status == 2, "\(result.error)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(document["schema"] as? String == "wfm.plan/1")
        #expect((document["schedule"] as? [String: Any])?["schema"] as? String == "wfm.schedule/1")
        #expect(document["targets_met"] as? Bool == false && (document["intervals_missed"] as? Int ?? 0) > 0)
        let weeks = try #require(document["weeks"] as? [[String: Any]])
        #expect(weeks.map { $0["queue"] as? String } == ["support", "all"])
        #expect((document["warnings"] as? [String])?.contains { $0.contains("required agent-hours uncovered") } == true)
        #expect((document["files"] as? [String])?.contains(folder.path("plan/roster.csv")) == true)
        #expect(result.error.isEmpty, "JSON mode leaves the warnings to the document: \(result.error)")
    }

    /// A stage that fails (here the schedule: an agent who can work no shift) leaves the
    /// output folder of an earlier plan as it was, although --force allows replacing it.
    @Test func aFailingStageLeavesTheOutputFolderAsItWas() throws {
        let folder = try TemporaryDirectory()
        #expect(try runWFM(["plan", "\(small)/center.yaml", "--out", folder.path("plan"), "--simulate", "0", "--quiet"]).status == 2)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path("plan")).sorted()
        // A file replaced whole (written beside and renamed) gets a new inode, even when its
        // bytes are the same.
        let identity = { (name: String) in try FileManager.default.attributesOfItem(atPath: folder.path("plan/\(name)"))[.systemFileNumber] as? Int }
        let before = try files.map { try Data(contentsOf: URL(fileURLWithPath: folder.path("plan/\($0)"))) }
        let inodes = try files.map(identity)
        let yaml = try String(contentsOf: projectRoot.appendingPathComponent("\(small)/center.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "agents: agents.csv", with: "agents: \(projectRoot.appendingPathComponent("\(small)/agents-unavailable.csv").path)")
            .replacingOccurrences(of: "history: history.csv", with: "history: \(projectRoot.appendingPathComponent("\(small)/history.csv").path)")
        let center = try folder.write("center.yaml", yaml)
        let failed = try runWFM(["plan", center, "--out", folder.path("plan"), "--simulate", "0", "--force", "--quiet"])
        #expect(failed.status == 1 && failed.error.contains("S07"), "\(failed.error)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("plan")).sorted() == files)
        let after = try files.map { try Data(contentsOf: URL(fileURLWithPath: folder.path("plan/\($0)"))) }
        let now = try files.map(identity)
        #expect(after == before && now == inodes, "no file of the earlier plan was replaced")
    }

    /// The HTML report renders in headless Chromium (Debian's `chromium`, which .ci/run
    /// installs); reported as skipped on a machine without it.
    @Test(.enabled(if: chromium != nil, "needs Debian's chromium (apt-get install chromium)"))
    func theHTMLReportRendersInChromium() throws {
        let browser = try #require(chromium)
        let folder = try TemporaryDirectory()
        _ = try report(["--html", folder.path("report.html"), "--quiet"])
        let png = try screenshot(folder.path("report.html"), browser: browser)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG")
        #expect(png.count > 10_000, "more than a blank page")
    }
}

/// `page` rendered by headless Chromium at 1000×800 (scripts/screenshot-report.sh), as PNG
/// bytes; empty when the script fails.
func screenshot(_ page: String, browser: String) throws -> Data {
    let png = (page as NSString).deletingPathExtension + ".png"
    let process = Process()
    process.executableURL = projectRoot.appendingPathComponent("scripts/screenshot-report.sh")
    process.arguments = [page, png, "1000,800"]
    process.environment = ["PATH": (browser as NSString).deletingLastPathComponent + ":/usr/bin:/bin"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return Data() }
    return try Data(contentsOf: URL(fileURLWithPath: png))
}

/// Debian's Chromium, if installed.
let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
