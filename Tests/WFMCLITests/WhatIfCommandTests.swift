import Foundation
import Testing
import _WFMTestSupport

/// `wfm whatif` end to end: the demo scenarios, quick flags, sweeps, and bad scenario files
/// answered with file, line and field.
@Suite(.serialized) struct WhatIfCommandTests {
    let demo = "Inputs/demo"
    let small = "Inputs/small"

    func whatIf(_ extra: [String], center: String = "Inputs/small") throws -> (status: Int32, output: String, error: String) {
        try runWFM(["whatif", "--config", "\(center)/center.yaml", "--forecast", "\(center)/forecast.csv", "--roster", "\(center)/roster.csv"] + extra)
    }

    @Test func quickFlagsMakeAScenarioColumn() throws {
        let result = try whatIf(["--volume", "+50%", "--absent", "S01@mon,S02", "--format", "json"])
        #expect(result.status == 2, "\(result.error)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(document["schema"] as? String == "wfm.whatif/2")
        let columns = try #require(document["columns"] as? [[String: Any]])
        #expect(columns.map { $0["name"] as? String } == ["baseline", "command line"])
        #expect(columns[1]["agent_days_changed"] as? Int == 1 + 5, "S01's Monday and S02's five days")
        let baseline = try #require((columns[0]["queues"] as? [[String: Any]])?.first?["service_level"] as? Double)
        let peak = try #require((columns[1]["queues"] as? [[String: Any]])?.first?["service_level"] as? Double)
        #expect(peak < baseline)
    }

