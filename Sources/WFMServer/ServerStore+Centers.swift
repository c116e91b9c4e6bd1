import GRDB

/// A stored center.
struct CenterRow: Sendable {
    let id: Int64
    let name: String
    let createdAt: String
    /// ``CenterOverview`` as JSON.
    let overview: String

    init(_ row: Row) {
        id = row["id"]
        name = row["name"]
        createdAt = row["created_at"]
        overview = row["overview"]
    }
}

extension ServerStore {
    /// Stores a center and its files; returns its id.
    func insertCenter(name: String, overview: String, files: [StoredFile]) async throws -> Int64 {
        try await pool.write { db in
            try db.execute(sql: "INSERT INTO center (name, created_at, overview) VALUES (?, ?, ?)",
                           arguments: [name, ServerDatabase.now(), overview])
            let id = db.lastInsertedRowID
            try Self.insert(files, into: "center_file", owner: ["center_id": id], db)
            return id
        }
    }

    /// Every center, oldest first.
    func centers() async throws -> [CenterRow] {
        try await pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM center ORDER BY id").map(CenterRow.init) }
    }

    /// The center `id`, if stored.
    func center(_ id: Int64) async throws -> CenterRow? {
        try await pool.read { db in try Row.fetchOne(db, sql: "SELECT * FROM center WHERE id = ?", arguments: [id]).map(CenterRow.init) }
    }

    /// The files of center `id`, by name.
    func centerFiles(_ id: Int64) async throws -> [StoredFile] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT name, content FROM center_file WHERE center_id = ? ORDER BY name", arguments: [id])
                .map { StoredFile(name: $0["name"], content: $0["content"]) }
        }
    }

    /// Deletes center `id` and everything stored under it; returns whether it existed.
    func deleteCenter(_ id: Int64) async throws -> Bool {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM request_decision WHERE batch_id IN (SELECT id FROM request_batch WHERE center_id = ?)", arguments: [id])
            try db.execute(sql: "DELETE FROM request_batch WHERE center_id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM published_version WHERE center_id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM center WHERE id = ?", arguments: [id])
            return db.changesCount > 0
        }
    }
}
