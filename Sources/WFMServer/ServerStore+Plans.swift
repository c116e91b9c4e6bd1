import GRDB

/// A stored plan: a job that makes a roster (`wfm plan`, or the decisions on requests) and,
/// once it has succeeded, the files it wrote.
struct PlanRow: Sendable {
    /// Where a plan's roster comes from.
    enum Origin: String, Sendable {
        /// `wfm plan`: forecast, staffing, schedule and report.
        case plan
        /// A published roster with the approved requests applied (`wfm requests`).
        case requests
    }

    /// A plan's life: queued, running, then one of the three ends.
    enum State: String, Sendable {
        case queued, running, succeeded, failed, cancelled

        var isFinished: Bool { self == .succeeded || self == .failed || self == .cancelled }
    }

    let id: Int64
    let centerID: Int64
    let origin: Origin
    let state: State
    /// The options it was started with, as JSON.
    let options: String
    let createdAt: String
    let finishedAt: String?
    /// Why it failed, or what cancelled it.
    let message: String?
    /// The command's JSON summary (`wfm.plan/1` or `wfm.requests/1`), once succeeded.
    let summary: String?

    init(_ row: Row) {
        id = row["id"]
        centerID = row["center_id"]
        origin = Origin(rawValue: row["origin"]) ?? .plan
        state = State(rawValue: row["state"]) ?? .failed
        options = row["options"]
        createdAt = row["created_at"]
        finishedAt = row["finished_at"]
        message = row["message"]
        summary = row["summary"]
    }
}

extension ServerStore {
    /// Stores a new plan in `state`; returns its id.
    func insertPlan(centerID: Int64, origin: PlanRow.Origin, options: String, state: PlanRow.State = .queued) async throws -> Int64 {
        try await pool.write { db in
            try db.execute(sql: "INSERT INTO plan (center_id, origin, state, options, created_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [centerID, origin.rawValue, state.rawValue, options, ServerDatabase.now()])
            return db.lastInsertedRowID
        }
    }

    /// Moves plan `id` to `state` (not a finished one: see ``finishPlan``).
    func setPlanState(_ id: Int64, _ state: PlanRow.State) async throws {
        try await pool.write { db in try db.execute(sql: "UPDATE plan SET state = ? WHERE id = ?", arguments: [state.rawValue, id]) }
    }

    /// Ends plan `id` in `state` with its message, summary and files, in one transaction: a
    /// plan is either finished with every file or not finished at all.
    func finishPlan(_ id: Int64, _ state: PlanRow.State, message: String?, summary: String?, files: [StoredFile]) async throws {
        try await pool.write { db in
            try db.execute(sql: "UPDATE plan SET state = ?, message = ?, summary = ?, finished_at = ? WHERE id = ?",
                           arguments: [state.rawValue, message, summary, ServerDatabase.now(), id])
            try Self.insert(files, into: "plan_file", owner: ["plan_id": id], db)
        }
    }

    /// Marks every plan left queued or running (by a server that stopped) as failed.
    /// - Returns: how many.
    func failUnfinishedPlans() async throws -> Int {
        try await pool.write { db in
            try db.execute(sql: "UPDATE plan SET state = 'failed', message = 'the server stopped before the plan finished', finished_at = ? WHERE state IN ('queued', 'running')",
                           arguments: [ServerDatabase.now()])
            return db.changesCount
        }
    }

    /// The plan `id`, if stored.
    func plan(_ id: Int64) async throws -> PlanRow? {
        try await pool.read { db in try Row.fetchOne(db, sql: "SELECT * FROM plan WHERE id = ?", arguments: [id]).map(PlanRow.init) }
    }

    /// The plans of center `centerID`, newest first.
    func plans(centerID: Int64) async throws -> [PlanRow] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM plan WHERE center_id = ? ORDER BY id DESC", arguments: [centerID]).map(PlanRow.init)
        }
    }

    /// The file `name` plan `id` wrote, if any.
    func planFile(_ id: Int64, _ name: String) async throws -> String? {
        try await pool.read { db in
            try String.fetchOne(db, sql: "SELECT content FROM plan_file WHERE plan_id = ? AND name = ?", arguments: [id, name])
        }
    }

    /// The names of the files plan `id` wrote.
    func planFileNames(_ id: Int64) async throws -> [String] {
        try await pool.read { db in try String.fetchAll(db, sql: "SELECT name FROM plan_file WHERE plan_id = ? ORDER BY name", arguments: [id]) }
    }
}
