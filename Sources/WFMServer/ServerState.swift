import Foundation
import Synchronization
import WFMPlanning

/// Everything the routes share: the store, the working folders, the per-center job queues,
/// the plans' progress and the plans loaded for quick figures.
final class ServerState: Sendable {
    let options: ServerOptions
    let store: ServerStore
    let workspace: Workspace
    /// Plans, one per center at a time.
    let jobs = CenterJobQueue()
    /// Publishes, one per center at a time (each numbers the next version).
    let publishing = CenterJobQueue()
    let events = PlanEvents()
    let workbenches: WorkbenchCache
    /// The figures' computations, as many at a time as there are cores.
    let compute = ComputeSlots()
    /// Running plans whose cancellation was asked for.
    let cancelRequests = IDSet()

    /// Opens the database in the options' data folder and marks plans a stopped server left
    /// unfinished as failed.
    init(options: ServerOptions) async throws {
        self.options = options
        store = ServerStore(database: try ServerDatabase(folder: options.dataFolder))
        workspace = Workspace(dataFolder: options.dataFolder)
        workbenches = WorkbenchCache(capacity: options.loadedPlans)
        _ = try await store.failUnfinishedPlans()
    }

    /// The center `id`, or a 404 problem.
    func center(_ id: Int64) async throws -> CenterRow {
        guard let center = try await store.center(id) else { throw APIProblem.notFound("center \(id)") }
        return center
    }

    /// The plan `id`, or a 404 problem.
    func plan(_ id: Int64) async throws -> PlanRow {
        guard let plan = try await store.plan(id) else { throw APIProblem.notFound("plan \(id)") }
        return plan
    }

    /// The plan `id` once it has succeeded, or a 404 or 409 problem.
    func finishedPlan(_ id: Int64) async throws -> PlanRow {
        let plan = try await plan(id)
        guard plan.state == .succeeded else { throw APIProblem.conflict("plan \(id) is \(plan.state.rawValue): it has no roster") }
        return plan
    }

    /// Writes center `id`'s files into its working folder (those already there unchanged).
    /// - Returns: the folder.
    func centerFolder(_ id: Int64) async throws -> String {
        let folder = workspace.centerFolder(id)
        try Workspace.write(try await store.centerFiles(id), into: folder)
        return folder
    }

    /// Writes the files of succeeded plan `plan` into its working folder, beside its center's.
    /// - Returns: the folder.
    func planFolder(_ plan: PlanRow) async throws -> String {
        _ = try await centerFolder(plan.centerID)
        let folder = workspace.planFolder(center: plan.centerID, plan: plan.id)
        var files: [ServerStore.StoredFile] = []
        for name in try await store.planFileNames(plan.id) {
            if let content = try await store.planFile(plan.id, name) { files.append(.init(name: name, content: content)) }
        }
        try Workspace.write(files, into: folder)
        return folder
    }

    /// The workbench of succeeded plan `plan`, loaded once.
    func workbench(_ plan: PlanRow) async throws -> RosterWorkbench {
        if let loaded = workbenches.get(plan.id) { return loaded }
        let folder = try await planFolder(plan)
        let config = (workspace.centerFolder(plan.centerID) as NSString).appendingPathComponent(CenterOverview.configName)
        let forecast = (folder as NSString).appendingPathComponent("forecast.csv"), roster = (folder as NSString).appendingPathComponent("roster.csv")
        let loaded = try await BackgroundWork.run {
            try RosterWorkbench(configPath: config, forecastPath: forecast, rosterPath: roster)
        }
        workbenches.put(plan.id, loaded)
        return loaded
    }
}

/// A set of ids shared between tasks and threads.
final class IDSet: Sendable {
    private let ids = Mutex(Set<Int64>())

    func insert(_ id: Int64) { ids.withLock { _ = $0.insert(id) } }

    /// Removes `id`; returns whether it was there.
    func remove(_ id: Int64) -> Bool { ids.withLock { $0.remove(id) != nil } }
}
