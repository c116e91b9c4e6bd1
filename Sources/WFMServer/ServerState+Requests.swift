import Foundation
import WFMPlanning

extension ServerState {
    /// Decides `requestsCSV` (requests.csv) against center `centerID`'s latest published
    /// roster (or, before the first publish, its latest plan) as `wfm requests` does, in a
    /// folder of its own (plans and publishes may run meanwhile); the roster after the
    /// approvals becomes a plan of its own, ready to publish.
    /// - Returns: the batch's id.
    func decideRequests(centerID: Int64, requestsCSV: String) async throws -> Int64 {
        _ = try await center(centerID)
        let basePlanID: Int64
        if let version = try await store.versions(centerID: centerID).last {
            basePlanID = version.planID
        } else if let plan = try await store.plans(centerID: centerID).first(where: { $0.state == .succeeded }) {
            basePlanID = plan.id
        } else {
            throw APIProblem.conflict("center \(centerID) has no roster yet: run a plan first")
        }
        let base = try await finishedPlan(basePlanID)
        let planFolder = try await self.planFolder(base)
        let centerFolder = workspace.centerFolder(centerID)
        let scratch = try workspace.scratchFolder(center: centerID, "requests")
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let requestsPath = (scratch as NSString).appendingPathComponent("requests.csv")
        try Workspace.write([.init(name: "requests.csv", content: requestsCSV)], into: scratch)
        let out = (scratch as NSString).appendingPathComponent("out")
        let path = { (name: String) in (planFolder as NSString).appendingPathComponent(name) }
        let job = RequestsJob(configPath: (centerFolder as NSString).appendingPathComponent(CenterOverview.configName),
                              forecastPath: path("forecast.csv"), rosterPath: path("roster.csv"), requestsPath: requestsPath,
                              outDirectory: out, overwrite: true)
        let outcome: String
        do {
            outcome = try await BackgroundWork.run { try job.run().json() }
        } catch {
            throw APIProblem.from(error, folder: scratch)
        }
        var files = try Workspace.read(folder: out)
        if let forecast = try await store.planFile(base.id, "forecast.csv") { files.append(.init(name: "forecast.csv", content: forecast)) }
        let relative = InputProblem.relative(InputProblem.relative(outcome, to: out), to: planFolder)
        return try await store.insertRequestBatch(centerID: centerID, planID: base.id, requestsCSV: requestsCSV, outcome: relative,
                                                  resultFiles: files)
    }
}
