import Foundation
import GRDB

/// What the server stores and reads back, over ``ServerDatabase``; each method one
/// transaction. Grouped by what it stores: centers, plans, published versions, scenarios,
/// requests (extensions in files of their own).
struct ServerStore: Sendable {
    let database: ServerDatabase

    var pool: DatabasePool { database.pool }

    /// A file's name and text, as stored with a center, a plan or a version.
    struct StoredFile: Sendable {
        let name: String
        let content: String
    }

    /// Inserts `files` under the row `owner` names in `table`.
    static func insert(_ files: [StoredFile], into table: String, owner: [String: any DatabaseValueConvertible & Sendable], _ db: Database) throws {
        let columns = owner.keys.sorted()
        let sql = "INSERT INTO \(table) (\(columns.joined(separator: ", ")), name, content) VALUES (\(Array(repeating: "?", count: columns.count + 2).joined(separator: ", ")))"
        for file in files {
            var arguments = StatementArguments(columns.map { owner[$0] as (any DatabaseValueConvertible)? })
            arguments += [file.name, file.content]
            try db.execute(sql: sql, arguments: arguments)
        }
    }
}
