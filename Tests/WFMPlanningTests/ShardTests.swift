import Foundation
import Testing
import WFMCore
import WFMIO
import WFMPlanning
import _WFMTestSupport

@Suite struct ShardTests {
    @Test func readsIndexOverCount() throws {
        #expect(try Shard(parsing: "2/4") == Shard(index: 2, count: 4))
        #expect(try Shard(parsing: " 0 / 1 ").fileTag == "shard-0-of-1")
        for bad in ["4/4", "-1/4", "2", "a/4", "2/0", "1/2/3", ""] {
            #expect(throws: PlanningError.self, "\(bad)") { try Shard(parsing: bad) }
        }
    }

    @Test func theOptionComesFirstThenKubernetesThenBatchThenSlurm() throws {
        let everything = ["JOB_COMPLETION_INDEX": "1", "WFM_SHARDS": "3", "AWS_BATCH_JOB_ARRAY_INDEX": "4", "AWS_BATCH_JOB_ARRAY_SIZE": "9",
                          "SLURM_ARRAY_TASK_ID": "5", "SLURM_ARRAY_TASK_COUNT": "7"]
        #expect(try Shard.resolve(option: "0/2", shards: nil, environment: everything)?.shard == Shard(index: 0, count: 2))
        let kubernetes = try #require(try Shard.resolve(option: nil, shards: nil, environment: everything))
        #expect(kubernetes.shard == (try Shard(index: 1, count: 3)) && kubernetes.source == "JOB_COMPLETION_INDEX")
        #expect(try Shard.resolve(option: nil, shards: 5, environment: everything)?.shard == Shard(index: 1, count: 5), "--shards over WFM_SHARDS")
        let batch = ["AWS_BATCH_JOB_ARRAY_INDEX": "4", "AWS_BATCH_JOB_ARRAY_SIZE": "9"]
        #expect(try Shard.resolve(option: nil, shards: nil, environment: batch)?.shard == Shard(index: 4, count: 9))
        // Slurm arrays may start at 1 and step: --array=1-9:2 runs tasks 1, 3, 5, 7, 9.
        let slurm = ["SLURM_ARRAY_TASK_ID": "5", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_STEP": "2", "SLURM_ARRAY_TASK_COUNT": "5"]
        #expect(try Shard.resolve(option: nil, shards: nil, environment: slurm)?.shard == Shard(index: 2, count: 5))
        #expect(try Shard.resolve(option: nil, shards: nil, environment: ["PATH": "/bin"]) == nil)
    }

    @Test func anIndexWithoutACountOrACountWithoutAnIndexIsRefused() {
        #expect(throws: PlanningError.self) { try Shard.resolve(option: nil, shards: nil, environment: ["JOB_COMPLETION_INDEX": "0"]) }
        #expect(throws: PlanningError.self) { try Shard.resolve(option: nil, shards: nil, environment: ["WFM_SHARDS": "4"]) }
        #expect(throws: PlanningError.self) { try Shard.resolve(option: nil, shards: nil, environment: ["JOB_COMPLETION_INDEX": "x", "WFM_SHARDS": "4"]) }
        #expect(throws: PlanningError.self) { try Shard.resolve(option: nil, shards: nil, environment: ["JOB_COMPLETION_INDEX": "4", "WFM_SHARDS": "4"]) }
        #expect(throws: PlanningError.self) {
            try Shard.resolve(option: nil, shards: nil, environment: ["SLURM_ARRAY_TASK_ID": "4", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_STEP": "2",
                                                                      "SLURM_ARRAY_TASK_COUNT": "5"])
        }
    }
}

@Suite struct ShardAssignmentTests {
    @Test func everyItemGoesToExactlyOneShard() {
        var random = SeededGenerator(seed: 11)
        for shards in 1...7 {
            let work = (0..<40).map { _ in 100 * random.nextUnitInterval() }
            let assignment = ShardAssignment(work: work, shards: shards)
            #expect(assignment.items.count == shards)
            #expect(assignment.items.flatMap { $0 }.sorted() == Array(0..<40))
            #expect(assignment == ShardAssignment(work: work, shards: shards), "the same split every time")
            // Greedy list scheduling: no shard exceeds the average load by more than the largest item.
            let loads = assignment.items.map { $0.reduce(0) { $0 + work[$1] } }
            #expect(loads.max()! <= work.reduce(0, +) / Double(shards) + work.max()! + 1e-9)
        }
    }

    @Test func theLargestFirstRuleBalancesAKnownCase() {
        // Ten heavy and ten light items over four shards: each shard takes 2 or 3 heavy and as many light.
        let work = (0..<20).map { $0 % 2 == 0 ? 20.0 : 10.0 }
        let assignment = ShardAssignment(work: work, shards: 4)
        #expect(assignment.items.map(\.count) == [5, 5, 5, 5])
        #expect(assignment.items[0] == [0, 8, 9, 16, 17], "\(assignment.items)")
        // Equal work: items dealt in turn.
        #expect(ShardAssignment(work: [1, 1, 1, 1, 1], shards: 2).items == [[0, 2, 4], [1, 3]])
    }
}

@Suite struct CenterListTests {
    @Test func namesCentersByFolderOrFileAndSkipsComments() throws {
        let folder = try TemporaryDirectory()
        _ = try folder.write("east/center.yaml", "name: x\n")
        _ = try folder.write("west.yaml", "name: y\n")
        let list = try CenterList.read(path: try folder.write("list.txt", "# our centers\n\neast/center.yaml\r\nwest.yaml\n"))
        #expect(list.entries.map(\.name) == ["east", "west"])
        #expect(list.entries.map(\.line) == [3, 4])
        #expect(list.entries[0].path == folder.path("east/center.yaml"))
    }

    @Test func missingFilesAndTwoCentersOfOneNameAreNamedByLine() throws {
        let folder = try TemporaryDirectory()
        _ = try folder.write("a/east/center.yaml", "name: x\n")
        _ = try folder.write("b/east/center.yaml", "name: y\n")
        let path = try folder.write("list.txt", "a/east/center.yaml\nb/east/center.yaml\nnone.yaml\n")
        let error = try #require(throws: InputError.self) { try CenterList.read(path: path) }
        #expect(error.diagnostics.map(\.line) == [2, 3])
        #expect(error.diagnostics[0].problem.contains("has the name 'east' of line 1"))
        #expect(throws: InputError.self) { try CenterList.read(path: try folder.write("empty.txt", "# nothing\n")) }
    }
}
