import DeskHTTP
import Foundation

/// `GET /api/v1/openapi.json`: the OpenAPI 3.1 document of the agent API (`Resources/openapi.json`,
/// shipped with the binary as a resource bundle), read once at start-up.
struct OpenAPIRoutes: Sendable {
    /// The document's bytes.
    let document: [UInt8]

    /// Reads the bundled document; a binary without its resource bundle is a packaging error.
    init() {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"),
              let data = try? Data(contentsOf: url) else {
            preconditionFailure("deskd's resource bundle has no openapi.json: install it beside the binary")
        }
        document = Array(data)
    }

    func register(on router: Router<WorkerContext>) {
        let document = self.document
        router.get("/api/v1/openapi.json") { _, _ in
            HTTPResponse(status: .ok, headers: [
                "Content-Type": "application/json; charset=utf-8",
                "Cache-Control": "public, max-age=300",
            ], body: .bytes(document))
        }
    }
}
