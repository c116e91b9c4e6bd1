import Foundation
import Testing
import _WFMTestSupport
@testable import WFMServer

/// Uploading a center: read by the commands' readers, refused with problem documents naming
/// the file, line and field, and never stored half.
@Suite struct UploadTests {
    @Test func aValidCenterIsStoredWithItsOverview() async throws {
        let files = try tinyCenterFiles()
        try await ServerHarness().run { api in
            let created = try await api.request(.post, "/api/centers", json: ["files": files])
            #expect(created.status == .created, "\(created.text)")
            let overview = try #require(created.object["overview"] as? [String: Any])
            #expect((overview["agents"] as? [Any])?.count == 8)
            #expect(overview["named_files"] as? [String] == ["agents.csv", "history.csv"])
            let id = try #require(created.object["id"] as? Int)
            #expect(try await api.request(.get, "/api/centers/\(id)").object["name"] as? String == "Center 1")
            #expect(try await api.request(.get, "/api/centers").array.count == 1)
            #expect(try await api.request(.delete, "/api/centers/\(id)").status == .noContent)
            #expect(try await api.request(.get, "/api/centers/\(id)").status == .notFound)
        }
    }

    @Test func aBadAgentsRowIsRefusedWithItsFileLineAndField() async throws {
        var files = try tinyCenterFiles()
        var lines = files["agents.csv"]!.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var fields = lines[2].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[2] = "no-such-contract"
        lines[2] = fields.joined(separator: ",")
        files["agents.csv"] = lines.joined(separator: "\n")
        let upload = files
        try await ServerHarness().run { api in
            let refused = try await api.request(.post, "/api/centers", json: ["files": upload])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.contentType == "application/problem+json")
            let errors = try #require(refused.object["errors"] as? [[String: Any]])
            #expect(errors.first?["file"] as? String == "agents.csv")
            #expect(errors.first?["line"] as? Int == 3)
            #expect(errors.first?["field"] as? String == "contract")
            #expect(!(refused.object["detail"] as? String ?? "").contains("/"), "no server path: \(refused.text)")
            #expect(try await api.request(.get, "/api/centers").array.isEmpty, "nothing stored")
        }
    }

    @Test func uploadsThatNameFoldersOrLackFilesAreRefused() async throws {
        let files = try tinyCenterFiles()
        try await ServerHarness().run { api in
            var traversal = files
            traversal["../escape.csv"] = "x"
            let named = try await api.request(.post, "/api/centers", json: ["files": traversal])
            #expect(named.status == .badRequest)
            #expect((named.object["detail"] as? String ?? "").contains("not a plain file name"))

            var missing = files
            missing["history.csv"] = nil
            let incomplete = try await api.request(.post, "/api/centers", json: ["files": missing])
            #expect(incomplete.status == .unprocessableContent, "\(incomplete.text)")
            #expect((incomplete.object["errors"] as? [[String: Any]])?.first?["file"] as? String == "history.csv")

            var outside = files
            outside["center.yaml"] = files["center.yaml"]!.replacingOccurrences(of: "history: \"history.csv\"", with: "history: ../history.csv")
            let escaping = try await api.request(.post, "/api/centers", json: ["files": outside])
            #expect(escaping.status == .unprocessableContent, "\(escaping.text)")
            #expect((escaping.object["errors"] as? [[String: Any]])?.first?["field"] as? String == "history")

            var extra = files
            extra["notes.csv"] = "a,b\n"
            #expect(try await api.request(.post, "/api/centers", json: ["files": extra]).status == .badRequest)
            #expect(try await api.request(.post, "/api/centers", json: ["files": ["agents.csv": "x"]]).status == .badRequest)
            let notJSON = try await api.request(.post, "/api/centers", text: "center.yaml", contentType: "application/json")
            #expect(notJSON.status == .badRequest)
            #expect(notJSON.contentType == "application/problem+json")
            #expect(try await api.request(.get, "/api/centers").array.isEmpty)
        }
    }

    @Test func aBodyOverTheLimitIsRefusedWith413() async throws {
        let files = try tinyCenterFiles()
        try await ServerHarness(maxBodyBytes: 10_000).run { api in
            let response = try await api.request(.post, "/api/centers", json: ["files": files])
            #expect(response.status == .contentTooLarge)
            #expect(response.contentType == "application/problem+json")
        }
    }

    @Test func unknownIdsAreProblemsNot500s() async throws {
        try await ServerHarness().run { api in
            for uri in ["/api/centers/99", "/api/plans/99", "/api/centers/abc", "/api/plans/-1/roster.csv", "/api/centers/1/versions",
                        "/api/centers/1/agents/A1/calendar.ics", "/api/no-such-route"] {
                let response = try await api.request(.get, uri)
                #expect(response.status == .notFound, "\(uri): \(response.status)")
                #expect(response.contentType == "application/problem+json", "\(uri)")
            }
        }
    }
}
