import Foundation
import Testing
import _WFMTestSupport

/// `--previous` end to end on the small fixture (six agents, weekdays only, at most 5 days in
/// a row): the week before's run holds across Monday in `schedule`, `report` names the rule a
/// roster made without it breaks, and a roster of the wrong week is refused with its line.
@Suite(.serialized) struct PreviousRosterCommandTests {
    let small = "Inputs/small"

    /// S01 worked Wednesday 25 to Sunday 29 November: five days in a row up to the week.
    let wednesdayToSunday = "agent_id,date,shift,start,end,paid_minutes,breaks\n"
        + (25...29).map { "S01,2026-11-\($0),day8,2026-11-\($0)T08:00+01:00,2026-11-\($0)T17:00+01:00,480,11:00-12:00\n" }.joined()

    func schedule(_ folder: TemporaryDirectory, out: String, previous: [String]) throws -> (status: Int32, output: String, error: String) {
        try runWFM(["schedule", "--config", "\(small)/center.yaml", "--requirements", "\(small)/requirements.csv", "--out", folder.path(out)]
            + previous.flatMap { ["--previous", $0] })
    }

    func rows(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst().map(String.init)
    }

    @Test func theRunOfTheWeekBeforeHoldsAcrossMonday() throws {
        let folder = try TemporaryDirectory()
        let previous = try folder.write("previous.csv", wednesdayToSunday)
        let plain = try schedule(folder, out: "plain.csv", previous: [])
        #expect(plain.status == 0, "\(plain.error)")
        #expect(try rows(folder.path("plain.csv")).contains { $0.hasPrefix("S01,2026-11-30,") },
                "short of capacity, every agent works every weekday without the week before")

        let continued = try schedule(folder, out: "continued.csv", previous: [previous])
        #expect(continued.status == 0, "\(continued.error)")
        let roster = try rows(folder.path("continued.csv"))
        #expect(!roster.contains { $0.hasPrefix("S01,2026-11-30,") }, "S01 is off on Monday after five days in a row")
        #expect(roster.filter { $0.hasPrefix("S01,") }.count == 4, "and works the other four weekdays")

        let report = { (roster: String) in
            try runWFM(["report", "--config", "\(self.small)/center.yaml", "--forecast", "\(self.small)/forecast.csv",
                        "--roster", folder.path(roster), "--previous", previous, "--format", "json"])
        }
        let checked = try report("continued.csv")
        let rules = try #require(try JSONSerialization.jsonObject(with: Data(checked.output.utf8)) as? [String: Any])["rule_violations"]
        #expect((rules as? [Any])?.isEmpty == true, "\(String(describing: rules))")
        let agents = try #require(try JSONSerialization.jsonObject(with: Data(checked.output.utf8)) as? [String: Any])["agents"] as? [[String: Any]]
        let s01 = try #require(agents?.first { $0["id"] as? String == "S01" })
        let before = try #require(s01["previous"] as? [String: Any])
        #expect(before["weeks"] as? Int == 1 && before["days_in_a_row"] as? Int == 5 && before["weekend_days"] as? Int == 2
                && before["paid_hours"] as? Double == 40, "\(before)")
        #expect(s01["days_worked"] as? Int == 4 && s01["weekend_days"] as? Int == 0)
        let fairness = try #require(try JSONSerialization.jsonObject(with: Data(checked.output.utf8)) as? [String: Any])["fairness"] as? [String: Any]
        let weekends = try #require((fairness?["spreads"] as? [[String: Any]])?.first { $0["burden"] as? String == "weekend_day" })
        #expect(fairness?["weeks"] as? Int == 2 && weekends["range"] as? Int == 2 && weekends["agents"] as? Int == 6,
                "S01's two weekend days of the week before, no one else's: \(weekends)")
        #expect((fairness?["before"] as? [[String: Any]])?.isEmpty == false)
        let broken = try report("plain.csv")
        #expect(broken.output.contains("6 days in a row from 2026-11-25 up to 2026-11-30 (5 of them in the previous roster), allowed 5"),
                "\(broken.output.prefix(2000))")
    }

    @Test func aRepairKeepsTheRunOfTheWeekBefore() throws {
        // S02 away: the repair adds shifts on days off, and S01's Monday is one; after five
        // days in a row up to Sunday, it is not S01's to take.
        let folder = try TemporaryDirectory()
        let previous = try folder.write("previous.csv", wednesdayToSunday)
        #expect(try schedule(folder, out: "continued.csv", previous: [previous]).status == 0)
        let repair = { (extra: [String]) in
            try runWFM(["whatif", "--config", "\(self.small)/center.yaml", "--forecast", "\(self.small)/forecast.csv",
                        "--roster", folder.path("continued.csv"), "--absent", "S02", "--mode", "repair", "--format", "json"] + extra)
        }
        func mondayForS01(_ result: (status: Int32, output: String, error: String)) throws -> Bool {
            let document = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
            let changes = try #require((document["columns"] as? [[String: Any]])?.last?["changes"] as? [[String: Any]])
            return changes.contains { $0["agent"] as? String == "S01" && $0["date"] as? String == "2026-11-30" }
        }
        #expect(try mondayForS01(repair([])), "without the week before, S01's free Monday is the repair's first choice")
        #expect(try !mondayForS01(repair(["--previous", previous])))
    }

    @Test func aRosterOfAnotherWeekIsRefusedWithItsLine() throws {
        let folder = try TemporaryDirectory()
        let sameWeek = try folder.write("same-week.csv", wednesdayToSunday.replacingOccurrences(of: "2026-11-29", with: "2026-11-30"))
        let result = try schedule(folder, out: "roster.csv", previous: [sameWeek])
        #expect(result.status == 1)
        #expect(result.error.contains("same-week.csv:6: date: 2026-11-30 is outside the week this previous roster must cover (expected a date from 2026-11-23 to 2026-11-29"),
                "\(result.error)")
        #expect(!FileManager.default.fileExists(atPath: folder.path("roster.csv")))

        let older = try folder.write("older.csv", wednesdayToSunday)
        let outOfOrder = try schedule(folder, out: "roster.csv", previous: [older, older])
        #expect(outOfOrder.status == 1)
        #expect(outOfOrder.error.contains("older.csv:2: date: 2026-11-25 is outside the week this previous roster must cover (expected a date from 2026-11-16 to 2026-11-22"),
                "two weeks given: the first must be the week before last: \(outOfOrder.error)")
    }
}
