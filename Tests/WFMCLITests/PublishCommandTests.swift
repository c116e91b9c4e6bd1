import Foundation
import Testing
import _WFMTestSupport

/// `wfm publish` and `wfm diff` end to end on the small fixture: numbered versions, a diff that
/// names exactly the agents changed, and calendars whose events keep their UID and raise their
/// SEQUENCE, with removed shifts cancelled.
@Suite(.serialized) struct PublishCommandTests {
    let small = "Inputs/small"

    /// The small roster with three agents changed: S01's Monday an hour later (times and
    /// break), S02's Tuesday break an hour later, S04's Friday removed (four days stay within
    /// the contract).
    func changedRoster(_ folder: TemporaryDirectory) throws -> String {
        let lines = try String(contentsOfFile: "\(projectRoot.path)/\(small)/roster.csv", encoding: .utf8).split(separator: "\n").compactMap { line -> String? in
            if line.hasPrefix("S01,2026-11-30,") { return "S01,2026-11-30,day8,2026-11-30T09:00+01:00,2026-11-30T18:00+01:00,480,12:00-13:00" }
            if line.hasPrefix("S02,2026-12-01,") { return line.replacingOccurrences(of: "11:00-12:00", with: "12:00-13:00") }
            if line.hasPrefix("S04,2026-12-04,") { return nil }
            return String(line)
        }
        return try folder.write("roster-v2.csv", lines.joined(separator: "\n") + "\n")
    }

    func publish(_ roster: String, to folder: String, at: String) throws -> (status: Int32, output: String, error: String) {
        try runWFM(["publish", roster, "--config", "\(small)/center.yaml", "--forecast", "\(small)/forecast.csv", "--to", folder, "--at", at, "--quiet"])
    }

