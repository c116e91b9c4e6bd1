import Foundation
import Testing
import _WFMTestSupport

/// `wfm bench` end to end: results that validate against the documented schema, gates that
/// pass on the same build and fail on a planted regression, generated instances that the other
/// commands read, and model export.
@Suite(.serialized) struct BenchCommandTests {
    func json(_ path: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    }

    func write(_ object: [String: Any], to path: String) throws {
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
    }

    @Test func runWritesResultsThatMatchTheSchema() throws {
        let folder = try TemporaryDirectory()
        let result = try runWFM(["bench", "run", "--sizes", "tiny,tiny-30min", "--repeat", "2", "--json", folder.path("results.json")])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("instance") && result.output.contains("tiny-30min"))
        #expect(result.error.contains("tiny: run 2 of 2"))
        let document = try json(folder.path("results.json"))
        let schema = try JSONSchemaSubset(path: projectRoot.appendingPathComponent("docs/bench-results.schema.json").path)
        #expect(schema.problems(document) == [])
        let instances = try #require(document["instances"] as? [[String: Any]])
        #expect(instances.map { $0["instance"] as? String } == ["tiny", "tiny-30min"])
        for instance in instances {
            #expect((instance["runs"] as? [Any])?.count == 2)
            #expect(instance["rule_violations"] as? Int == 0)
            #expect(instance["identical_runs"] as? Bool == true, "the same roster on every run")
            #expect(instance["termination"] as? String == "optimal")
        }
        var broken = document
        broken["repetitions"] = "two"
        #expect(!schema.problems(broken).isEmpty, "the checker does check")
    }

    @Test func compareGatesQualityExactlyAndTimeByRatio() throws {
        let folder = try TemporaryDirectory()
        let run = try runWFM(["bench", "run", "--sizes", "tiny", "--json", folder.path("base.json"), "--quiet"])
        #expect(run.status == 0, "\(run.error)")
        let same = try runWFM(["bench", "compare", "--baseline", folder.path("base.json"), "--current", folder.path("base.json")])
        #expect(same.status == 0)
        #expect(same.output.contains("All 4 gates pass."))

        var worse = try json(folder.path("base.json"))
        var instances = try #require(worse["instances"] as? [[String: Any]])
        let objective = try #require(instances[0]["objective"] as? Double)
        instances[0]["objective"] = objective * 1.01
        var wall = try #require(instances[0]["wall_seconds"] as? [String: Double])
        let median = max(wall["median"] ?? 0, 0.001)
        wall["median"] = median * 3 + 1
        instances[0]["wall_seconds"] = wall
        instances[0]["rule_violations"] = 2
        worse["instances"] = instances
        try write(worse, to: folder.path("worse.json"))
        let failed = try runWFM(["bench", "compare", "--baseline", folder.path("base.json"), "--current", folder.path("worse.json")])
        #expect(failed.status == 2)
        #expect(failed.output.contains("3 of 4 gates fail: tiny rule_violations, tiny objective, tiny wall_time."), "\(failed.output)")
        // A slowdown limit above the planted one, whatever the machine's speed made the median.
        let tolerated = Int((median * 3 + 1) / median * 100) + 100
        let lenient = try runWFM(["bench", "compare", "--baseline", folder.path("base.json"), "--current", folder.path("worse.json"),
                                  "--max-objective-loss", "2%", "--max-slowdown", "\(tolerated)%"])
        #expect(lenient.output.contains("1 of 4 gates fail: tiny rule_violations."), "violations are never tolerated")

        worse["instances"] = [[String: Any]]()
        try write(worse, to: folder.path("empty.json"))
        let missing = try runWFM(["bench", "compare", "--baseline", folder.path("base.json"), "--current", folder.path("empty.json")])
        #expect(missing.status == 2 && missing.output.contains("tiny present"))
        try "{}".write(toFile: folder.path("bad.json"), atomically: true, encoding: .utf8)
        let unreadable = try runWFM(["bench", "compare", "--baseline", folder.path("bad.json"), "--current", folder.path("base.json")])
        #expect(unreadable.status == 1 && unreadable.error.contains("bad.json: schema: is missing (expected wfm.bench/1"))
    }

    /// A family run names each member `base#k`, validates against the schema and reports the
    /// distribution of its members; the generated members are ordinary input files.
    @Test func aFamilyRunReportsItsMembersAndTheirDistribution() throws {
        let folder = try TemporaryDirectory()
        let result = try runWFM(["bench", "run", "--sizes", "tiny", "--family", "3", "--seed", "5", "--json", folder.path("results.json")])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("Families (members 1 to 3, seed 5)"))
        let document = try json(folder.path("results.json"))
        let schema = try JSONSchemaSubset(path: projectRoot.appendingPathComponent("docs/bench-results.schema.json").path)
        #expect(schema.problems(document) == [])
        let instances = try #require(document["instances"] as? [[String: Any]])
        #expect(instances.map { $0["instance"] as? String } == ["tiny#1", "tiny#2", "tiny#3"])
        let distribution = try #require((document["distributions"] as? [[String: Any]])?.first)
        #expect(distribution["base"] as? String == "tiny" && distribution["members"] as? Int == 3)
        let gaps = instances.compactMap { $0["gap"] as? Double }.sorted()
        #expect((distribution["gap"] as? [String: Double])?["max"] == gaps.last, "the largest gap of the members")
        let generated = try runWFM(["bench", "generate", "--size", "tiny", "--family", "3", "--seed", "5", "--out", folder.path("family")])
        #expect(generated.status == 0, "\(generated.error)")
        let member = folder.path("family/member-02")
        let scheduled = try runWFM(["schedule", "--config", "\(member)/center.yaml", "--requirements", "\(member)/requirements.csv",
                                    "--out", folder.path("roster.csv"), "--format", "json", "--quiet"])
        #expect(scheduled.status == 0, "\(scheduled.error)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(scheduled.output.utf8)) as? [String: Any])
        let objective = try #require(summary["objective"] as? Double)
        let solved = try #require(instances[1]["objective"] as? Double)
        #expect(abs(objective - solved) < 1e-6, "member 2 written to files solves as bench run solved it")
    }

    @Test func aMultiWeekInstanceRunsItsWeekAsAHorizon() throws {
        // The tiny instance over 2 weeks: its week repeated, planned as one horizon; the
        // figures are the horizon's, and a schedule of the same two weeks agrees.
        let folder = try TemporaryDirectory()
        let result = try runWFM(["bench", "run", "--sizes", "tiny", "--weeks", "2", "--json", folder.path("results.json")])
        #expect(result.status == 0, "\(result.error)")
        let document = try json(folder.path("results.json"))
        let schema = try JSONSchemaSubset(path: projectRoot.appendingPathComponent("docs/bench-results.schema.json").path)
        #expect(schema.problems(document) == [])
        let instance = try #require((document["instances"] as? [[String: Any]])?.first)
        #expect(instance["instance"] as? String == "tiny-2w" && instance["rule_violations"] as? Int == 0)
        let week = try #require((try json(folder.path("results.json"))["instances"] as? [[String: Any]])?.first)
        let single = try runWFM(["bench", "run", "--sizes", "tiny", "--json", folder.path("week.json")])
        #expect(single.status == 0, "\(single.error)")
        let one = try #require((try json(folder.path("week.json"))["instances"] as? [[String: Any]])?.first)
        #expect(try #require(week["intervals"] as? Int) == 2 * (try #require(one["intervals"] as? Int)))
        #expect(try #require(week["objective"] as? Double) >= 2 * (try #require(one["objective"] as? Double)) - 1e-6,
                "two weeks cost at least twice the week's optimum")
    }

    @Test func generatedInstancesAreOrdinaryInputFiles() throws {
        let folder = try TemporaryDirectory()
        let generated = try runWFM(["bench", "generate", "--size", "tiny-night", "--out", folder.path("tiny")])
        #expect(generated.status == 0, "\(generated.error)")
        let schedule = try runWFM(["schedule", "--config", folder.path("tiny/center.yaml"), "--requirements", folder.path("tiny/requirements.csv"),
                                   "--out", folder.path("tiny/roster.csv"), "--quiet"])
        #expect(schedule.status == 0, "\(schedule.error)")
        #expect(schedule.output.contains("every rule checked and met"))
        let user = try runWFM(["bench", "run", "--sizes", "", "--config", folder.path("tiny/center.yaml"),
                               "--requirements", folder.path("tiny/requirements.csv"), "--format", "json", "--quiet"])
        #expect(user.status == 0, "\(user.error)")
        #expect(user.output.contains("\"instance\" : \"tiny\""), "a user instance is named after its folder")
        let again = try runWFM(["bench", "generate", "--size", "tiny-night", "--out", folder.path("tiny")])
        #expect(again.status == 1 && again.error.contains("already exists"))
    }

    /// A solve that makes no roster is recorded (`no_roster`, with the reason) and fails the
    /// comparison, instead of ending the run.
    @Test func aSolveWithoutARosterIsRecorded() throws {
        let folder = try TemporaryDirectory()
        _ = try runWFM(["bench", "generate", "--size", "tiny", "--out", folder.path("tiny")])
        let center = try String(contentsOfFile: folder.path("tiny/center.yaml"), encoding: .utf8)
        try center.replacingOccurrences(of: "min_rest_hours: 11", with: "min_rest_hours: 48")
            .write(toFile: folder.path("tiny/center.yaml"), atomically: true, encoding: .utf8)
        let result = try runWFM(["bench", "run", "--sizes", "", "--config", folder.path("tiny/center.yaml"),
                                 "--requirements", folder.path("tiny/requirements.csv"), "--json", folder.path("results.json"), "--quiet"])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("tiny: no roster:") && result.output.contains("min_rest_hours"), "\(result.output)")
        let document = try json(folder.path("results.json"))
        let instance = try #require((document["instances"] as? [[String: Any]])?.first)
        #expect(instance["termination"] as? String == "no_roster" && instance["objective"] == nil)
        let schema = try JSONSchemaSubset(path: projectRoot.appendingPathComponent("docs/bench-results.schema.json").path)
        #expect(schema.problems(document) == [])
    }

    @Test func exportsTheModelAndRefusesUnknownInstances() throws {
        let folder = try TemporaryDirectory()
        let exported = try runWFM(["bench", "export", "--size", "tiny", "--out", folder.path("tiny.mps")])
        #expect(exported.status == 0, "\(exported.error)")
        #expect(try String(contentsOfFile: folder.path("tiny.mps"), encoding: .utf8).contains("COLUMNS"))
        let unknown = try runWFM(["bench", "run", "--sizes", "huge"])
        #expect(unknown.status == 1 && unknown.error.contains("unknown instance 'huge': expected one of tiny, tiny-breaks3"))
        let repeats = try runWFM(["bench", "run", "--repeat", "0"])
        #expect(repeats.status == 64)
    }

    @Test func compareNamesAFileOfAnotherKindOrAMissingField() throws {
        let folder = try TemporaryDirectory()
        let baseline = projectRoot.appendingPathComponent("Benchmarks/baselines/2core-24gib.json").path
        let compare = { (current: String) in try runWFM(["bench", "compare", "--baseline", baseline, "--current", current]) }
        let report = try compare(try folder.write("report.json", "{\"schema\": \"wfm.report/1\", \"center\": \"x\"}"))
        #expect(report.status == 1 && report.error.contains("report.json: schema: 'wfm.report/1' is not supported (expected wfm.bench/1"),
                "\(report.error)")
        var document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: baseline))) as? [String: Any])
        var instances = try #require(document["instances"] as? [[String: Any]])
        instances[1].removeValue(forKey: "paid_hours")
        document["instances"] = instances
        let edited = try folder.write("edited.json", String(decoding: try JSONSerialization.data(withJSONObject: document), as: UTF8.self))
        let missing = try compare(edited)
        #expect(missing.status == 1 && missing.error.contains("edited.json: instances[1].paid_hours: is missing"), "\(missing.error)")
        #expect(!missing.error.contains("DecodingError") && !missing.error.contains("CodingKeys"))
    }
}
