import Foundation
import Testing
import _WFMTestSupport

/// `--weeks 2` end to end on the small fixture with a rotation (one weekday off, Friday in
/// cycle week 1 and Monday in cycle week 2; S01 starts at cycle week 1, the others take
/// cycle weeks in agents.csv order, so S02 starts at cycle week 2): forecast, staffing, one roster and one report
/// for both weeks, a calendar per agent covering them, and a file short of a week refused.
@Suite(.serialized) struct HorizonCommandTests {
    let small = "Inputs/small"

    /// The small center with its full-timers on the rotation, agents.csv with S01 at cycle week 1.
    func center(in folder: TemporaryDirectory) throws -> String {
        let history = FileManager.default.currentDirectoryPath + "/\(small)/history.csv"
        let yaml = try String(contentsOfFile: "\(small)/center.yaml", encoding: .utf8)
            .replacingOccurrences(of: "history: history.csv", with: "history: \(history)")
            .replacingOccurrences(of: "    templates: [day8]", with: "    templates: [day8]\n    rotation: weekday-off")
            + "rotations:\n  - {id: weekday-off, start: 2026-11-30, days_off: [[fri], [mon]]}\n"
        let agents = try String(contentsOfFile: "\(small)/agents.csv", encoding: .utf8).split(separator: "\n").enumerated().map { index, line in
            line + (index == 0 ? ",rotation_week" : line.hasPrefix("S01,") ? ",1" : ",")
        }.joined(separator: "\n") + "\n"
        _ = try folder.write("agents.csv", agents)
        return try folder.write("center.yaml", yaml)
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func twoWeeksMakeOneForecastOneRosterOneReportAndOneCalendarPerAgent() throws {
        let folder = try TemporaryDirectory()
        let config = try center(in: folder)
        let forecast = try runWFM(["forecast", "--config", config, "--weeks", "2", "--out", folder.path("f.csv")])
        #expect(forecast.status == 0, "\(forecast.error)")
        #expect(forecast.output.contains("for 2 weeks") && forecast.output.contains("week of 2026-12-07"), "\(forecast.output)")
        let staff = try runWFM(["staff", "--config", config, "--weeks", "2", "--forecast", folder.path("f.csv"), "--out", folder.path("r.csv")])
        #expect(staff.status == 0, "\(staff.error)")
        let requirements = try String(contentsOfFile: folder.path("r.csv"), encoding: .utf8)
        #expect(requirements.contains("2026-11-30T08:00") && requirements.contains("2026-12-11T17:00"))

        let schedule = try runWFM(["schedule", "--config", config, "--weeks", "2", "--requirements", folder.path("r.csv"),
                                   "--out", folder.path("roster.csv"), "--format", "json", "--quiet"])
        #expect(schedule.status == 0, "\(schedule.error)")
        let summary = try json(schedule.output)
        #expect(summary["schema"] as? String == "wfm.schedule-horizon/1" && summary["weeks_planned"] as? Int == 2)
        #expect(summary["result_status"] as? String == "feasible" && (summary["weeks"] as? [Any])?.count == 2)
        let roster = try String(contentsOfFile: folder.path("roster.csv"), encoding: .utf8).split(separator: "\n")
        let s01 = roster.filter { $0.hasPrefix("S01,") }.map { String($0.split(separator: ",")[1]) }
        #expect(!s01.contains("2026-12-04") && !s01.contains("2026-12-07"), "S01: Friday of week 1, Monday of week 2 off: \(s01)")
        #expect(s01.contains("2026-11-30") && s01.contains("2026-12-11"), "\(s01)")
        let s02 = roster.filter { $0.hasPrefix("S02,") }.map { String($0.split(separator: ",")[1]) }
        #expect(!s02.contains("2026-11-30") && !s02.contains("2026-12-11"), "S02: Monday of week 1, Friday of week 2 off: \(s02)")

        let report = try runWFM(["report", "--config", config, "--weeks", "2", "--forecast", folder.path("f.csv"), "--roster", folder.path("roster.csv"),
                                 "--out-dir", folder.path("report"), "--ics", folder.path("ics"), "--format", "json", "--quiet"])
        #expect(report.status == 0 || report.status == 2, "\(report.error)")
        let measured = try json(report.output)
        #expect(measured["schema"] as? String == "wfm.report-horizon/1" && (measured["weeks"] as? [Any])?.count == 2)
        #expect((measured["rule_violations_over_weeks"] as? [Any])?.isEmpty == true, "\(measured["rule_violations_over_weeks"] ?? "")")
        let periods = try String(contentsOfFile: folder.path("report/report-periods.csv"), encoding: .utf8)
        #expect(periods.contains("support,week 2026-12-07,") && periods.contains("all,horizon,"), "\(periods.prefix(400))")
        let calendar = try String(contentsOfFile: folder.path("ics/S01.ics"), encoding: .utf8)
        #expect(calendar.contains("DTSTART:20261130T") && calendar.contains("DTSTART:20261211T"), "\(calendar.prefix(600))")
        let html = try String(contentsOfFile: folder.path("report/report.html"), encoding: .utf8)
        #expect(html.contains("id=\"week-2026-11-30\"") && html.contains("id=\"week-2026-12-07\"") && html.hasSuffix("</html>\n"))
    }

    @Test func aOneWeekReportNamesARotationDayWorked() throws {
        // S01 (cycle week 1: Friday off) works Friday 4 December.
        let folder = try TemporaryDirectory()
        let config = try center(in: folder)
        let roster = try folder.write("hand.csv", "agent_id,date,shift,start,end,paid_minutes,breaks\n"
            + "S01,2026-12-04,day8,2026-12-04T08:00+01:00,2026-12-04T17:00+01:00,480,11:00-12:00\n")
        let report = try runWFM(["report", "--config", config, "--forecast", "\(small)/forecast.csv", "--roster", roster, "--format", "json"])
        #expect(report.status == 0 || report.status == 2, "\(report.error)")
        let rules = try #require(try json(report.output)["rule_violations"] as? [String])
        #expect(rules.contains("agent S01: rotation: 2026-12-04 day8: a day off in cycle week 1 of rotation weekday-off"), "\(rules)")
    }

    @Test func aWhatIfReplanKeepsTheRotationsDaysOff() throws {
        // With S02 and S03 away all week, the replan needs every other full-timer's weekdays;
        // it still gives no one a rotation day off (cycle weeks by agents.csv order after S01's
        // own: S04 and S06 at week 2, Monday off; S01 and S05 at week 1, Friday off).
        let folder = try TemporaryDirectory()
        let config = try center(in: folder)
        let scheduled = try runWFM(["schedule", "--config", config, "--requirements", "\(small)/requirements.csv", "--out", folder.path("roster.csv"), "--quiet"])
        #expect(scheduled.status == 0, "\(scheduled.error)")
        let whatif = try runWFM(["whatif", "--config", config, "--forecast", "\(small)/forecast.csv", "--roster", folder.path("roster.csv"),
                                 "--absent", "S02,S03", "--mode", "replan", "--out-dir", folder.path("replans"), "--quiet"])
        #expect(whatif.status == 0 || whatif.status == 2, "\(whatif.error)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path("replans")).filter { $0.hasSuffix(".csv") }
        #expect(!files.isEmpty)
        for file in files {
            let rows = try String(contentsOfFile: folder.path("replans/\(file)"), encoding: .utf8).split(separator: "\n").dropFirst()
            let worked = Set(rows.map { $0.split(separator: ",").prefix(2).joined(separator: ",") })
            #expect(worked.isDisjoint(with: ["S01,2026-12-04", "S04,2026-11-30", "S05,2026-12-04", "S06,2026-11-30"]), "\(file): \(worked.sorted())")
            #expect(!worked.isEmpty)
        }
        #expect(!whatif.output.contains("rule broken"), "\(whatif.output.prefix(1500))")
    }

    @Test func aFileShortOfAWeekIsRefused() throws {
        let folder = try TemporaryDirectory()
        let config = try center(in: folder)
        let staff = try runWFM(["staff", "--config", config, "--weeks", "2", "--forecast", "\(small)/forecast.csv", "--out", folder.path("r.csv")])
        #expect(staff.status == 1)
        #expect(staff.error.contains("forecast.csv: interval_start: no row for the week of 2026-12-07 (expected a forecast for every week of 2 weeks from 2026-11-30 to 2026-12-13)"),
                "\(staff.error)")
        #expect(!FileManager.default.fileExists(atPath: folder.path("r.csv")), "nothing half-written")
        let weeks = try runWFM(["schedule", "--config", config, "--weeks", "7", "--requirements", "\(small)/requirements.csv", "--out", folder.path("x.csv")])
        #expect(weeks.status == 64 && weeks.error.contains("--weeks must be 1 to 6"), "\(weeks.error)")
    }
}
