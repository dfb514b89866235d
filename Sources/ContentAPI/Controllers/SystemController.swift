import Aggregator
import Foundation
import Hummingbird

/// `GET /health` and `GET /openapi.json`: no key needed.
struct SystemController: Sendable {
    let store: any RoostStore

    func health(_ request: Request, context: some RequestContext) async throws -> Response {
        let store = self.store
        let sites = try await Blocking.run { try store.siteCount() }
        var json = JSONWriter()
        json.beginObject()
        json.string("status", "ok")
        json.integer("sites", sites)
        json.endObject()
        return JSONResponse.make(bytes: json.bytes)
    }

    func openAPI(_ request: Request, context: some RequestContext) async throws -> Response {
        JSONResponse.make(bytes: Array(OpenAPIDocument.json.utf8))
    }
}
