import Foundation
import GRDB
import Testing
@testable import WFMServer

/// The database: versioned migrations, state that outlives the server, and plans a stopped
/// server left unfinished marked as failed.
@Suite struct PersistenceTests {
    @Test func centersAndScenariosOutliveARestart() async throws {
        let harness = try ServerHarness()
        let files = try tinyCenterFiles()
        let id = try await harness.run { api in
            let id = try #require(try await api.request(.post, "/api/centers", json: ["files": files]).object["id"] as? Int)
            try await api.request(.post, "/api/centers/\(id)/scenarios", json: ["name": "peak", "scenario": ["volume_factor": 1.2]])
            return id
        }
        try await harness.run { (api: APIClient) async throws in
            #expect(try await api.request(.get, "/api/centers/\(id)").status == .ok)
            #expect(try await api.request(.get, "/api/centers/\(id)/scenarios").array.count == 1)
        }
    }

    @Test func aPlanLeftRunningByAStoppedServerIsMarkedFailed() async throws {
        let harness = try ServerHarness()
        let database = try ServerDatabase(folder: harness.options.dataFolder)
        let store = ServerStore(database: database)
        let center = try await store.insertCenter(name: "x", overview: "{}", files: [])
        let plan = try await store.insertPlan(centerID: center, origin: .plan, options: "{}", state: .running)
        #expect(try await store.failUnfinishedPlans() == 1)
        let row = try #require(try await store.plan(plan))
        #expect(row.state == .failed)
        #expect(row.message?.contains("server stopped") == true)
    }

    @Test func theSchemaIsMigratedOnceAndTheJournalIsWAL() async throws {
        let harness = try ServerHarness()
        let first = try ServerDatabase(folder: harness.options.dataFolder)
        let second = try ServerDatabase(folder: harness.options.dataFolder)
        let applied = try await second.pool.read { db in try ServerDatabase.migrator.appliedMigrations(db) }
        #expect(applied == ["v1: centers, plans, versions, scenarios, requests"])
        let mode = try await first.pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        let integrity = try await first.pool.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
        #expect(integrity == "ok")
    }

    @Test func aVersionIsStoredWholeOrNotAtAll() async throws {
        let harness = try ServerHarness()
        let store = ServerStore(database: try ServerDatabase(folder: harness.options.dataFolder))
        let center = try await store.insertCenter(name: "x", overview: "{}", files: [])
        let plan = try await store.insertPlan(centerID: center, origin: .plan, options: "{}")
        let duplicate = [ServerStore.StoredFile(name: "roster.csv", content: "a"), ServerStore.StoredFile(name: "roster.csv", content: "b")]
        await #expect(throws: (any Error).self) {
            try await store.insertVersion(centerID: center, version: 1, planID: plan, outcome: "{}", files: duplicate)
        }
        #expect(try await store.versions(centerID: center).isEmpty, "the failed insert left no version behind")
    }
}
