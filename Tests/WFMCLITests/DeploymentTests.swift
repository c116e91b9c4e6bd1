import Foundation
import Testing
import _WFMTestSupport

/// The container and Kubernetes files, checked as far as a machine without a container engine
/// or a cluster can: the Containerfile builds as CI does, the manifests validate against a
/// current Kubernetes, and the Jobs' own commands, run as local processes with the indexed-job
/// variables, plan and merge.
@Suite(.serialized) struct DeploymentTests {
    /// Runs a project script; its exit status and both streams.
    func script(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let run = try WFMScript(arguments)
        return (run.status, run.output)
    }

    @Test func theContainerfileBuildsAsCIDoes() throws {
        let check = try script(["bash", "scripts/check-containerfile.sh"])
        #expect(check.status == 0, "\(check.output)")
        #expect(check.output.contains("make build: ensure-deps.sh, libglpk-dev libsqlite3-dev; runtime libglpk40 libsqlite3-0"), "\(check.output)")
    }

    @Test(.enabled(if: kubernetesValidate, "needs kubernetes-validate from PyPI (pip install kubernetes-validate)"))
    func theManifestsValidate() throws {
        let check = try script(["python3", "scripts/validate-manifests.py"])
        #expect(check.status == 0, "\(check.output)")
        #expect(check.output.contains("5 manifests and 1 workflow(s) valid"), "\(check.output)")
    }

    @Test(.enabled(if: pythonYAML, "needs python3 with PyYAML (pip install pyyaml)"))
    func theCentersJobsCommandsPlanAndMergeAsLocalProcesses() throws {
        let listing = try script(["python3", "scripts/validate-manifests.py", "--commands"])
        #expect(listing.status == 0, "\(listing.output)")
        let jobs = try #require(try JSONSerialization.jsonObject(with: Data(listing.output.utf8)) as? [[String: Any]])
        let plan = try #require(jobs.first { $0["name"] as? String == "wfm-plan-centers" })
        let merge = try #require(jobs.first { $0["name"] as? String == "wfm-plan-merge" })
        let data = try TemporaryDirectory()
        let local = { (arguments: Any?) in ((arguments as? [String]) ?? []).map { $0.replacingOccurrences(of: "/data", with: data.url.path) } }
        let generated = try runWFM(["bench", "generate", "--centers", "6", "--size", "small-30min", "--out", data.path("centers")])
        #expect(generated.status == 0, "\(generated.error)")
        let completions = try #require(plan["completions"] as? Int)
        let environment = try #require(plan["env"] as? [String: String])
        let pods = try (0..<completions).map {
            try WFMProcess(local(plan["args"]), environment: environment.merging(["JOB_COMPLETION_INDEX": "\($0)"]) { $1 })
        }
        for pod in pods {
            let result = try pod.finish()
            #expect(result.status == 0, "\(result.error)")
        }
        let gathered = try runWFM(local(merge["args"]))
        #expect([0, 2].contains(gathered.status), "\(gathered.error)")
        #expect(gathered.output.contains("6 centers: "), "\(gathered.output)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: data.path("plans/summary.json")))) as? [String: Any])
        #expect((summary["rows"] as? [Any])?.count == 6)
    }
}

/// Whether `kubernetes-validate` is on the PATH.
let kubernetesValidate = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
    .contains { FileManager.default.isExecutableFile(atPath: "\($0)/kubernetes-validate") }

/// Whether python3 can import PyYAML.
let pythonYAML: Bool = (try? WFMScript(["python3", "-c", "import yaml"]).status == 0) ?? false
