import Foundation
import Testing
import _WFMTestSupport

/// `wfm intraday` end to end on the small fixture (one queue, hourly intervals, six agents):
/// calls 50% above forecast since opening are reforecast upward, the actions change nothing
/// before now plus the lead time (an hour here, past the 11:00 breaks) and break no rule, and actuals from the future are refused.
@Suite(.serialized) struct IntradayCommandTests {
    let small = "Inputs/small"
    let now = "2026-11-30T10:30"

    /// Actuals for 08:00 and 09:00 (ended at 10:30): 30 and 45 calls against 20 and 30 forecast.
    func actuals(_ folder: TemporaryDirectory, extra: String = "") throws -> String {
        try folder.write("actuals.csv", "interval_start,queue,offered,handled,abandoned,aht_seconds\n"
            + "2026-11-30T08:00,support,30,28,2,300\n2026-11-30T09:00,support,45,42,3,300\n" + extra)
    }

    func intraday(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        try runWFM(["intraday", "--config", "\(small)/center.yaml", "--forecast", "\(small)/forecast.csv", "--now", now] + arguments)
    }

    @Test func theRestOfTheDayFollowsTheCallsSoFar() throws {
        let folder = try TemporaryDirectory()
        let run = try intraday(["--actuals", try actuals(folder), "--format", "json", "--simulate", "0"])
        #expect(run.status == 0, "\(run.error)")
        let json = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as! [String: Any]
        #expect(json["schema"] as? String == "wfm.intraday/1")
        let queue = (json["queues"] as! [[String: Any]])[0]
        #expect(queue["actual_so_far"] as? Double == 75 && queue["forecast_so_far"] as? Double == 50)
        let factor = queue["calls_factor"] as! Double
        #expect(factor > 1 && factor <= 1.5, "the reforecast moves toward 1.5 but not past it: \(factor)")
        let rows = json["rows"] as! [[String: Any]]
        #expect(rows.first?["interval_start"] as? String == "2026-11-30T10:00+01:00", "the interval in progress is reforecast")
        for row in rows {
            #expect(abs((row["reforecast"] as! Double) - (row["forecast"] as! Double) * factor) < 1e-6)
        }
    }