    /// The same roster under no change is the baseline: the scenario column repeats it exactly.
    @Test func anEmptyScenarioEqualsTheBaseline() throws {
        let folder = try TemporaryDirectory()
        let scenario = try folder.write("same.yaml", "name: same\ndescription: nothing changes\n")
        let result = try whatIf(["--scenario", scenario, "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let columns = try #require(document["columns"] as? [[String: Any]])
        #expect(NSDictionary(dictionary: columns[0]["week"] as! [String: Any]).isEqual(to: columns[1]["week"] as! [String: Any]))
    }

    @Test func theDemoScenariosAndASweepRun() throws {
        let scenarios = ["monday-peak", "flu-week", "cross-training"].flatMap { ["--scenario", "\(demo)/scenarios/\($0).yaml"] }
        let folder = try TemporaryDirectory()
        // A roster for the demo: the small fixture's is for another center, so plan one quickly.
        let plan = try runWFM(["plan", "\(demo)/center.yaml", "--out", folder.path("plan"), "--simulate", "0", "--quiet"])
        #expect(plan.status == 0 || plan.status == 2, "\(plan.error)")
        let result = try runWFM(["whatif", "--config", "\(demo)/center.yaml", "--forecast", folder.path("plan/forecast.csv"),
                                 "--roster", folder.path("plan/roster.csv")] + scenarios + ["--sweep", "volume=0.9:1.1:0.1"])
        #expect(result.status == 2, "\(result.error)")
        for name in ["baseline", "monday peak", "flu week", "cross-training"] { #expect(result.output.contains(name)) }
        #expect(result.output.contains("Largest volume at which each queue's weekly service level meets its target: billing"))
    }

    @Test func writesASelfContainedComparisonPage() throws {
        let folder = try TemporaryDirectory()
        let result = try whatIf(["--volume", "+20%", "--sweep", "volume=0.9:1.1:0.1", "--html", folder.path("whatif.html")])
        #expect(result.status == 2, "\(result.error)")
        let html = try String(contentsOfFile: folder.path("whatif.html"), encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<polyline") && html.contains("Sweep of volume"))
        for external in ["http://", "https://", "<script", "url(", "<link"] { #expect(!html.contains(external)) }
        #expect(!html.contains(", simulated</title>"), "no simulation asked for")
        let again = try whatIf(["--volume", "+20%", "--html", folder.path("whatif.html")])
        #expect(again.status == 1 && again.error.contains("already exists"))
        let simulated = try whatIf(["--volume", "+20%", "--simulate", "3", "--html", folder.path("simulated.html")])
        #expect(simulated.status == 2, "\(simulated.error)")
        let page = try String(contentsOfFile: folder.path("simulated.html"), encoding: .utf8)
        #expect(page.contains("command line, simulated</title>") && page.contains("baseline, simulated</title>"), "every column's simulated curve")
    }

    /// Repair adds exactly the shifts it lists, each on a day off of the agent it names: with
    /// Ben's Tuesday taken out of the roster, Tuesday is where a shift pays.
    @Test func repairReportsEveryChange() throws {
        let folder = try TemporaryDirectory()
        let original = try String(contentsOfFile: projectRoot.appendingPathComponent("\(small)/roster.csv").path, encoding: .utf8)
        let lines = original.split(separator: "\n", omittingEmptySubsequences: false)
        let roster = lines.filter { !$0.hasPrefix("S02,2026-12-01,") }.joined(separator: "\n")
        #expect(roster != original)
        let path = try folder.write("roster.csv", roster)
        let result = try runWFM(["whatif", "--config", "\(small)/center.yaml", "--forecast", "\(small)/forecast.csv", "--roster", path,
                                 "--volume", "+20%", "--mode", "repair", "--format", "json"])
        #expect(result.status == 2, "\(result.error)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(document["mode"] as? String == "repair")
        let columns = try #require(document["columns"] as? [[String: Any]])
        #expect(columns.map { $0["name"] as? String } == ["baseline", "command line", "command line, repaired"])
        let changes = try #require(columns[2]["changes"] as? [[String: Any]])
        #expect(changes.map { "\($0["agent"] ?? "")@\($0["date"] ?? "")" } == ["S02@2026-12-01"])
        #expect(columns[2]["agent_days_changed"] as? Int == changes.count)
        let short = { (column: [String: Any]) in (column["week"] as? [String: Any])?["shortfall_hours"] as? Double ?? 0 }
        #expect(short(columns[2]) < short(columns[1]), "the added shift covers shortfall")
    }

    /// With overtime allowed, repair extends shifts; the repaired roster it writes reads back,
    /// holds the changes it lists and nothing else, and breaks no rule of the scenario.
    @Test func repairUsesAllowedOvertimeAndWritesTheRoster() throws {
        let folder = try TemporaryDirectory()
        let scenario = try folder.write("peak.yaml", """
            name: peak
            volume:
              - {factor: 1.4}
            overtime:
              - {max_hours_per_week: 3, max_hours_per_shift: 1, pay_factor: 1.5}
            """)
        let out = folder.url.appendingPathComponent("rosters").path
        let result = try whatIf(["--scenario", scenario, "--mode", "repair", "--out-dir", out, "--format", "json"])
        #expect(result.status == 2, "\(result.error)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let columns = try #require(document["columns"] as? [[String: Any]])
        let changes = try #require(columns.last?["changes"] as? [[String: Any]])
        let overtime = changes.filter { $0["kind"] as? String == "overtime" }
        #expect(!overtime.isEmpty, "\(changes)")
        #expect(overtime.allSatisfy { ($0["overtime_hours_added"] as? Double ?? 0) <= 1 })
        #expect((columns.last?["rules_broken"] as? [String]) == [], "overtime within the scenario's allowance breaks no rule")
        let written = try String(contentsOfFile: "\(out)/roster-peak-repaired.csv", encoding: .utf8)
        #expect(written.hasPrefix("agent_id,date,shift,start,end,paid_minutes,breaks,overtime_before,overtime_after\n"))
        let original = try String(contentsOfFile: projectRoot.appendingPathComponent("\(small)/roster.csv").path, encoding: .utf8)
        let unchanged = Set(original.split(separator: "\n").dropFirst().map { String($0) + ",0,0" })
        let changedRows = written.split(separator: "\n").dropFirst().filter { !unchanged.contains(String($0)) }
        let changedDays = Set(changes.map { "\($0["agent"] ?? "")@\($0["date"] ?? "")" })
        #expect(Set(changedRows.map { row in let fields = row.split(separator: ","); return "\(fields[0])@\(fields[1])" }) == changedDays)
        let again = try whatIf(["--scenario", scenario, "--mode", "repair", "--out-dir", out])
        #expect(again.status == 1 && again.error.contains("exists"), "never over a file unless --force: \(again.error)")
    }

    /// Each absent agent more can only lower the service level.
    @Test func anAbsentSweepCountsAgents() throws {
        let result = try whatIf(["--sweep", "absent=0:3", "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let points = try #require((document["sweep"] as? [String: Any])?["points"] as? [[String: Any]])
        let levels = points.compactMap { ($0["service_level"] as? [String: Double])?["support"] }
        #expect(points.compactMap { $0["value"] as? Double } == [0, 1, 2, 3])
        #expect(levels.count == 4 && zip(levels, levels.dropFirst()).allSatisfy { $0 >= $1 }, "\(levels)")
        let fractional = try whatIf(["--sweep", "absent=0:2:0.5"])
        #expect(fractional.status == 64 && fractional.error.contains("absent counts agents: whole numbers"))
    }

    /// A hire has no shift until repair calls them in, within their contract.
    @Test func repairCallsInAHire() throws {
        let folder = try TemporaryDirectory()
        let scenario = try folder.write("hire.yaml", "name: hire\nhires:\n  - {id: N01, name: Nora, contract: fulltime, skills: [support]}\n")
        let result = try whatIf(["--scenario", scenario, "--mode", "repair", "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let columns = try #require(document["columns"] as? [[String: Any]])
        let changes = try #require(columns.last?["changes"] as? [[String: Any]]).filter { $0["kind"] as? String == "add_shift" }
        #expect(changes.count == 5 && changes.allSatisfy { $0["agent"] as? String == "N01" }, "a full-timer's five days")
        let unrepaired = try #require(columns[1]["week"] as? [String: Any]), repaired = try #require(columns[2]["week"] as? [String: Any])
        #expect((repaired["shortfall_hours"] as? Double ?? 99) < (unrepaired["shortfall_hours"] as? Double ?? 0))
    }

    /// A replan re-schedules under the scenario, never leaving more shortfall than the
    /// evaluation, and breaks no rule.
    @Test func replanIsNeverWorseOnShortfall() throws {
        let result = try whatIf(["--volume", "+20%", "--mode", "replan", "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let columns = try #require(document["columns"] as? [[String: Any]])
        #expect(columns.map { $0["name"] as? String } == ["baseline", "command line", "command line, replanned"], "\(result.error)")
        let short = { (column: [String: Any]) in (column["week"] as? [String: Any])?["shortfall_hours"] as? Double ?? .infinity }
        #expect(short(columns[2]) <= short(columns[1]))
        #expect((columns[2]["description"] as? String ?? "").contains("re-scheduled"))
    }

    /// A higher weekly minimum makes every full-timer's week break it.
    @Test func aContractOverrideIsCheckedAgainstTheRoster() throws {
        let folder = try TemporaryDirectory()
        let scenario = try folder.write("c.yaml", "name: longer weeks\ncontracts:\n  fulltime: {weekly_paid_hours: {min: 45, max: 48}}\n")
        let result = try whatIf(["--scenario", scenario])
        let rules = result.output.split(separator: "\n").first { $0.hasPrefix("rules broken") }
        #expect(rules?.split(separator: " ").suffix(2) == ["0", "6"], "\(result.output)")
    }

    /// Six full-timers give 6 × 40 phone hours (the lunch is unpaid); the week needs 265
    /// agent-hours: 6.6 FTE, and one more full-timer is the week-level bound. Replanned with
    /// one, the week still misses its target (the hours fall where the shifts cannot all
    /// reach); with two it meets it, and the verified answer says so.
    @Test func capacityCountsFTEAndTheCheapestHires() throws {
        let result = try whatIf(["--capacity"])
        let line = { (label: String) in
            result.output.split(separator: "\n").first { $0.hasPrefix(label) }.map { $0.dropFirst(label.count).trimmingCharacters(in: .whitespaces) }
        }
        #expect(line("FTE required (week)") == "6.6", "\(result.output)")
        #expect(line("FTE available (week)") == "6.0")
        #expect(line("hires, week-level bound") == "1 fulltime support")
        #expect(line("hires verified by replanning") == "2 fulltime support (targets met, 2 replans)")
    }

    /// The hires a capacity check verifies meet every weekly target when the scenario is
    /// replanned with them, checked here by replanning independently: a scenario file with
    /// those hires, `--mode replan`, at no change cost.
    @Test func verifiedHiresMeetTheWeeklyTargetsInAReplan() throws {
        let result = try whatIf(["--capacity", "--volume", "+30%", "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any], "\(result.error)")
        let column = try #require((document["columns"] as? [[String: Any]])?.last)
        let capacity = try #require(column["capacity"] as? [String: Any])
        #expect(capacity["verified_targets_met"] as? Bool == true)
        let hires = try #require(capacity["verified_hires"] as? [[String: Any]])
        let folder = try TemporaryDirectory()
        var number = 0
        var lines = ["name: verified hires", "volume:", "  - {factor: 1.3}", "hires:"]
        for hire in hires {
            for _ in 0..<(hire["count"] as! Int) {
                number += 1
                lines.append("  - {id: H\(number), contract: \(hire["contract"] as! String), skills: [\((hire["skills"] as! [String]).joined(separator: ", "))]}")
            }
        }
        let scenario = try folder.write("hires.yaml", lines.joined(separator: "\n") + "\n")
        let replan = try whatIf(["--scenario", scenario, "--mode", "replan", "--change-cost", "0", "--format", "json"])
        let replanned = try #require((try JSONSerialization.jsonObject(with: Data(replan.output.utf8)) as? [String: Any])?["columns"] as? [[String: Any]])
        let queues = try #require(replanned.last?["queues"] as? [[String: Any]], "\(replan.error)")
        for queue in queues {
            #expect((queue["service_level"] as! Double) >= (queue["target"] as! Double) - 1e-9, "\(queue)")
        }
    }

    /// Overtime the scenario allows is cheaper than a hire for a small gap: the mix uses it, no
    /// more of it than the gap needs.
    @Test func capacityUsesAllowedOvertimeBeforeHiring() throws {
        let folder = try TemporaryDirectory()
        let scenario = try folder.write("overtime.yaml", "name: overtime\novertime:\n  - {max_hours_per_week: 8, pay_factor: 1.5}\n")
        let result = try whatIf(["--capacity", "--scenario", scenario])
        let cells = { (label: String) in
            result.output.split(separator: "\n").first { $0.hasPrefix(label) }.map {
                $0.dropFirst(label.count).split(separator: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            } ?? []
        }
        #expect(cells("hires, week-level bound") == ["1 fulltime support", "none"], "\(result.output)")
        let overtime = try #require(cells("overtime to close the gap").last)
        let hours = try #require(Double(overtime.split(separator: " ")[0]))
        #expect(hours > 0 && hours <= 6 * 8, "\(overtime)")
    }

    static let badScenarios: [(name: String, text: String, expected: String)] = [
        ("override of an unknown contract", "name: s\ncontracts:\n  casual: {days_per_week: {min: 1, max: 2}}\n",
         "s.yaml:3: contracts.casual: unknown contract 'casual'"),
        ("hire with an unknown contract", "name: s\nhires:\n  - {id: N1, contract: casual, skills: [support]}\n",
         "s.yaml:3: hires[0].contract: unknown contract 'casual'"),
        ("hire with a taken id", "name: s\nhires:\n  - {id: S01, contract: fulltime, skills: [support]}\n", "hires: agent id 'S01' is taken"),
        ("unknown queue", "name: s\nvolume:\n  - {factor: 1.2, queues: [billing]}\n", "s.yaml:3: volume[0].queues[0]: unknown queue 'billing'"),
        ("unknown agent", "name: s\nabsent:\n  - {agents: [Z99]}\n", "s.yaml:3: absent[0].agents[0]: unknown agent 'Z99'"),
        ("negative factor", "name: s\naht:\n  - {factor: -1}\n", "s.yaml:3: aht[0].factor: -1 is out of range"),
        ("window outside opening hours", "name: s\nvolume:\n  - {factor: 2, window: \"19:00-21:00\"}\n",
         "s.yaml:3: volume[0].window: 19:00-21:00 lies outside the opening hours on every day it names"),
        ("unknown key", "name: s\npeak: 2\n", "s.yaml:2: peak: unknown key"),
        ("no name", "description: x\n", "s.yaml:1: name: is missing"),
        ("absence in the night", "name: s\nabsent:\n  - {agents: [S01], days: [mon], window: \"02:00-03:00\"}\n",
         "s.yaml:3: absent[0].window: 02:00-03:00 lies outside the opening hours on every day it names"),
        ("overtime below pay", "name: s\novertime:\n  - {max_hours_per_week: 4, pay_factor: 0.5}\n", "s.yaml:3: overtime[0].pay_factor"),
        ("overtime for a stranger", "name: s\novertime:\n  - {max_hours_per_week: 4, agents: [Z9]}\n", "s.yaml:3: overtime[0].agents"),
        ("day not in the week", "name: s\nabsent:\n  - {agents: [S01], days: [2027-01-01]}\n", "s.yaml:3: absent[0].days[0]: '2027-01-01' is not a weekday or a date of the week"),
    ]

    @Test(arguments: WhatIfCommandTests.badScenarios.indices)
    func aBadScenarioNamesFileLineAndField(_ index: Int) throws {
        let bad = Self.badScenarios[index]
        let folder = try TemporaryDirectory()
        let path = try folder.write("s.yaml", bad.text)
        let result = try whatIf(["--scenario", path])
        #expect(result.status == 1, "\(bad.name): \(result.error)")
        #expect(result.error.contains(bad.expected), "\(bad.name): \(result.error)")
    }

    @Test func badFlagsAreRefused() throws {
        let volume = try whatIf(["--volume", "25"])
        #expect(volume.status == 64 && volume.error.contains("--volume '25': expected a change like +20%, -10% or x1.25"))
        let absent = try whatIf(["--absent", "Z99"])
        #expect(absent.status == 1 && absent.error.contains("--absent: unknown agent 'Z99'"))
        let sweep = try whatIf(["--sweep", "volume=2:1:0.1"])
        #expect(sweep.status == 64 && sweep.error.contains("--sweep 'volume=2:1:0.1': expected"))
    }

    @Test func theCurvesHaveHourTicks() throws {
        let folder = try TemporaryDirectory()
        let result = try whatIf(["--volume", "+10%", "--html", folder.path("w.html"), "--quiet"])
        #expect(result.status == 0 || result.status == 2, "\(result.error)")
        let html = try String(contentsOfFile: folder.path("w.html"), encoding: .utf8)
        let chart = try #require(html.components(separatedBy: "<svg class=\"chart\"").dropFirst().first)
        let hours = chart.components(separatedBy: "text-anchor=\"middle\">").dropFirst().map { $0.prefix { $0 != "<" } }
        #expect(Array(hours.prefix(3)) == ["9", "12", "15"], "small opens at 08:00: ticks every three hours from 9: \(hours.prefix(6))")
    }

    @Test func aSweepThatNeverMissesSaysSo() throws {
        let text = try whatIf(["--sweep", "volume=0.1:0.3:0.1"])
        #expect(text.output.contains("support no miss up to 0.3, the end of the range"), "\(text.output)")
        let json = try whatIf(["--sweep", "volume=0.1:0.3:0.1", "--format", "json"])
        let sweep = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])["sweep"] as? [String: Any]
        #expect(sweep?["never_missed"] as? [String] == ["support"])
        let missing = try whatIf(["--sweep", "volume=0.5:3:0.5", "--format", "json"])
        let limited = try #require(try JSONSerialization.jsonObject(with: Data(missing.output.utf8)) as? [String: Any])["sweep"] as? [String: Any]
        #expect(limited?["never_missed"] as? [String] == [], "\(String(describing: limited))")
    }
}
