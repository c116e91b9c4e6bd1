import Foundation
import Testing
import _WFMTestSupport

/// `wfm requests` end to end: a hand-made set on the demo's published roster, a call-in on the
/// small center, and bad rows named by line and request id.
@Suite(.serialized) struct RequestsCommandTests {
    let demo = "Inputs/demo"

    func decide(_ requests: String, center: String = "Inputs/demo", extra: [String] = []) throws -> (status: Int32, decisions: [String: [String: Any]], error: String) {
        let result = try runWFM(["requests", "--config", "\(center)/center.yaml", "--forecast", "\(center)/forecast.csv", "--roster", "\(center)/roster.csv",
                                 "--requests", requests, "--format", "json", "--quiet"] + extra)
        guard result.status == 0 else { return (result.status, [:], result.error) }
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(document["schema"] as? String == "wfm.requests/1")
        let decisions = try #require(document["decisions"] as? [[String: Any]])
        return (result.status, Dictionary(uniqueKeysWithValues: decisions.map { ($0["id"] as? String ?? "", $0) }), result.error)
    }

    @Test func aHandMadeSetOnTheDemo() throws {
        let folder = try TemporaryDirectory()
        let requests = try folder.write("requests.csv", """
            id,agent_id,type,date,start,end,with_agent,priority,submitted_at,note
            T1,A022,time_off,2026-12-02,,,,1,2026-11-20T09:00,a covered Wednesday
            T2,A022,time_off,2026-11-30,,,,1,2026-11-20T09:05,the same on the Monday peak
            S1,A005,swap,2026-12-01,,,A050,2,2026-11-20T10:00,billing and tech
            S2,A001,swap,2026-12-01,,,A004,2,2026-11-20T10:05,too little rest
            W1,A001,day_off_wish,2026-12-06,,,,3,,already off
            """)
        let run = try decide(requests, extra: ["--out", folder.path("decided")])
        #expect(run.status == 0, "\(run.error)")
        let decision = { (id: String) in run.decisions[id]?["decision"] as? String }
        let reason = { (id: String) in run.decisions[id]?["reason"] as? String ?? "" }
        #expect(decision("T1") == "approved", "\(reason("T1"))")
        #expect(decision("T2") == "denied")
        #expect(reason("T2").contains("sales below target 2026-11-30 15:15-15:30"), "names the intervals: \(reason("T2"))")
        #expect(decision("S1") == "denied")
        #expect(reason("S1") == "A050 does not serve billing, which A005 serves on the shift of 2026-12-01: a swap needs the same queues")
        #expect(decision("S2") == "denied")
        #expect(reason("S2").hasPrefix("breaks the rule min_rest_hours for A001"), "\(reason("S2"))")
        #expect(decision("W1") == "approved" && run.decisions["W1"]?["basis"] as? String == "nothing_to_change")

        let roster = try String(contentsOfFile: folder.path("decided/roster.csv"), encoding: .utf8)
        #expect(!roster.contains("A022,2026-12-02,"), "the approved day off is off the roster")
        #expect(roster.contains("A022,2026-11-30,"), "the denied one is not")
        let decisions = try String(contentsOfFile: folder.path("decided/decisions.csv"), encoding: .utf8)
        #expect(decisions.split(separator: "\n").count == 6)
        #expect(FileManager.default.fileExists(atPath: folder.path("decided/report.json")))
    }

    @Test func aRepairCallsInAnAgentOnADayOff() throws {
        let folder = try TemporaryDirectory()
        for file in ["center.yaml", "forecast.csv", "roster.csv"] {
            try FileManager.default.copyItem(atPath: "\(projectRoot.path)/Inputs/small/\(file)", toPath: folder.path(file))
        }
        // Cas (S03) works four days and is free on Wednesday.
        let agents = try String(contentsOfFile: "\(projectRoot.path)/Inputs/small/agents.csv", encoding: .utf8)
        _ = try folder.write("agents.csv", agents.replacingOccurrences(of: "S03,Cas,fulltime,support,2026-12-02,", with: "S03,Cas,fulltime,support,,"))
        let requests = try folder.write("requests.csv", "id,agent_id,type,date\nR1,S01,time_off,2026-12-02\n")
        let run = try decide(requests, center: folder.url.path)
        #expect(run.status == 0, "\(run.error)")
        #expect(run.decisions["R1"]?["decision"] as? String == "approved")
        #expect(run.decisions["R1"]?["basis"] as? String == "with_repair")
        let repairs = run.decisions["R1"]?["repairs"] as? [String] ?? []
        #expect(repairs.contains { $0.hasPrefix("S03 call_in 2026-12-02 ") }, "\(repairs)")
    }

    @Test func aVerdictBySimulationJudgesTheDayBySimulation() throws {
        let folder = try TemporaryDirectory()
        let requests = try folder.write("requests.csv", "id,agent_id,type,date\nT2,A080,time_off,2026-11-30\n")
        let simulated = try decide(requests, extra: ["--verdict", "simulation", "--simulate", "3", "--out", folder.path("decided")])
        #expect(simulated.status == 0, "\(simulated.error)")
        #expect(simulated.decisions["T2"]?["decision"] as? String == "denied")
        #expect((simulated.decisions["T2"]?["reason"] as? String ?? "").contains("by simulation; simulated SL down to"), "\(simulated.decisions)")
        let report = try String(contentsOfFile: folder.path("decided/report.json"), encoding: .utf8)
        #expect(report.contains("\"verdict\" : \"simulation\""), "the new roster's report follows the verdict too")
        let unsimulated = try decide(requests, extra: ["--verdict", "simulation"])
        #expect(unsimulated.status == 1 && unsimulated.error.contains("add --simulate N"), "\(unsimulated.error)")
    }

    @Test func badRowsNameTheLineAndTheRequest() throws {
        let folder = try TemporaryDirectory()
        let requests = try folder.write("requests.csv", """
            id,agent_id,type,date,start,end,with_agent
            R1,A999,time_off,2026-12-01,,,
            R2,A001,time_off,2026-12-09,,,
            R3,A001,swap,2026-12-01,,,
            R4,A001,time_off,2026-12-01,14:00,,
            R5,A001,holiday,2026-12-01,,,
            """)
        let run = try decide(requests)
        #expect(run.status == 1)
        for expected in ["requests.csv:2: agent_id: request R1: unknown agent 'A999'", "requests.csv:3: date: request R2: 2026-12-09 is outside the published week",
                         "requests.csv:4: with_agent: request R3: is empty", "requests.csv:5: end: request R4: a part of the day needs both start and end",
                         "requests.csv:6: type: request R5: 'holiday' is not a request type"] {
            #expect(run.error.contains(expected), "\(expected) in \(run.error)")
        }
    }
}
