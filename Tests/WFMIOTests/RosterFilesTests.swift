import Foundation
import Testing
import WFMCore
import WFMIO
import _WFMTestSupport

@Suite struct RosterFilesTests {
    let amsterdam = TimeZone(identifier: "Europe/Amsterdam")!

    /// A night shift whose break falls after midnight survives writing and reading.
    @Test func rosterRoundTrips() throws {
        let start = LocalDateTime(date: LocalDate("2026-12-06")!, minuteOfDay: 22 * 60).instants(in: amsterdam)[0]
        let lunch = start.addingTimeInterval(3 * 3600)
        let shift = RosterShift(agentID: "A1", date: LocalDate("2026-12-06")!, templateID: "night", start: start,
                                end: start.addingTimeInterval(8.5 * 3600), paidMinutes: 480,
                                breaks: [RosterBreak(start: lunch, end: lunch.addingTimeInterval(1800))])
        let text = RosterFiles.csv([shift], timeZone: amsterdam)
        #expect(text == "agent_id,date,shift,start,end,paid_minutes,breaks\nA1,2026-12-06,night,2026-12-06T22:00+01:00,2026-12-07T06:30+01:00,480,01:00-01:30\n")
        let folder = try TemporaryDirectory()
        #expect(try RosterFiles.read(path: folder.write("roster.csv", text), timeZone: amsterdam) == [shift])
    }

    /// A shift extended into overtime keeps its overtime through writing and reading; a roster
    /// without overtime keeps the seven columns.
    @Test func overtimeRoundTrips() throws {
        let start = LocalDateTime(date: LocalDate("2026-12-07")!, minuteOfDay: 8 * 60).instants(in: amsterdam)[0]
        let shift = RosterShift(agentID: "A1", date: LocalDate("2026-12-07")!, templateID: "day", start: start,
                                end: start.addingTimeInterval(10 * 3600), paidMinutes: 600, breaks: [],
                                overtimeBeforeMinutes: 60, overtimeAfterMinutes: 60)
        let text = RosterFiles.csv([shift], timeZone: amsterdam)
        #expect(text.hasPrefix("agent_id,date,shift,start,end,paid_minutes,breaks,overtime_before,overtime_after\n"))
        #expect(text.hasSuffix(",600,,60,60\n"))
        let folder = try TemporaryDirectory()
        #expect(try RosterFiles.read(path: folder.write("roster.csv", text), timeZone: amsterdam) == [shift])
        let bad = try folder.write("bad.csv", text.replacingOccurrences(of: ",60,60", with: ",-5,60"))
        expectInputError(["bad.csv:2: overtime_before: '-5' is not a number of minutes (expected a whole number from 0 to 720)"]) {
            _ = try RosterFiles.read(path: bad, timeZone: amsterdam)
        }
    }

    @Test func malformedRowsNameLineAndField() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("roster.csv", "agent_id,date,shift,start,end,paid_minutes,breaks\nA1,2026-12-31x,t,2026-12-06T08:00,2026-12-06T16:00,480,\nA2,2026-12-06,t,soon,2026-12-06T16:00,480,12:00-12:30\n")
        expectInputError(["roster.csv:2: date: '2026-12-31x' is not a date", "roster.csv:3: start: 'soon' is not a timestamp"]) {
            _ = try RosterFiles.read(path: path, timeZone: amsterdam)
        }
    }
}
