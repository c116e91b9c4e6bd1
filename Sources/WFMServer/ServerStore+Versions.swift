import GRDB

/// A published version of a center's roster.
struct VersionRow: Sendable {
    let centerID: Int64
    let version: Int
    let planID: Int64
    let publishedAt: String
    /// `wfm publish`'s outcome (`wfm.publish/1`), with the diff against the version before.
    let outcome: String

    init(_ row: Row) {
        centerID = row["center_id"]
        version = row["version"]
        planID = row["plan_id"]
        publishedAt = row["published_at"]
        outcome = row["outcome"]
    }
}

extension ServerStore {
    /// Stores version `version` of center `centerID` with every file of its folder, in one
    /// transaction: a version is there whole or not at all.
    func insertVersion(centerID: Int64, version: Int, planID: Int64, outcome: String, files: [StoredFile]) async throws {
        try await pool.write { db in
            try db.execute(sql: "INSERT INTO published_version (center_id, version, plan_id, published_at, outcome) VALUES (?, ?, ?, ?, ?)",
                           arguments: [centerID, version, planID, ServerDatabase.now(), outcome])
            try Self.insert(files, into: "version_file", owner: ["center_id": centerID, "version": version], db)
        }
    }

    /// The versions of center `centerID`, oldest first.
    func versions(centerID: Int64) async throws -> [VersionRow] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM published_version WHERE center_id = ? ORDER BY version", arguments: [centerID]).map(VersionRow.init)
        }
    }

    /// The file `name` of version `version`, if any.
    func versionFile(centerID: Int64, version: Int, _ name: String) async throws -> String? {
        try await pool.read { db in
            try String.fetchOne(db, sql: "SELECT content FROM version_file WHERE center_id = ? AND version = ? AND name = ?",
                                arguments: [centerID, version, name])
        }
    }

    /// Every file of version `version`.
    func versionFiles(centerID: Int64, version: Int) async throws -> [StoredFile] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT name, content FROM version_file WHERE center_id = ? AND version = ? ORDER BY name",
                             arguments: [centerID, version]).map { StoredFile(name: $0["name"], content: $0["content"]) }
        }
    }
}
