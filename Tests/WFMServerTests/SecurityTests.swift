import Foundation
import Hummingbird
import Testing
@testable import WFMServer

/// Loopback by default; a token for anything else, checked on every API request.
@Suite struct SecurityTests {
    @Test func aTokenIsRequiredOnEveryAPIRouteButNotForThePage() async throws {
        let token = "a-long-enough-token-1234"
        try await ServerHarness(token: token).run { api in
            let missing = try await api.request(.get, "/api/centers", authorization: "")
            #expect(missing.status == .unauthorized)
            #expect(missing.contentType == "application/problem+json")
            #expect(try await api.request(.get, "/api/centers", authorization: "Bearer wrong-token-wrong-token").status == .unauthorized)
            #expect(try await api.request(.get, "/api/centers", authorization: "Bearer \(token)x").status == .unauthorized)
            #expect(try await api.request(.post, "/api/centers", json: ["files": [:]], authorization: "").status == .unauthorized)
            #expect(try await api.request(.get, "/api/centers").status == .ok)
            #expect(try await api.request(.get, "/api/health", authorization: "").status == .unauthorized)
            #expect(try await api.request(.get, "/api/health").text == "{\"status\":\"ok\"}")
            let page = try await api.request(.get, "/", authorization: "")
            #expect(page.status == .ok)
            #expect(page.text.contains("<title>wfm"))
        }
    }

    @Test func listeningBeyondLoopbackNeedsAToken() throws {
        #expect(throws: ServerError.self) { try ServerOptions(dataFolder: "/tmp/x", host: "0.0.0.0").check() }
        #expect(throws: ServerError.self) { try ServerOptions(dataFolder: "/tmp/x", host: "0.0.0.0", token: "short").check() }
        try ServerOptions(dataFolder: "/tmp/x", host: "0.0.0.0", token: "a-long-enough-token-1234").check()
        try ServerOptions(dataFolder: "/tmp/x").check()
        #expect(throws: ServerError.self) { try ServerOptions(dataFolder: "/tmp/x", port: 70_000).check() }
    }

    @Test func tokensCompareByValueWhateverTheirLengths() {
        let equal = BearerTokenMiddleware<BasicRequestContext>.constantTimeEqual
        #expect(equal(Array("secret-token".utf8), Array("secret-token".utf8)))
        #expect(!equal(Array("secret-token".utf8), Array("secret-tokem".utf8)))
        #expect(!equal(Array("secret".utf8), Array("secret-token".utf8)))
        #expect(!equal([], Array("x".utf8)))
    }

    @Test func fileNamesWithFoldersOrHiddenNamesAreNotPlain() {
        for name in ["../a.csv", "a/b.csv", ".hidden", "..", "", String(repeating: "a", count: 101), "a b.csv", "é.csv"] {
            #expect(!ServerState.isPlainFileName(name), "\(name)")
        }
        for name in ["center.yaml", "agents-2026_v1.csv"] { #expect(ServerState.isPlainFileName(name)) }
    }

    @Test func thePageIsServedWithAContentSecurityPolicyAndNoCDN() async throws {
        try await ServerHarness().run { api in
            for path in ["/", "/app.js", "/app.css"] {
                let response = try await api.request(.get, path)
                #expect(response.status == .ok, "\(path)")
                #expect(!response.text.contains("https://"), "\(path) loads nothing from elsewhere")
            }
        }
    }
}

/// A method a path does not have is 405 with the methods it has, not 404.
@Suite struct MethodTests {
    @Test func anUnlistedMethodIs405WithAllow() async throws {
        try await ServerHarness().run { api in
            let response = try await api.request(.put, "/api/centers")
            #expect(response.status == .methodNotAllowed)
            #expect(response.contentType == "application/problem+json")
            #expect(response.text.contains("GET") && response.text.contains("POST"))
        }
    }
}
