import Foundation
import Testing
import _WFMTestSupport

/// `wfm erlang --agents N`: what N agents give, against the targets.
@Suite(.serialized) struct ErlangAgentsCommandTests {
    /// 100 calls in 30 minutes at AHT 180 s with 14 agents: SL(20 s) 0.88835 (published).
    @Test func answersWhatNAgentsGive() throws {
        let enough = try runWFM(["erlang", "--calls", "100", "--interval", "30m", "--aht", "180s", "--sl", "80/20", "--agents", "14"])
        #expect(enough.status == 0)
        #expect(enough.output.contains("With 14 productive agents: SL 88.84%"), "\(enough.output)")
        #expect(enough.output.contains("meets every target"))
        let short = try runWFM(["erlang", "--calls", "100", "--interval", "30m", "--aht", "180s", "--sl", "80/20", "--agents", "11",
                                "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(short.output.utf8)) as? [String: Any])
        let given = try #require(document["given"] as? [String: Any])
        #expect(given["missed"] as? [String] == ["service_level"])
        let refused = try runWFM(["erlang", "--calls", "100", "--interval", "30m", "--aht", "180s", "--sl", "80/20", "--agents", "-1"])
        #expect(refused.status == 64)
    }
}
