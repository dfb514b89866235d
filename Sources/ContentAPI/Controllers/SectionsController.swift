import Aggregator
import Foundation
import Hummingbird

/// `GET`/`POST /v2/:site/sections` (SPEC §3.4), in the feeds' envelope: `data.sections[]`, `data.section`.
struct SectionsController: Sendable {
    let store: any RoostStore
    let authenticator: Authenticator
    let now: @Sendable () -> Date

    func list(_ request: Request, context: some RequestContext) async throws -> Response {
        let key = try await authenticator.requireAdmin(request, context)
        let store = self.store
        let sections = try await Blocking.run { try store.sections(siteId: key.siteId) }
        return JSONResponse.make(bytes: FeedWire.data { json in
            json.beginArray("sections")
            for section in sections { FeedWire.writeSection(section, key: nil, into: &json) }
            json.endArray()
        })
    }

    func create(_ request: Request, context: some RequestContext) async throws -> Response {
        let key = try await authenticator.requireAdmin(request, context)
        let body = try await RequestBody.object(request, context: context)
        let object = body["section"] as? [String: Any] ?? body
        for field in object.keys where field != "name" {
            throw APIError.invalidField(field, "is not a field of a section (only name)")
        }
        guard let raw = object["name"] as? String, case let name = raw.trimmingCharacters(in: .whitespaces),
              !name.isEmpty, name.count <= 200 else {
            throw APIError.invalidField("name", "is required: a non-empty string of at most 200 characters")
        }
        let store = self.store
        let now = self.now()
        let section = try await Blocking.run { () throws -> Section? in
            if try store.sections(siteId: key.siteId).contains(where: { $0.name == name }) { return nil }
            return try store.section(siteId: key.siteId, named: name, now: now)
        }
        guard let section else { throw APIError(.conflict, status: .conflict, message: "a section named \(name) already exists") }
        return JSONResponse.make(status: .created, bytes: FeedWire.data { json in FeedWire.writeSection(section, key: "section", into: &json) })
    }
}
