import Foundation
import GRDB

/// The server's state in one SQLite file (`DIR/wfm.sqlite`, WAL mode, synchronous writes):
/// centers and their files, plans and what they wrote, published versions, scenarios, requests
/// and decisions. Every change is one transaction, so that a server killed at any moment
/// restarts with the last committed change whole. The schema is versioned by migrations.
struct ServerDatabase: Sendable {
    let pool: DatabasePool

    /// The database file's name in the data folder.
    static let fileName = "wfm.sqlite"

    /// Opens (creating if needed) the database in `folder` and brings its schema up to date.
    /// - Throws: a database error if the file cannot be opened or migrated.
    init(folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        pool = try DatabasePool(path: (folder as NSString).appendingPathComponent(Self.fileName), configuration: configuration)
        try Self.migrator.migrate(pool)
    }

    /// The schema's versions, oldest first. A new version is a new migration; none is edited
    /// once released.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: centers, plans, versions, scenarios, requests") { db in
            try db.execute(sql: """
                CREATE TABLE center (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    name TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    overview TEXT NOT NULL);
                CREATE TABLE center_file (
                    center_id INTEGER NOT NULL REFERENCES center(id) ON DELETE CASCADE,
                    name TEXT NOT NULL,
                    content TEXT NOT NULL,
                    PRIMARY KEY (center_id, name));
                CREATE TABLE plan (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    center_id INTEGER NOT NULL REFERENCES center(id) ON DELETE CASCADE,
                    origin TEXT NOT NULL,
                    state TEXT NOT NULL,
                    options TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    finished_at TEXT,
                    message TEXT,
                    summary TEXT);
                CREATE TABLE plan_file (
                    plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
                    name TEXT NOT NULL,
                    content TEXT NOT NULL,
                    PRIMARY KEY (plan_id, name));
                CREATE TABLE published_version (
                    center_id INTEGER NOT NULL REFERENCES center(id) ON DELETE CASCADE,
                    version INTEGER NOT NULL,
                    plan_id INTEGER NOT NULL REFERENCES plan(id),
                    published_at TEXT NOT NULL,
                    outcome TEXT NOT NULL,
                    PRIMARY KEY (center_id, version));
                CREATE TABLE version_file (
                    center_id INTEGER NOT NULL,
                    version INTEGER NOT NULL,
                    name TEXT NOT NULL,
                    content TEXT NOT NULL,
                    PRIMARY KEY (center_id, version, name),
                    FOREIGN KEY (center_id, version) REFERENCES published_version(center_id, version) ON DELETE CASCADE);
                CREATE TABLE scenario (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    center_id INTEGER NOT NULL REFERENCES center(id) ON DELETE CASCADE,
                    name TEXT NOT NULL,
                    body TEXT NOT NULL,
                    created_at TEXT NOT NULL);
                CREATE TABLE request_batch (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    center_id INTEGER NOT NULL REFERENCES center(id) ON DELETE CASCADE,
                    plan_id INTEGER NOT NULL REFERENCES plan(id),
                    result_plan_id INTEGER REFERENCES plan(id),
                    requests_csv TEXT NOT NULL,
                    outcome TEXT NOT NULL,
                    created_at TEXT NOT NULL);
                CREATE TABLE request_decision (
                    batch_id INTEGER NOT NULL REFERENCES request_batch(id) ON DELETE CASCADE,
                    request_id TEXT NOT NULL,
                    decision TEXT NOT NULL,
                    note TEXT NOT NULL,
                    decided_at TEXT NOT NULL,
                    PRIMARY KEY (batch_id, request_id));
                """)
        }
        return migrator
    }

    /// Now, as stored: ISO 8601 in UTC to the second.
    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }
}
