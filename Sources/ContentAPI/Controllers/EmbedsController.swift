import Aggregator
import FeedFetchers
import Foundation
import HTTPTypes
import Hummingbird

/// `GET`/`POST /v2/:site/embeds`, `GET`/`PATCH`/`DELETE /v2/:site/embeds/:embedId` and
/// `GET /v2/:site/embeds/:embedId/stats` (SPEC §3.9, admin key), in the feeds' envelope.
struct EmbedsController: Sendable {
    let store: any RoostStore
    let authenticator: Authenticator
    let links: LinkBuilder
    let now: @Sendable () -> Date

    /// `GET /v2/:site/embeds`: the site's embeds, oldest first.
    func list(_ request: Request, context: some RequestContext) async throws -> Response {
        let key = try await authenticator.requireAdmin(request, context)
        let store = self.store
        let embeds = try await Blocking.run { try store.embeds(siteId: key.siteId) }
        let base = links.base(for: request)
        return JSONResponse.make(bytes: FeedWire.data { json in
            json.beginArray("embeds")
            for embed in embeds { EmbedWire.write(embed, base: base, key: nil, into: &json) }
            json.endArray()
        })
    }

    /// `POST /v2/:site/embeds`: a new embed from the defaults and the body's members, with its read key.
    func create(_ request: Request, context: some RequestContext) async throws -> Response {
        let key = try await authenticator.requireAdmin(request, context)
        let body = try await RequestBody.object(request, context: context)
        let object = body["embed"] as? [String: Any] ?? body
        let settings = try EmbedSettings().applying(object, sectionIds: try await sectionIds(key.siteId))
        let store = self.store
        let now = self.now()
        let embed = try await Blocking.run { try store.createEmbed(siteId: key.siteId, settings: settings.storedText(), now: now) }
        return respond(embed, request: request, status: .created)
    }

    /// `GET /v2/:site/embeds/:embedId`: one embed by id or uuid.
    func get(_ request: Request, context: some RequestContext) async throws -> Response {
        let key = try await authenticator.requireAdmin(request, context)
        return respond(try await find(key, context), request: request)
    }

    /// `PATCH /v2/:site/embeds/:embedId`: changes only the members given.
    func update(_ request: Request, context: some RequestContext) async throws -> Response {
        let key = try await authenticator.requireAdmin(request, context)
        let existing = try await find(key, context)
        let body = try await RequestBody.object(request, context: context)
        let object = body["embed"] as? [String: Any] ?? body
        let settings = try EmbedSettings.stored(existing.settings).applying(object, sectionIds: try await sectionIds(key.siteId))
        let store = self.store
        let now = self.now()
        guard let embed = try await Blocking.run({ try store.updateEmbed(id: existing.id, settings: settings.storedText(), now: now) }) else {
            throw APIError.notFound("embed")
        }
        return respond(embed, request: request)
    }

    /// `DELETE /v2/:site/embeds/:embedId`: deletes the embed, its read key and counts; answers it as it was.
    func delete(_ request: Request, context: some RequestContext) async throws -> Response {
        let key = try await authenticator.requireAdmin(request, context)
        let existing = try await find(key, context)
        let store = self.store
        guard try await Blocking.run({ try store.deleteEmbed(id: existing.id) }) else { throw APIError.notFound("embed") }
        return respond(existing, request: request)
    }

    /// Daily views and clicks of one embed, and clicks per post: `from`/`to` as `YYYY-MM-DD`
    /// (UTC), by default the 30 days up to today.
    func stats(_ request: Request, context: some RequestContext) async throws -> Response {
        let key = try await authenticator.requireAdmin(request, context)
        let embed = try await find(key, context)
        let today = StatsDay.of(now())
        var from = StatsDay.of(now().addingTimeInterval(-29 * 86_400))
        var to = today
        for (name, value) in request.uri.queryParameters.map({ (String($0.key), String($0.value)) }) {
            switch name {
            case "from", "to":
                guard StatsDay.isValid(value) else { throw APIError.badParameter(name, "must be a date YYYY-MM-DD") }
                if name == "from" { from = value } else { to = value }
            case "api_key": break
            default: throw APIError.badParameter(name, "is not a parameter of this endpoint (from, to)")
            }
        }
        guard from <= to else { throw APIError.badParameter("from", "must not be after to") }
        let store = self.store
        let (lower, upper) = (from, to)
        let stats = try await Blocking.run { try store.embedStats(embedId: embed.id, from: lower, to: upper) }
        return JSONResponse.make(bytes: FeedWire.data { json in EmbedWire.writeStats(stats, embed: embed, from: lower, to: upper, into: &json) })
    }

    private func find(_ key: AuthenticatedKey, _ context: some RequestContext) async throws -> Embed {
        let id = try context.parameters.require("embedId")
        let store = self.store
        guard let embed = try await Blocking.run({ try store.embed(siteId: key.siteId, idOrUUID: id) }) else {
            throw APIError.notFound("embed \(id.prefix(64))")
        }
        return embed
    }

    private func sectionIds(_ siteId: Int64) async throws -> Set<Int64> {
        let store = self.store
        return Set(try await Blocking.run { try store.sections(siteId: siteId) }.map(\.id))
    }

    private func respond(_ embed: Embed, request: Request, status: HTTPResponse.Status = .ok) -> Response {
        let base = links.base(for: request)
        return JSONResponse.make(status: status, bytes: FeedWire.data { json in EmbedWire.write(embed, base: base, key: "embed", into: &json) })
    }
}
