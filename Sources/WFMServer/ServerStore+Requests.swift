import GRDB

/// A requests.csv decided against a roster: wfm's decisions (`wfm.requests/1`), the plan
/// holding the roster after its approvals, and the manager's decisions.
struct RequestBatchRow: Sendable {
    let id: Int64
    let centerID: Int64
    /// The plan whose roster the requests were decided against.
    let planID: Int64
    /// The plan holding the roster after wfm's approvals.
    let resultPlanID: Int64?
    let requestsCSV: String
    let outcome: String
    let createdAt: String

    init(_ row: Row) {
        id = row["id"]
        centerID = row["center_id"]
        planID = row["plan_id"]
        resultPlanID = row["result_plan_id"]
        requestsCSV = row["requests_csv"]
        outcome = row["outcome"]
        createdAt = row["created_at"]
    }
}

/// A manager's decision on one request.
struct ManagerDecisionRow: Sendable {
    let requestID: String
    let decision: String
    let note: String
    let decidedAt: String
}

extension ServerStore {
    /// Stores a decided batch and, as a succeeded plan of origin `requests`, the roster after
    /// its approvals with `resultFiles`, in one transaction; returns the batch's id.
    func insertRequestBatch(centerID: Int64, planID: Int64, requestsCSV: String, outcome: String, resultFiles: [StoredFile]) async throws -> Int64 {
        try await pool.write { db in
            let now = ServerDatabase.now()
            try db.execute(sql: "INSERT INTO plan (center_id, origin, state, options, created_at, finished_at, summary) VALUES (?, 'requests', 'succeeded', ?, ?, ?, ?)",
                           arguments: [centerID, "{\"requests_of_plan\":\(planID)}", now, now, outcome])
            let resultPlanID = db.lastInsertedRowID
            try Self.insert(resultFiles, into: "plan_file", owner: ["plan_id": resultPlanID], db)
            try db.execute(sql: "INSERT INTO request_batch (center_id, plan_id, result_plan_id, requests_csv, outcome, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [centerID, planID, resultPlanID, requestsCSV, outcome, now])
            return db.lastInsertedRowID
        }
    }

    /// The batches of center `centerID`, newest first.
    func requestBatches(centerID: Int64) async throws -> [RequestBatchRow] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM request_batch WHERE center_id = ? ORDER BY id DESC", arguments: [centerID])
                .map(RequestBatchRow.init)
        }
    }

    /// The batch `id` of center `centerID`, if stored.
    func requestBatch(centerID: Int64, _ id: Int64) async throws -> RequestBatchRow? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM request_batch WHERE center_id = ? AND id = ?", arguments: [centerID, id])
                .map(RequestBatchRow.init)
        }
    }

    /// Records (or replaces) the manager's decision on request `requestID` of batch `batchID`.
    func setDecision(batchID: Int64, requestID: String, decision: String, note: String) async throws {
        try await pool.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO request_decision (batch_id, request_id, decision, note, decided_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [batchID, requestID, decision, note, ServerDatabase.now()])
        }
    }

    /// The manager's decisions in batch `batchID`, by request id.
    func decisions(batchID: Int64) async throws -> [String: ManagerDecisionRow] {
        try await pool.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM request_decision WHERE batch_id = ?", arguments: [batchID])
            return Dictionary(rows.map { row in
                (row["request_id"] as String,
                 ManagerDecisionRow(requestID: row["request_id"], decision: row["decision"], note: row["note"], decidedAt: row["decided_at"]))
            }, uniquingKeysWith: { a, _ in a })
        }
    }
}
