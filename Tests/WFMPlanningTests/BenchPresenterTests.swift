import Foundation
import Testing
@testable import WFMPlanning
import _WFMTestSupport

/// The bench table: a run that made no roster shows only what it measured.
@Suite struct BenchPresenterTests {
    @Test func aRunWithoutARosterShowsDashesNotZeros() throws {
        let baseline = try BenchJSON.results(path: projectRoot.appendingPathComponent("Benchmarks/baselines/2core-24gib.json").path)
        let failed = BenchInstanceResult(runs: [BenchRunRecord.failed(instance: "demo#14", wallSeconds: 57.36, message: "time limit reached")])
        let results = BenchResults(wfmVersion: "test", glpkVersion: "5.0", machine: baseline.machine, startedAt: "now", timeLimitSeconds: 60,
                                   relativeGap: 0.005, repetitions: 1, instances: [failed])
        let row = try #require(BenchPresenter.text(results).split(separator: "\n").first { $0.hasPrefix("demo#14") })
        let cells = row.split(whereSeparator: \.isWhitespace)
        #expect(cells == ["demo#14", "-", "57.36", "57.36–57.36", "-", "-", "none", "-", "-", "-", "-", "-", "-", "no_roster"], "\(row)")
    }
}
