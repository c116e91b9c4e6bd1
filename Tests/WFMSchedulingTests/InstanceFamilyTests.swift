import Foundation
import Testing
import WFMCore
@testable import WFMScheduling

/// The family of an instance: deterministic members, each a later week with its demand and
/// absences moved within the stated spread.
@Suite struct InstanceFamilyTests {
    let base: ScheduleProblem
    let family: InstanceFamily

    init() throws {
        base = try ScheduleInstanceGenerator.make(.medium)
        family = InstanceFamily(base: base, seed: 3)
    }

    @Test func membersAreDeterministicAndDiffer() throws {
        let first = try family.member(2)
        let again = try InstanceFamily(base: base, seed: 3).member(2)
        #expect(first.requirements == again.requirements && first.agents == again.agents)
        #expect(try family.member(3).requirements != first.requirements)
        #expect(try InstanceFamily(base: base, seed: 4).member(2).requirements != first.requirements)
    }

    /// Member k is k weeks later; every interval's demand stays within the spread of the base
    /// interval at the same day and time (±10% week, ±15% queue, ±12% noise, then rounded).
    @Test func aMemberIsALaterWeekWithinTheSpread() throws {
        let member = try family.member(4)
        #expect(member.center.weekStart == base.center.weekStart.adding(days: 28))
        let low = 0.9 * 0.85 * 0.88, high = 1.1 * 1.15 * 1.12
        for q in base.requirements.queues.indices {
            for t in base.grid.intervals.indices {
                let before = base.requirements.agents[q][t], after = member.requirements.agents[q][t]
                #expect((before == 0) == (after == 0), "open where the base is open")
                guard before > 0 else { continue }
                #expect(after >= max(1, (before * low).rounded(.down)) && after <= (before * high).rounded(.up), "\(before) → \(after)")
            }
        }
        let base = base.requirements.agents.joined().reduce(0, +), moved = member.requirements.agents.joined().reduce(0, +)
        #expect(moved != base)
    }

    /// Dated absences fall in the member's week: moved along, some to another day.
    @Test func absencesMoveWithTheWeek() throws {
        let member = try family.member(1)
        let week = (0..<7).map { member.center.weekStart.adding(days: $0) }
        var moved = 0
        for (before, after) in zip(base.agents, member.agents) {
            #expect(before.unavailable.count == after.unavailable.count)
            for (old, new) in zip(before.unavailable, after.unavailable) {
                guard case .date(let from) = old, case .date(let to) = new else { continue }
                #expect(week.contains(to), "\(to) is in the member's week")
                if base.center.weekStart.days(to: from) != member.center.weekStart.days(to: to) { moved += 1 }
            }
        }
        #expect(moved > 0, "some absences moved to another day")
    }
}
