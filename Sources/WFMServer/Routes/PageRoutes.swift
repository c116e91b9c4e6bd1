import Foundation
import Hummingbird

/// The page and the API's description, served from the files checked in under `Static/` and
/// built into the binary's resources: only these names, never a path from the request.
struct StaticFiles: Sendable {
    /// Name → media type, for every file served.
    static let served: [(name: String, type: String)] = [
        ("index.html", "text/html"), ("app.js", "text/javascript"), ("app.css", "text/css"), ("openapi.yaml", "application/yaml"),
    ]

    let contents: [String: String]

    /// Reads every served file from the module's resources.
    /// - Throws: ``ServerError`` naming a file the build did not include.
    init() throws {
        var contents: [String: String] = [:]
        for file in Self.served {
            let name = file.name as NSString
            guard let url = Bundle.module.url(forResource: name.deletingPathExtension, withExtension: name.pathExtension, subdirectory: "Static"),
                let text = try? String(contentsOf: url, encoding: .utf8)
            else { throw ServerError("the page's file \(file.name) is missing from the build (Sources/WFMServer/Static)") }
            contents[file.name] = text
        }
        self.contents = contents
    }
}

extension APIRouter {
    /// `/` (the page), its script and style sheet, and `/api/openapi.yaml`.
    mutating func addPageRoutes(_ files: StaticFiles) {
        let security: HTTPFields = [
            .contentSecurityPolicy: "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'",
            .xContentTypeOptions: "nosniff",
        ]
        for file in StaticFiles.served {
            let path = file.name == "index.html" ? "/" : file.name == "openapi.yaml" ? "/api/openapi.yaml" : "/\(file.name)"
            let text = files.contents[file.name] ?? ""
            on(.get, path) { _, _ in Reply.text(text, type: file.type, headers: security) }
        }
        on(.get, "/api/health") { _, _ in Reply.json("{\"status\":\"ok\"}") }
    }
}
