import Aggregator
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

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

    /// The operator inbox page, locked down by its CSP; its embeds panel is `/admin/embeds.js` (a resource).
    func adminPage(_ request: Request, context: some RequestContext) async throws -> Response {
        let headers: HTTPFields = [
            .contentType: "text/html; charset=utf-8",
            .contentSecurityPolicy: "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'unsafe-inline'; img-src https: http: data:; connect-src 'self'; frame-src 'self'; frame-ancestors 'none'",
            .cacheControl: "no-store",
        ]
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: AdminPage.html)))
    }

    func openAPI(_ request: Request, context: some RequestContext) async throws -> Response {
        guard let bytes = OpenAPIDocument.bytes else {
            throw APIError(.server, status: .internalServerError, message: "the OpenAPI document is missing from this build (Resources/openapi.json)")
        }
        return JSONResponse.make(bytes: bytes)
    }
}
