import GRDB

/// A what-if saved under a name.
struct ScenarioRow: Sendable {
    let id: Int64
    let centerID: Int64
    let name: String
    /// The ``WorkbenchScenario`` as JSON.
    let body: String
    let createdAt: String

    init(_ row: Row) {
        id = row["id"]
        centerID = row["center_id"]
        name = row["name"]
        body = row["body"]
        createdAt = row["created_at"]
    }
}

extension ServerStore {
    /// Saves a scenario; returns its id.
    func insertScenario(centerID: Int64, name: String, body: String) async throws -> Int64 {
        try await pool.write { db in
            try db.execute(sql: "INSERT INTO scenario (center_id, name, body, created_at) VALUES (?, ?, ?, ?)",
                           arguments: [centerID, name, body, ServerDatabase.now()])
            return db.lastInsertedRowID
        }
    }

    /// The scenarios of center `centerID`, oldest first.
    func scenarios(centerID: Int64) async throws -> [ScenarioRow] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM scenario WHERE center_id = ? ORDER BY id", arguments: [centerID]).map(ScenarioRow.init)
        }
    }

    /// Deletes scenario `id` of center `centerID`; returns whether it existed.
    func deleteScenario(centerID: Int64, _ id: Int64) async throws -> Bool {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM scenario WHERE center_id = ? AND id = ?", arguments: [centerID, id])
            return db.changesCount > 0
        }
    }
}