    /// Each VEVENT of a calendar file as `UID SEQUENCE [STATUS]`, read from the file's lines.
    func events(_ path: String) throws -> [String] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.components(separatedBy: "BEGIN:VEVENT").dropFirst().map { event in
            let lines = event.components(separatedBy: "\r\n")
            let value = { (name: String) in lines.first { $0.hasPrefix(name + ":") }.map { String($0.dropFirst(name.count + 1)) } }
            return [value("UID"), value("SEQUENCE"), value("STATUS")].compactMap { $0 }.joined(separator: " ")
        }
    }

    @Test func versionsDiffAndCalendarsThatUpdate() throws {
        let folder = try TemporaryDirectory()
        let published = folder.path("published")
        let first = try publish("\(small)/roster.csv", to: published, at: "2026-11-26T16:00")
        #expect(first.status == 0, "\(first.error)")
        #expect(first.output.contains("Published v1"), "\(first.output)")
        let second = try publish(try changedRoster(folder), to: published, at: "2026-11-27T09:00")
        #expect(second.status == 0, "\(second.error)")
        #expect(second.output.contains("3 agent(s) changed on 3 day(s) from v1 to v2"), "\(second.output)")
        #expect(second.output.contains("2 event(s) updated (SEQUENCE raised), 1 shift(s) cancelled"), "\(second.output)")

        let diff = try runWFM(["diff", "\(published)/v1", "\(published)/v2", "--config", "\(small)/center.yaml", "--format", "json"])
        #expect(diff.status == 0, "\(diff.error)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(diff.output.utf8)) as? [String: Any])
        let agents = try #require(document["agents"] as? [[String: Any]])
        #expect(agents.map { $0["agent"] as? String } == ["S01", "S02", "S04"])
        let changes = agents.flatMap { ($0["days"] as? [[String: Any]]) ?? [] }.map { "\($0["date"] ?? "") \($0["change"] ?? "")" }
        #expect(changes == ["2026-11-30 times+breaks", "2026-12-01 breaks", "2026-12-04 removed"])
        #expect(agents[2]["paid_hours_after"] as? Double == 32)

        let calendar = { (version: String, agent: String) in try self.events("\(published)/\(version)/calendars/\(agent).ics") }
        #expect(try calendar("v1", "S01").first == "S01-2026-11-30@wfm 0")
        #expect(try calendar("v2", "S01").first == "S01-2026-11-30@wfm 1", "same UID, higher SEQUENCE")
        #expect(try calendar("v2", "S01").dropFirst().allSatisfy { $0.hasSuffix(" 0") }, "unchanged days keep their SEQUENCE")
        #expect(try calendar("v2", "S02")[1] == "S02-2026-12-01@wfm 1")
        #expect(try !calendar("v2", "S04").contains { $0.hasPrefix("S04-2026-12-04@wfm") })
        #expect(try events("\(published)/v2/calendars/S04.cancel.ics") == ["S04-2026-12-04@wfm 1 CANCELLED"])
        #expect(!FileManager.default.fileExists(atPath: "\(published)/v2/calendars/S03.cancel.ics"))
        #expect(try String(contentsOfFile: "\(published)/v2/calendars/S04.cancel.ics", encoding: .utf8).contains("METHOD:CANCEL\r\n"))

        // The same roster again: a third version, nothing raised.
        let third = try publish(try changedRoster(folder), to: published, at: "2026-11-28T09:00")
        #expect(third.status == 0 && third.output.contains("0 event(s) updated (SEQUENCE raised), 0 shift(s) cancelled"), "\(third.output)")
        #expect(try calendar("v3", "S01") == calendar("v2", "S01"))
        let json = try runWFM(["publish", "\(small)/roster.csv", "--config", "\(small)/center.yaml", "--forecast", "\(small)/forecast.csv",
                               "--to", published, "--at", "2026-11-29T09:00", "--format", "json", "--quiet"])
        let fourth = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect(fourth["schema"] as? String == "wfm.publish/1" && fourth["version"] as? Int == 4 && fourth["cancelled"] as? Int == 0)
        #expect(((fourth["diff"] as? [String: Any])?["agents"] as? [[String: Any]])?.map { $0["agent"] as? String } == ["S01", "S02", "S04"],
                "back to v1's roster: the same three agents")
    }

    @Test(.enabled(if: pythonICalendar, "needs python3 with icalendar from PyPI (pip install icalendar)"))
    func theCalendarsParseWithTheIcalendarPackage() throws {
        let folder = try TemporaryDirectory()
        let published = folder.path("published")
        #expect(try publish("\(small)/roster.csv", to: published, at: "2026-11-26T16:00").status == 0)
        #expect(try publish(try changedRoster(folder), to: published, at: "2026-11-27T09:00").status == 0)
        let script = try folder.write("read.py", """
            glob, json, sys, icalendar = (__import__(name) for name in ("glob", "json", "sys", "icalendar"))
            out = {}
            for path in sorted(glob.glob(sys.argv[1] + "/*/calendars/*.ics")):
                calendar = icalendar.Calendar.from_ical(open(path, "rb").read())
                out[path.split("/published/")[1]] = [str(calendar.get("METHOD"))] + [
                    f"{e.get('UID')} {int(e.get('SEQUENCE', 0))} {e.get('STATUS', '')}".strip() for e in calendar.walk("VEVENT")]
            print(json.dumps(out))
            """)
        let process = try WFMScript(["python3", script, published])
        #expect(process.status == 0, "\(process.output)")
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(process.output.utf8)) as? [String: [String]])
        #expect(parsed.count == 6 + 6 + 1, "six calendars per version and one cancellation")
        #expect(parsed["v1/calendars/S01.ics"]?.prefix(2) == ["PUBLISH", "S01-2026-11-30@wfm 0"])
        #expect(parsed["v2/calendars/S01.ics"]?.prefix(2) == ["PUBLISH", "S01-2026-11-30@wfm 1"])
        #expect(parsed["v2/calendars/S04.cancel.ics"] == ["CANCEL", "S04-2026-12-04@wfm 1 CANCELLED"])
    }

    @Test func aRosterThatBreaksARuleIsNotPublished() throws {
        let folder = try TemporaryDirectory()
        let roster = try folder.write("bad.csv", "agent_id,date,shift,start,end,paid_minutes,breaks\nS01,2026-11-30,day8,2026-11-30T07:00+01:00,2026-11-30T16:00+01:00,480,11:00-12:00\n")
        let result = try publish(roster, to: folder.path("published"), at: "2026-11-26T16:00")
        #expect(result.status == 1)
        #expect(result.error.contains("nothing was published") && result.error.contains("S01"), "\(result.error)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("published")).isEmpty, "no version, no partial folder")
        let file = try folder.write("not-a-folder", "")
        let onAFile = try publish("\(small)/roster.csv", to: file, at: "2026-11-26T16:00")
        #expect(onAFile.status == 1 && onAFile.error.contains("not-a-folder: --to: is a file"), "\(onAFile.error)")
    }
}

/// Whether python3 can import the icalendar package.
let pythonICalendar: Bool = (try? WFMScript(["python3", "-c", "import icalendar"]).status == 0) ?? false

/// A helper program run to its end: exit status and both streams together.
struct WFMScript {
    let status: Int32
    let output: String

    init(_ arguments: [String]) throws {
        let folder = try TemporaryDirectory()
        let log = try folder.write("log", "")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = projectRoot
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        defer { try? handle.close() }
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        status = process.terminationStatus
        output = try String(contentsOfFile: log, encoding: .utf8)
    }
}