    @Test func actionsChangeNothingBeforeTheLeadTimeAndBreakNoRule() throws {
        let folder = try TemporaryDirectory()
        let out = folder.path("today.csv")
        let run = try intraday(["--actuals", try actuals(folder), "--roster", "\(small)/roster.csv", "--absent", "S02", "--overtime-hours", "2", "--lead", "60",
                                "--simulate", "3", "--json", folder.path("today.json"), "--apply", "--out", out])
        #expect(run.status == 0 || run.status == 2, "\(run.error)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder.path("today.json")))) as! [String: Any]
        let changesFrom = try #require(json["changes_from"] as? String)
        #expect(changesFrom == "2026-11-30T11:30+01:00")
        let actions = json["actions"] as! [[String: Any]]
        #expect(!actions.isEmpty, "an agent absent and 50% more calls leave a shortfall overtime or moved breaks can cover")
        for action in actions { #expect((action["from"] as! String) >= changesFrom, "\(action)") }
        #expect((json["rule_violations"] as! [String]).isEmpty)

        let before = try String(contentsOfFile: "\(small)/roster.csv", encoding: .utf8).split(separator: "\n").dropFirst()
        let after = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").dropFirst()
        #expect(before.count == after.count, "no call-in without --call-in")
        for (old, new) in zip(before.map { $0.split(separator: ",", omittingEmptySubsequences: false) },
                              after.map { $0.split(separator: ",", omittingEmptySubsequences: false) }) {
            #expect(old[0] == new[0] && old[1] == new[1])
            guard old[1] == "2026-11-30" else {
                #expect(old[2...6] == new[2...6], "other days keep their shifts")
                continue
            }
            #expect(old[3] == new[3], "a shift started before 11:30 keeps its start")
            let early = { (breaks: Substring) in breaks.split(separator: ";").filter { $0 < "11:30" } }
            #expect(early(old[6]) == early(new[6]), "breaks that start before 11:30 stay: \(old[6]) → \(new[6])")
        }
    }

    /// Calls at half the forecast leave the rest of the day overstaffed: agents are offered an
    /// hour or more off from the change time on, and the roster written does not take it.
    @Test func aQuietDayOffersVoluntaryTimeOff() throws {
        let folder = try TemporaryDirectory()
        let quiet = try folder.write("quiet.csv", "interval_start,queue,offered,handled,abandoned,aht_seconds\n"
            + "2026-11-30T08:00,support,10,10,0,300\n2026-11-30T09:00,support,15,15,0,300\n")
        let out = folder.path("today.csv")
        let run = try intraday(["--actuals", quiet, "--roster", "\(small)/roster.csv", "--simulate", "0", "--format", "json", "--apply", "--out", out])
        #expect(run.status == 0, "\(run.error)")
        let json = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as! [String: Any]
        let offers = (json["actions"] as! [[String: Any]]).filter { $0["kind"] as? String == "time_off" }
        #expect(!offers.isEmpty)
        for offer in offers {
            #expect((offer["from"] as! String) >= "2026-11-30T11:00+01:00")
            #expect((offer["paid_hours_added"] as! Double) <= -1)
        }
        let written = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        for offer in offers {
            let row = written.first { $0.hasPrefix("\(offer["agent_id"] as! String),2026-11-30,") }
            #expect(row?.split(separator: ",")[4] == "2026-11-30T17:00+01:00", "offers are voluntary: the shift keeps its end")
        }
    }

    @Test func sameInputsGiveTheSameOutput() throws {
        let folder = try TemporaryDirectory()
        let arguments = ["--actuals", try actuals(folder), "--roster", "\(small)/roster.csv", "--absent", "S03", "--simulate", "5", "--format", "json"]
        let first = try intraday(arguments), second = try intraday(arguments)
        #expect(first.status == second.status && first.output == second.output && !first.output.isEmpty)
    }

    @Test func absencesTakeAnIdAndOptionallyATime() throws {
        let folder = try TemporaryDirectory()
        let file = try actuals(folder)
        let timed = try intraday(["--actuals", file, "--roster", "\(small)/roster.csv", "--absent", "S02@13:00,S03", "--simulate", "0", "--format", "json"])
        #expect(timed.status == 0 || timed.status == 2, "\(timed.error)")
        let badTime = try intraday(["--actuals", file, "--roster", "\(small)/roster.csv", "--absent", "S02@25:00"])
        #expect(badTime.status == 1 && badTime.error.contains("--absent: 'S02@25:00' is not an agent id or id@HH:MM"), "\(badTime.error)")
        let unknown = try intraday(["--actuals", file, "--roster", "\(small)/roster.csv", "--absent", "S99"])
        #expect(unknown.status == 1 && unknown.error.contains("--absent: S99 not in"), "\(unknown.error)")
    }

    /// The intraday page renders in headless Chromium (skipped without it, as the report's).
    @Test(.enabled(if: chromium != nil, "needs Debian's chromium (apt-get install chromium)"))
    func theIntradayPageRendersInChromium() throws {
        let browser = try #require(chromium)
        let folder = try TemporaryDirectory()
        let run = try intraday(["--actuals", try actuals(folder), "--roster", "\(small)/roster.csv", "--simulate", "3", "--html", folder.path("today.html")])
        #expect(run.status == 0 || run.status == 2, "\(run.error)")
        let png = try screenshot(folder.path("today.html"), browser: browser)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 10_000, "a PNG, more than a blank page")
    }

    @Test func actualsFromTheFutureAreRefused() throws {
        let folder = try TemporaryDirectory()
        let run = try intraday(["--actuals", try actuals(folder, extra: "2026-11-30T10:00,support,30,30,0,300\n")])
        #expect(run.status == 1)
        #expect(run.error.contains("actuals.csv:4: interval_start"), "\(run.error)")
        #expect(run.error.contains("has not ended at --now"), "\(run.error)")
    }
}
