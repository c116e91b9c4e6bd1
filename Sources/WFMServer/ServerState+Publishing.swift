import Foundation
import WFMPlanning

extension ServerState {
    /// Publishes plan `planID`'s roster as its center's next version, one publish per center at
    /// a time (plans may run meanwhile: they write folders of their own): `wfm publish` over a copy of the last version, then the new version's folder
    /// stored in one transaction (a server killed meanwhile still serves the last version).
    /// - Returns: the version's number and `wfm publish`'s outcome (`wfm.publish/1`).
    func publish(planID: Int64) async throws -> (version: Int, outcome: String) {
        let plan = try await finishedPlan(planID)
        let result = try await publishing.run(center: plan.centerID, id: planID) { () async throws -> (Int, String) in
            let planFolder = try await self.planFolder(plan)
            let centerFolder = self.workspace.centerFolder(plan.centerID)
            let published = self.workspace.publishedFolder(plan.centerID)
            try? FileManager.default.removeItem(atPath: published)
            let last = try await self.store.versions(centerID: plan.centerID).last
            if let last {
                let files = try await self.store.versionFiles(centerID: plan.centerID, version: last.version)
                try Workspace.write(files, into: PublishJob.versionFolder(published, last.version))
            }
            let path = { (name: String) in (planFolder as NSString).appendingPathComponent(name) }
            let job = PublishJob(rosterPath: path("roster.csv"), configPath: (centerFolder as NSString).appendingPathComponent(CenterOverview.configName),
                                 forecastPath: path("forecast.csv"), publishedDirectory: published)
            let outcome: PublishJob.Outcome
            do {
                outcome = try await BackgroundWork.run { try job.run() }
            } catch {
                throw APIProblem.from(error, folder: centerFolder)
            }
            let files = try Workspace.read(folder: PublishJob.versionFolder(published, outcome.version))
            let text = InputProblem.relative(try outcome.json(), to: published)
            try await self.store.insertVersion(centerID: plan.centerID, version: outcome.version, planID: plan.id, outcome: text, files: files)
            return (outcome.version, text)
        }
        guard let result else { throw APIProblem.conflict("the publish was cancelled") }
        return result
    }

    /// The version `number` of center `centerID` (the latest when nil), or a 404 problem.
    func version(centerID: Int64, _ number: Int?) async throws -> VersionRow {
        let versions = try await store.versions(centerID: centerID)
        guard let version = number.map({ number in versions.first { $0.version == number } }) ?? versions.last else {
            throw APIProblem.notFound(number.map { "version \($0) of center \(centerID)" } ?? "a published version of center \(centerID)")
        }
        return version
    }
}
