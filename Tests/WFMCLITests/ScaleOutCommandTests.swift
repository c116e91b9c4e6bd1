import Foundation
import Testing
import _WFMTestSupport

/// Fan-out end to end: centers and bench solves split over shards run as separate processes
/// with the indexed-job variables set, merged, and compared with the unsharded run.
@Suite(.serialized) struct ScaleOutCommandTests {
    func json(_ path: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    }

    /// A plan summary less its timings, as JSON text with sorted keys.
    func withoutTimings(_ path: String) throws -> String {
        var document = try json(path)
        let rows = try #require(document["rows"] as? [[String: Any]])
        document["rows"] = rows.map { $0.filter { $0.key != "wall_seconds" } }
        return String(decoding: try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys]), as: UTF8.self)
    }

    @Test func twentyCentersAsFourShardsMergeIntoTheWholeRun() throws {
        let folder = try TemporaryDirectory()
        let generated = try runWFM(["bench", "generate", "--centers", "20", "--size", "small,small-30min", "--seed", "3", "--out", folder.path("centers")])
        #expect(generated.status == 0, "\(generated.error)")
        let list = folder.path("centers/centers.txt")
        let settings = ["--simulate", "2", "--quiet"]
        let shards = try (0..<4).map {
            try WFMProcess(["plan", "--centers", list, "--out", folder.path("sharded")] + settings,
                           environment: ["JOB_COMPLETION_INDEX": "\($0)", "WFM_SHARDS": "4"])
        }
        let whole = try runWFM(["plan", "--centers", list, "--out", folder.path("whole")] + settings)
        #expect([0, 2].contains(whole.status), "\(whole.error)")
        #expect(whole.output.contains("20 centers: "), "\(whole.output)")
        for (index, shard) in try shards.map({ try $0.finish() }).enumerated() {
            #expect([0, 2].contains(shard.status), "\(shard.error)")
            #expect(shard.output.contains("Shard \(index)/4: 5 of 20 centers"), "balanced by work: \(shard.output)")
        }
        let merged = try runWFM(["plan", "--merge", folder.path("sharded")])
        #expect(merged.status == whole.status, "\(merged.error)")
        #expect(try withoutTimings(folder.path("sharded/summary.json")) == withoutTimings(folder.path("whole/summary.json")))
        let csvWithoutTimes = { (path: String) in
            try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).dropLast() }
        }
        #expect(try csvWithoutTimes(folder.path("sharded/summary.csv")) == csvWithoutTimes(folder.path("whole/summary.csv")))
        let rows = try #require(try json(folder.path("whole/summary.json"))["rows"] as? [[String: Any]])
        #expect(rows.count == 20 && rows.allSatisfy { $0["outcome"] as? String != "failed" })
        for center in (1...20).map({ String(format: "center-%02d", $0) }) {
            for file in ["forecast.csv", "requirements.csv", "roster.csv", "report.json", "report-intervals.csv"] {
                let a = try Data(contentsOf: URL(fileURLWithPath: folder.path("whole/\(center)/\(file)")))
                let b = try Data(contentsOf: URL(fileURLWithPath: folder.path("sharded/\(center)/\(file)")))
                #expect(a == b, "\(center)/\(file) differs between the whole and the sharded run")
            }
        }

        // A shard twice, then a shard missing: each named.
        let copy = folder.path("sharded/summary.shard-0-of-4.copy.json")
        try FileManager.default.copyItem(atPath: folder.path("sharded/summary.shard-0-of-4.json"), toPath: copy)
        let duplicated = try runWFM(["plan", "--merge", folder.path("sharded"), "--force"])
        #expect(duplicated.status == 1)
        #expect(duplicated.error.contains("shard 0/4 is also in"), "\(duplicated.error)")
        try FileManager.default.removeItem(atPath: copy)
        try FileManager.default.removeItem(atPath: folder.path("sharded/summary.shard-3-of-4.json"))
        let missing = try runWFM(["plan", "--merge", folder.path("sharded"), "--force"])
        #expect(missing.status == 1)
        #expect(missing.error.contains("summary.shard-3-of-4.json: file: is missing: shard 3/4 has not written its result (3 of 4 shards found)"),
                "\(missing.error)")
    }

    @Test func aBenchFamilyAsShardsMergesIntoTheWholeRun() throws {
        let folder = try TemporaryDirectory()
        let common = ["bench", "run", "--sizes", "tiny,small", "--family", "3", "--quiet"]
        let whole = try runWFM(common + ["--json", folder.path("whole.json")])
        #expect(whole.status == 0, "\(whole.error)")
        for index in 0..<2 {
            let shard = try runWFM(common + ["--json", folder.path("r.json")],
                                   environment: ["SLURM_ARRAY_TASK_ID": "\(index + 1)", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_COUNT": "2"])
            #expect(shard.status == 0, "\(shard.error)")
        }
        let schema = try JSONSchemaSubset(path: projectRoot.appendingPathComponent("docs/bench-results.schema.json").path)
        let shardFile = try json(folder.path("r.shard-1-of-2.json"))
        #expect(schema.problems(shardFile) == [])
        #expect((shardFile["shard"] as? [String: Any])?["solves"] as? [String] == ["tiny#1", "tiny#2", "tiny#3", "small#1", "small#2", "small#3"])
        let merged = try runWFM(["bench", "merge", folder.path("r.shard-0-of-2.json"), folder.path("r.shard-1-of-2.json"),
                                 "--json", folder.path("merged.json")])
        #expect(merged.status == 0, "\(merged.error)")
        let document = try json(folder.path("merged.json"))
        #expect(schema.problems(document) == [] && document["shard"] == nil)
        let quality = { (document: [String: Any]) throws -> [String] in
            try #require(document["instances"] as? [[String: Any]]).map { instance in
                ["instance", "objective", "best_bound", "gap", "termination", "paid_hours", "shortfall_agent_hours", "rule_violations"]
                    .map { "\(instance[$0] ?? "nil")" }.joined(separator: " ")
            }
        }
        #expect(try quality(document) == quality(try json(folder.path("whole.json"))))
        let gaps = { (document: [String: Any]) in
            ((document["distributions"] as? [[String: Any]]) ?? []).map { family in
                let gap = family["gap"] as? [String: Any]
                return "\(family["base"] ?? "") \(family["members"] ?? "") " + ["median", "p90", "max"].map { "\(gap?[$0] ?? "nil")" }.joined(separator: " ")
            }
        }
        #expect(gaps(document) == gaps(try json(folder.path("whole.json"))) && gaps(document).count == 2)

        let missing = try runWFM(["bench", "merge", folder.path("r.shard-0-of-2.json")])
        #expect(missing.status == 1)
        #expect(missing.error.contains("r.shard-1-of-2.json: file: is missing: shard 1/2"), "\(missing.error)")
        let whole2 = try runWFM(["bench", "merge", folder.path("whole.json")])
        #expect(whole2.status == 1 && whole2.error.contains("shard: is missing: this is the result of a whole run"), "\(whole2.error)")
    }

    @Test func shardIndexesOutOfRangeOrWithoutACountAreRefused() throws {
        let folder = try TemporaryDirectory()
        let outOfRange = try runWFM(["bench", "run", "--sizes", "tiny", "--shard", "4/4"])
        #expect(outOfRange.status == 64)
        #expect(outOfRange.error.contains("the shard index must be from 0 to 3"), "\(outOfRange.error)")
        let noCount = try runWFM(["bench", "run", "--sizes", "tiny", "--json", folder.path("r.json")], environment: ["JOB_COMPLETION_INDEX": "1"])
        #expect(noCount.status == 1)
        #expect(noCount.error.contains("JOB_COMPLETION_INDEX is set (1) but not the shard count: pass --shards N or set WFM_SHARDS"), "\(noCount.error)")
        let badList = try runWFM(["plan", "--centers", try folder.write("list.txt", "# centers\nnowhere/center.yaml\n"), "--out", folder.path("o")])
        #expect(badList.status == 1)
        #expect(badList.error.contains("list.txt:2: center: 'nowhere/center.yaml' is not a file"), "\(badList.error)")
    }
}

