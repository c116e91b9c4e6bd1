import Foundation
import Testing
import Yams
import _WFMTestSupport
@testable import WFMServer

/// The checked-in OpenAPI document describes exactly the routes the server registers.
@Suite struct OpenAPIDocumentTests {
    private func document() throws -> [String: Any] {
        let text = try String(contentsOf: projectRoot.appendingPathComponent("Sources/WFMServer/Static/openapi.yaml"), encoding: .utf8)
        return try #require(try Yams.load(yaml: text) as? [String: Any])
    }

    @Test func theDocumentIsOpenAPI31() throws {
        let document = try document()
        #expect(document["openapi"] as? String == "3.1.0")
    }

    @Test func everyRouteIsDocumentedAndEveryDocumentedRouteExists() async throws {
        let harness = try ServerHarness()
        let (_, routes) = try await WFMServerApp.router(harness.options)
        let registered = Set(routes.filter { $0.split(separator: " ")[1].hasPrefix("/api/") })
        let paths = try #require(try document()["paths"] as? [String: [String: Any]])
        let methods: Set<String> = ["get", "put", "post", "delete", "patch"]
        let documented = Set(paths.flatMap { path, operations in
            operations.keys.filter(methods.contains).map { "\($0.uppercased()) \(path)" }
        })
        #expect(registered.subtracting(documented).sorted() == [], "routes missing from openapi.yaml")
        #expect(documented.subtracting(registered).sorted() == [], "documented routes the server does not have")
        #expect(registered.count >= 30)
    }

    @Test func everyOperationDescribesItsErrorsAsProblems() throws {
        let paths = try #require(try document()["paths"] as? [String: [String: Any]])
        for (path, operations) in paths {
            for (method, operation) in operations where method != "parameters" {
                let responses = (operation as? [String: Any])?["responses"] as? [String: Any]
                let fallback = responses?["default"] as? [String: Any]
                #expect(fallback?["$ref"] as? String == "#/components/responses/Problem", "\(method) \(path)")
            }
        }
    }

    @Test func theServerServesTheDocument() async throws {
        let response = try await ServerHarness().run { try await $0.request(.get, "/api/openapi.yaml") }
        #expect(response.status == .ok)
        #expect(response.text.hasPrefix("openapi: 3.1.0"))
    }
}
