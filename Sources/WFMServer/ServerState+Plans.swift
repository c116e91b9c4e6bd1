import Foundation
import WFMPlanning

/// What a plan is started with; every field optional.
struct PlanRequest: Sendable, Codable {
    /// The scheduler's time limit in seconds (1 to 3,600; 60 when absent).
    var timeLimitSeconds: Double?
    /// The scheduler's relative gap, a fraction (0 to 0.5; 0.005 when absent).
    var relativeGap: Double?
    /// Weeks the report simulates (0 to 1,000; 0, the formula only, when absent).
    var replications: Int?
    var seed: UInt64?

    enum CodingKeys: String, CodingKey {
        case timeLimitSeconds = "time_limit_seconds", relativeGap = "relative_gap", replications, seed
    }

    /// Throws unless every value is in range.
    func check() throws {
        if let timeLimitSeconds, !(timeLimitSeconds.isFinite && (1...3600).contains(timeLimitSeconds)) {
            throw APIProblem.badRequest("time_limit_seconds \(timeLimitSeconds): expected 1 to 3600")
        }
        if let relativeGap, !(relativeGap.isFinite && (0...0.5).contains(relativeGap)) {
            throw APIProblem.badRequest("relative_gap \(relativeGap): expected 0 to 0.5")
        }
        if let replications, !(0...1000).contains(replications) {
            throw APIProblem.badRequest("replications \(replications): expected 0 to 1000")
        }
    }
}

extension ServerState {
    /// Queues a plan of center `centerID` and returns its id at once; the plan runs when the
    /// center's jobs before it have ended, and reports its progress to ``events``.
    func startPlan(centerID: Int64, _ request: PlanRequest) async throws -> Int64 {
        try request.check()
        _ = try await center(centerID)
        let id = try await store.insertPlan(centerID: centerID, origin: .plan, options: try Self.encode(request))
        events.add(id, "queued")
        Task { await self.runPlan(id, centerID: centerID, request) }
        return id
    }

    /// Cancels plan `id`: one still queued never starts; one running cannot be interrupted
    /// mid-solve, so its result is discarded when it ends.
    /// - Returns: the plan's state afterwards.
    func cancelPlan(_ id: Int64) async throws -> PlanRow.State {
        let plan = try await plan(id)
        guard !plan.state.isFinished else { throw APIProblem.conflict("plan \(id) is already \(plan.state.rawValue)") }
        if await jobs.cancelIfWaiting(id) {
            try await store.finishPlan(id, .cancelled, message: "cancelled before it started", summary: nil, files: [])
            events.end(id, "cancelled before it started")
            return .cancelled
        }
        cancelRequests.insert(id)
        events.add(id, "cancel requested: the solve cannot be interrupted; its result will be discarded when it ends")
        return .running
    }

    private func runPlan(_ id: Int64, centerID: Int64, _ request: PlanRequest) async {
        do {
            _ = try await jobs.run(center: centerID, id: id) { () async throws in
                try await self.store.setPlanState(id, .running)
                self.events.add(id, "running")
                let centerFolder = try await self.centerFolder(centerID)
                let out = self.workspace.planFolder(center: centerID, plan: id)
                try? FileManager.default.removeItem(atPath: out)
                let job = PlanJob(configPath: (centerFolder as NSString).appendingPathComponent(CenterOverview.configName), outDirectory: out,
                                  timeLimitSeconds: request.timeLimitSeconds ?? 60, relativeGap: request.relativeGap ?? 0.005,
                                  replications: request.replications ?? 0, seed: request.seed ?? 1, overwrite: true)
                let events = self.events
                let summary: String
                do {
                    summary = try await BackgroundWork.run { try job.run { events.add(id, $0) }.json() }
                } catch {
                    let problem = APIProblem.from(error, folder: centerFolder)
                    try await self.store.finishPlan(id, .failed, message: problem.detail, summary: nil, files: [])
                    events.end(id, "failed: " + problem.detail)
                    return
                }
                if self.cancelRequests.remove(id) {
                    try await self.store.finishPlan(id, .cancelled, message: "cancelled while running: its roster was discarded", summary: nil, files: [])
                    events.end(id, "cancelled: the roster was discarded")
                    return
                }
                let files = try Workspace.read(folder: out).filter { !$0.name.hasPrefix(".") }
                let relative = InputProblem.relative(summary, to: out)
                try await self.store.finishPlan(id, .succeeded, message: nil, summary: relative, files: files)
                events.end(id, "succeeded")
            }
        } catch {
            try? await store.finishPlan(id, .failed, message: APIProblem.from(error, folder: options.dataFolder).detail, summary: nil, files: [])
            events.end(id, "failed")
        }
    }
}