/// `wfm whatif` fanned out: scenarios and sweep points over shards, merged into the document
/// the unsharded run prints.
@Suite(.serialized) struct WhatIfShardCommandTests {
    @Test func scenariosAndSweepPointsAsShardsMergeIntoTheWholeRun() throws {
        let folder = try TemporaryDirectory()
        let peak = try folder.write("peak.yaml", "name: tuesday peak\nvolume:\n  - {factor: 1.3, days: [tue]}\n")
        let sick = try folder.write("sick.yaml", "name: two sick\nabsent:\n  - {agents: [S01, S02], days: [mon, tue]}\n")
        let run = ["whatif", "--config", "Inputs/small/center.yaml", "--forecast", "Inputs/small/forecast.csv", "--roster", "Inputs/small/roster.csv",
                   "--scenario", peak, "--scenario", sick, "--volume", "+10%", "--sweep", "volume=0.8:1.3:0.1", "--mode", "repair", "--simulate", "2",
                   "--quiet"]
        let whole = try runWFM(run + ["--format", "json"])
        #expect(whole.status == 2, "\(whole.error)")
        for index in 0..<3 {
            let shard = try runWFM(run + ["--json", folder.path("w.json")],
                                   environment: ["AWS_BATCH_JOB_ARRAY_INDEX": "\(index)", "AWS_BATCH_JOB_ARRAY_SIZE": "3"])
            #expect(shard.status == 0, "a shard's part is done once written: \(shard.error)")
            #expect(shard.output.contains("Shard \(index)/3: "), "\(shard.output)")
        }
        let files = (0..<3).map { folder.path("w.shard-\($0)-of-3.json") }
        let merged = try runWFM(["whatif", "--merge"] + files + ["--json", folder.path("merged.json")])
        #expect(merged.status == 2, "targets are missed in the whole run too: \(merged.error)")
        #expect(merged.output.contains("two sick, repaired") && merged.output.contains("Sweep of volume, 6 points"), "\(merged.output)")
        #expect(try String(contentsOfFile: folder.path("merged.json"), encoding: .utf8) == whole.output, "byte for byte the unsharded document")

        let missing = try runWFM(["whatif", "--merge", files[0], files[2]])
        #expect(missing.status == 1)
        #expect(missing.error.contains("w.shard-1-of-3.json: file: is missing: shard 1/3"), "\(missing.error)")
        let mixed = try runWFM(["whatif", "--merge", files[0], "--config", "Inputs/small/center.yaml"])
        #expect(mixed.status == 64)
    }
}
