import Foundation
import Testing
import WFMCore
import WFMMeasure
import _WFMTestSupport

/// The convex shortage penalty, against Erlang C computed here from its textbook formula.
@Suite struct ShortagePenaltyTests {
    /// 100 calls in 30 minutes at an AHT of 180 s (10 erlangs) need 14 agents for 80/20; the
    /// center's shortfall price is 100 an agent-hour, so 50 an agent-interval.
    func center(minAgents: Int = 0) -> Center {
        let allDay = OpeningHours.Range(opens: TimeOfDay("00:00")!, closes: TimeOfDay("24:00")!)
        return Center(
            name: "erlang", timeZone: TimeZone(identifier: "UTC")!, intervalMinutes: 30, weekStart: LocalDate("2026-11-30")!,
            openingHours: OpeningHours(ranges: Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0, [allDay]) })),
            queues: [Queue(id: "q", ahtSeconds: 180, serviceLevel: ServiceLevelTarget(fraction: 0.8, withinSeconds: 20), minAgents: minAgents)],
            shiftTemplates: [], contracts: [])
    }

    func requirements(_ center: Center, load: RequirementLoad?) -> RequirementMatrix {
        var matrix = RequirementMatrix(queues: ["q"], intervals: center.timeGrid.intervals.count)
        matrix.agents[0][20] = 14
        matrix.loads[0][20] = load
        return matrix
    }

    @Test func eachAgentMissingCostsTheCallsItStopsAnsweringInTargetRelativeToTheFirst() throws {
        let center = center()
        let penalty = ShortagePenalty(center: center, requirements: requirements(center, load: RequirementLoad(calls: 100, ahtSeconds: 180, productiveAgents: 14)))
        let pieces = penalty.pieces[0][20]
        let level = { (n: Int) in TextbookErlangC.serviceLevel(agents: n, erlangs: 10, aht: 180, within: 20) }
        #expect(level(14) >= 0.8 && level(13) < 0.8, "14 agents are the textbook staffing for 80/20")
        // The first, the second, then the rest at one price: from the third agent on, the
        // curve reaches 0 (10 agents or fewer answer nothing in target), so every later piece
        // keeps the third one's price and they are one.
        #expect(pieces.map(\.agents) == [1, 1, 12], "\(pieces)")
        #expect(abs(pieces[0].pricePerAgent - 50) < 1e-9)
        let first = level(14) - level(13)
        let second = level(13) - level(12)
        let thirdAndFourth = (level(12) - level(10)) / 2
        #expect(second > first, "the second agent missing loses more calls in target than the first")
        #expect(abs(pieces[1].pricePerAgent - 50 * min(4, second / first)) < 1e-6)
        #expect(abs(pieces[2].pricePerAgent - 50 * min(4, max(second, thirdAndFourth) / first)) < 1e-6)
        #expect(zip(pieces, pieces.dropFirst()).allSatisfy { $0.pricePerAgent <= $1.pricePerAgent }, "convex")
        #expect(pieces.allSatisfy { $0.pricePerAgent <= 50 * ShortagePenalty.steepestWeight + 1e-9 })
        #expect(abs(penalty.cost(queue: 0, interval: 20, short: 2.5) - (50 + pieces[1].pricePerAgent + 0.5 * pieces[2].pricePerAgent)) < 1e-9)
        #expect(penalty.cost(queue: 0, interval: 21, short: 0) == 0)
    }

    @Test func withoutTheCallsEveryAgentMissingCostsTheSame() {
        let center = center()
        let penalty = ShortagePenalty(center: center, requirements: requirements(center, load: nil))
        #expect(penalty.pieces[0][20].count == 1 && abs(penalty.pieces[0][20][0].pricePerAgent - 50) < 1e-9)
        #expect(abs(penalty.cost(queue: 0, interval: 20, short: 14) - 700) < 1e-9)
    }

    @Test func belowMinAgentsEachAgentCostsTheFloorPrice() {
        let center = center(minAgents: 3)
        let penalty = ShortagePenalty(center: center, requirements: requirements(center, load: RequirementLoad(calls: 100, ahtSeconds: 180, productiveAgents: 14)))
        let pieces = penalty.pieces[0][20]
        #expect(pieces.last?.agents == 3 && pieces.last?.pricePerAgent == ShortagePenalty.belowFloorPerAgentInterval)
        #expect(pieces.reduce(0) { $0 + $1.agents } == 14)
        #expect(penalty.belowFloor(queue: 0, interval: 20, short: 11) == 0)
        #expect(penalty.belowFloor(queue: 0, interval: 20, short: 12.5) == 1.5)
    }
}
