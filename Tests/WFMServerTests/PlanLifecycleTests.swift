import Foundation
import Testing
@testable import WFMServer

/// A center's week through the API with the real scheduler (GLPK): plan, progress, roster and
/// report, an edited roster measured, what-ifs, saved scenarios, requests and decisions,
/// publishing twice with a diff, calendars, and cancelling.
@Suite(.serialized) struct PlanLifecycleTests {
    @Test func aWeekFromUploadToSecondPublishedVersion() async throws {
        let files = try tinyCenterFiles()
        try await ServerHarness().run { api in
            let center = try #require(try await api.request(.post, "/api/centers", json: ["files": files]).object["id"] as? Int)

            // A plan: queued at once, then progress over SSE, then the files.
            let started = try await api.request(.post, "/api/centers/\(center)/plans", json: quickPlan)
            #expect(started.status == .accepted)
            let plan = try #require(started.object["id"] as? Int)
            let finished = try await api.finishedPlan(plan)
            #expect(finished["state"] as? String == "succeeded", "\(finished)")
            let summary = try #require(finished["summary"] as? [String: Any])
            #expect(summary["schema"] as? String == "wfm.plan/1")
            #expect(!((summary["files"] as? [String]) ?? []).joined().contains("/"), "files named without server paths")
            let events = try await api.request(.get, "/api/plans/\(plan)/events")
            #expect(events.contentType == "text/event-stream")
            #expect(events.text.contains("event: end"))
            #expect(events.text.contains("3/4 schedule"))
            #expect(try await api.request(.get, "/api/centers/\(center)/plans").array.count == 1)

            // The roster and report in every form.
            let csv = try await api.request(.get, "/api/plans/\(plan)/roster.csv")
            #expect(csv.contentType.hasPrefix("text/csv"))
            #expect(csv.text.hasPrefix("agent_id,date,shift,start,end,paid_minutes,breaks"))
            let roster = try await api.request(.get, "/api/plans/\(plan)/roster.json").object
            let shifts = try #require(roster["shifts"] as? [[String: Any]])
            #expect(shifts.count == csv.text.split(separator: "\n").count - 1)
            #expect(try await api.request(.get, "/api/plans/\(plan)/report.json").object["schema"] as? String == "wfm.report/1")
            #expect(try await api.request(.get, "/api/plans/\(plan)/report.html").text.contains("<html"))
            for name in ["report-intervals.csv", "forecast.csv", "requirements.csv"] {
                #expect(try await api.request(.get, "/api/plans/\(plan)/\(name)").status == .ok, "\(name)")
            }

            // Figures: the plan's, then with one agent's shifts removed, which lowers coverage.
            let day = try #require(shifts.first?["date"] as? String)
            let base = try await api.request(.post, "/api/plans/\(plan)/evaluate", json: ["day": day]).object
            #expect(base["schema"] as? String == "wfm.figures/1")
            let starts = try #require((base["intervals"] as? [String: Any])?["start"] as? [String])
            #expect(!starts.isEmpty && starts.allSatisfy { $0.hasPrefix(day) })
            let lines = csv.text.split(separator: "\n").map(String.init)
            let firstAgent = lines[1].split(separator: ",")[0]
            let edited = ([lines[0]] + lines.dropFirst().filter { !$0.hasPrefix(firstAgent + ",") }).joined(separator: "\n") + "\n"
            let thinner = try await api.request(.post, "/api/plans/\(plan)/evaluate", json: ["roster_csv": edited]).object
            let presentHours = { (figures: [String: Any]) in
                ((figures["weeks"] as? [[String: Any]]) ?? []).first { $0["queue"] as? String == "all" }?["present_hours"] as? Double ?? 0
            }
            let week = try await api.request(.post, "/api/plans/\(plan)/evaluate", json: [:]).object
            #expect(presentHours(thinner) < presentHours(week))
            let malformed = try await api.request(.post, "/api/plans/\(plan)/evaluate", json: ["roster_csv": lines[0] + "\nA0001,2026-13-40,x,y,z,480,\n"])
            #expect(malformed.status == .unprocessableContent)
            #expect((malformed.object["errors"] as? [[String: Any]])?.first?["file"] as? String == "roster.csv")
            #expect((malformed.object["errors"] as? [[String: Any]])?.first?["line"] as? Int == 2)
            #expect(try await api.request(.post, "/api/plans/\(plan)/evaluate", json: ["day": "2020-01-01"]).status == .unprocessableContent)

            // What-if: more calls lower the service level; a sweep is wfm whatif's.
            let whatIf = try await api.request(.post, "/api/plans/\(plan)/whatif", json: ["scenario": ["volume_factor": 1.5]]).object
            let serviceLevel = { (figures: Any?) in
                (((figures as? [String: Any])?["weeks"] as? [[String: Any]]) ?? []).first { $0["queue"] as? String == "all" }?["service_level"] as? Double ?? -1
            }
            #expect(serviceLevel(whatIf["scenario"]) < serviceLevel(whatIf["baseline"]))
            let sweep = try await api.request(.post, "/api/plans/\(plan)/whatif", json: ["sweep": "volume=0.9:1.1:0.1"])
            #expect(sweep.object["schema"] as? String == "wfm.whatif/2", "\(sweep.text.prefix(300))")
            #expect(try await api.request(.post, "/api/plans/\(plan)/whatif", json: ["sweep": "volume=0.5:1.5:0.01"]).status == .badRequest)
            let badFactor = try await api.request(.post, "/api/plans/\(plan)/whatif", json: ["scenario": ["volume_factor": -2]])
            #expect(badFactor.status == .unprocessableContent)
            #expect(try await api.request(.post, "/api/plans/\(plan)/whatif", json: ["scenario": ["absent": ["nobody"]]]).status == .unprocessableContent)

            // Saved scenarios.
            let saved = try await api.request(.post, "/api/centers/\(center)/scenarios", json: ["name": "peak", "scenario": ["volume_factor": 1.25]])
            #expect(saved.status == .created)
            let scenarioID = try #require(saved.object["id"] as? Int)
            #expect(try await api.request(.get, "/api/centers/\(center)/scenarios").array.first?["name"] as? String == "peak")
            #expect(try await api.request(.delete, "/api/centers/\(center)/scenarios/\(scenarioID)").status == .noContent)
            #expect(try await api.request(.delete, "/api/centers/\(center)/scenarios/\(scenarioID)").status == .notFound)

            // Publish v1; the calendars follow it.
            let v1 = try await api.request(.post, "/api/plans/\(plan)/publish")
            #expect(v1.status == .created, "\(v1.text)")
            #expect(v1.object["version"] as? Int == 1)
            #expect(try await api.request(.get, "/api/centers/\(center)/versions/1/diff").status == .notFound)
            let agent = String(firstAgent)
            let calendar = try await api.request(.get, "/api/centers/\(center)/agents/\(agent)/calendar.ics")
            #expect(calendar.contentType.hasPrefix("text/calendar"))
            #expect(calendar.text.contains("BEGIN:VCALENDAR"))
            #expect(try await api.request(.get, "/api/centers/\(center)/agents/nobody/calendar.ics").status == .notFound)

            // Requests against v1: decided, the roster after them a plan of its own.
            let workDay = try #require(lines.dropFirst().first { $0.hasPrefix(agent + ",") }?.split(separator: ",")[1])
            let requests = "id,agent_id,type,date,start,end,with_agent,priority,submitted_at,note\nR1,\(agent),time_off,\(workDay),,,,1,,\n"
            let batch = try await api.request(.post, "/api/centers/\(center)/requests", text: requests, contentType: "text/csv")
            #expect(batch.status == .created, "\(batch.text)")
            let batchID = try #require(batch.object["id"] as? Int)
            let resultPlan = try #require(batch.object["result_plan_id"] as? Int)
            #expect(((batch.object["outcome"] as? [String: Any])?["decisions"] as? [Any])?.count == 1)
            let approved = try await api.request(.put, "/api/centers/\(center)/requests/\(batchID)/decisions/R1", json: ["decision": "approved", "note": "ok"])
            #expect((approved.object["manager_decisions"] as? [[String: Any]])?.first?["decision"] as? String == "approved")
            #expect(try await api.request(.put, "/api/centers/\(center)/requests/\(batchID)/decisions/R1", json: ["decision": "maybe"]).status == .badRequest)
            #expect(try await api.request(.put, "/api/centers/\(center)/requests/\(batchID)/decisions/R9", json: ["decision": "denied"]).status == .notFound)
            #expect(try await api.request(.get, "/api/centers/\(center)/requests").array.count == 1)
            #expect(try await api.request(.get, "/api/centers/\(center)/requests/\(batchID)").status == .ok)
            let badRequests = try await api.request(.post, "/api/centers/\(center)/requests", text: "id,agent_id\nR1,nobody\n", contentType: "text/csv")
            #expect(badRequests.status == .unprocessableContent)
            #expect((badRequests.object["errors"] as? [[String: Any]])?.first?["file"] as? String == "requests.csv")

            // Publish the roster after the requests as v2: its diff names the agent.
            let v2 = try await api.request(.post, "/api/plans/\(resultPlan)/publish")
            #expect(v2.object["version"] as? Int == 2, "\(v2.text)")
            let diff = try await api.request(.get, "/api/centers/\(center)/versions/2/diff").object
            let changed = (diff["agents"] as? [[String: Any]])?.compactMap { $0["agent"] as? String } ?? []
            let decision = (((batch.object["outcome"] as? [String: Any])?["decisions"] as? [[String: Any]])?.first?["decision"] as? String)
            #expect(changed.contains(agent) == (decision == "approved"), "\(decision ?? "") \(changed)")
            #expect(try await api.request(.get, "/api/centers/\(center)/versions").array.count == 2)
            let second = try await api.request(.get, "/api/centers/\(center)/versions/2").object
            #expect(second["plan_id"] as? Int == resultPlan)
            #expect(try await api.request(.get, "/api/centers/\(center)/versions/3").status == .notFound)
            #expect(try await api.request(.get, "/api/centers/\(center)/versions/2/roster.csv").text.hasPrefix("agent_id"))

            // Cancelling: a finished plan cannot be; a queued one never starts.
            #expect(try await api.request(.delete, "/api/plans/\(plan)").status == .conflict)
            let running = try #require(try await api.request(.post, "/api/centers/\(center)/plans", json: quickPlan).object["id"] as? Int)
            let queued = try #require(try await api.request(.post, "/api/centers/\(center)/plans", json: quickPlan).object["id"] as? Int)
            let cancelled = try await api.request(.delete, "/api/plans/\(queued)")
            #expect(cancelled.status == .ok, "\(cancelled.text)")
            #expect(try await api.finishedPlan(queued)["state"] as? String == "cancelled")
            _ = try await api.finishedPlan(running)
            #expect(try await api.request(.post, "/api/centers/\(center)/plans", json: ["time_limit_seconds": 0]).status == .badRequest)
            #expect(try await api.request(.post, "/api/plans/\(queued)/publish").status == .conflict)
        }
    }

    @Test func requestsBeforeAnyPlanAreAConflict() async throws {
        let files = try tinyCenterFiles()
        try await ServerHarness().run { api in
            let center = try #require(try await api.request(.post, "/api/centers", json: ["files": files]).object["id"] as? Int)
            let response = try await api.request(.post, "/api/centers/\(center)/requests", text: "id\n", contentType: "text/csv")
            #expect(response.status == .conflict)
        }
    }
}
