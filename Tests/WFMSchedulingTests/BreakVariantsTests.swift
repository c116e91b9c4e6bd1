import Foundation
import Testing
@testable import WFMScheduling

/// A replanned shift's break variants go back to the agents who had them.
@Suite struct BreakVariantsTests {
    let at = { (minutes: Double) in Date(timeIntervalSince1970: minutes * 60) }

    @Test func aTakerGetsItsPublishedBreaksWhenTheyArePlanned() {
        let variants = [[at(660)], [at(690)], [at(720)]]
        // The first taker had 12:00, the second nothing published, the third 11:00.
        let handed = BreakVariants.handOut(variants, wanted: [[at(720)], nil, [at(660)]])
        #expect(handed.taken == [2, 1, 0])
        #expect(handed.unused == [])
    }

    @Test func withoutPublishedBreaksTheOrderIsKept() {
        let variants = [[at(660)], [at(690)], [at(720)]]
        #expect(BreakVariants.handOut(variants, wanted: [nil, nil]) == (taken: [0, 1], unused: [2]))
        // Breaks no variant has: the taker takes the next free one, as without them.
        #expect(BreakVariants.handOut(variants, wanted: [[at(600)], [at(690)]]) == (taken: [0, 1], unused: [2]))
        // Two takers wanting the same breaks, one variant with them: the first gets it.
        #expect(BreakVariants.handOut([[at(660)], [at(720)]], wanted: [[at(720)], [at(720)]]) == (taken: [1, 0], unused: []))
    }
}
