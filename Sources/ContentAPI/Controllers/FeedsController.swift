import Aggregator
import FeedFetchers
import Foundation
import HTTPTypes
import Hummingbird
import Moderation

/// The feeds endpoints (SPEC §3.4): list, create, get, change and delete a site's feeds.
struct FeedsController: Sendable {
    let store: any RoostStore
    let authenticator: Authenticator
    let policy: NetworkPolicy
    let now: @Sendable () -> Date

    func list(_ request: Request, context: some RequestContext) async throws -> Response {
        let key = try await authenticator.requireAdmin(request, context)
        var order = SortOrder.desc
        var services: [FeedService] = []
        for (name, value) in request.uri.queryParameters.map({ (String($0.key), String($0.value)) }) {
            switch name {
            case "order":
                guard let parsed = SortOrder(rawValue: value) else { throw APIError.badParameter("order", "must be asc or desc") }
                order = parsed
            case "services[]", "services":
                guard let service = FeedService(rawValue: value) else { throw APIError.badParameter("services[]", "has an unknown service \"\(value.prefix(40))\"") }
                services.append(service)
            case "api_key": break
            default: throw APIError.badParameter(name, "is not a parameter of this endpoint")
            }
        }
        let store = self.store
        let (chosenOrder, chosenServices) = (order, services)
        let (feeds, sections) = try await Blocking.run {
            (try store.feeds(siteId: key.siteId, order: chosenOrder, services: chosenServices), try store.sections(siteId: key.siteId))
        }
        let byId = Dictionary(uniqueKeysWithValues: sections.map { ($0.id, $0) })
        return JSONResponse.make(bytes: FeedWire.data { json in
            json.beginArray("feeds")
            for feed in feeds { FeedWire.writePair(feed, section: byId[feed.sectionId], detail: .listed, key: nil, into: &json) }
            json.endArray()
        })
    }

    func create(_ request: Request, context: some RequestContext) async throws -> Response {
        let key = try await authenticator.requireAdmin(request, context)
        let input = try FeedInput(try await RequestBody.object(request, context: context))
        let service = input.service ?? FeedService.rss.rawValue
        let attributes = input.attributes ?? [:]
        let problems = FeedValidation.problems(service: service, attributes: attributes, policy: policy)
        guard problems.isEmpty else { throw APIError.invalidFields(problems.map { .init(field: $0.field, message: $0.message) }) }
        let store = self.store
        let now = self.now()
        let kind = FeedService(rawValue: service) ?? .rss
        let (feed, section) = try await Blocking.run { () throws -> (Feed, Section) in
            let section = try Self.resolveSection(input.section, siteId: key.siteId, store: store, now: now)
            let plain = try Self.storeCredentials(of: kind, attributes, name: input.name ?? nil, siteId: key.siteId, store: store, now: now)
            let new = NewFeed(siteId: key.siteId, sectionId: section.id, name: input.name ?? nil,
                              service: kind, attributes: plain,
                              moderationType: input.moderationType ?? .savedToInbox, enabled: input.enabled ?? true)
            return (try store.createFeed(new, now: now), section)
        }
        return JSONResponse.make(status: .created, bytes: FeedWire.data { json in
            FeedWire.writeMembers(feed, section: section, detail: .created, into: &json)
        })
    }

    func get(_ request: Request, context: some RequestContext) async throws -> Response {
        let key = try await authenticator.requireAdmin(request, context)
        let (feed, section) = try await find(request, context, siteId: key.siteId)
        return JSONResponse.make(bytes: FeedWire.data { json in FeedWire.writeMembers(feed, section: section, detail: .detailed, into: &json) })
    }

    func update(_ request: Request, context: some RequestContext) async throws -> Response {
        let key = try await authenticator.requireAdmin(request, context)
        let (feed, section) = try await find(request, context, siteId: key.siteId)
        let input = try FeedInput(try await RequestBody.object(request, context: context))
        if input.section != nil { throw APIError.invalidField("section", "cannot be changed; create a new feed in the other section") }
        if let service = input.service, service != feed.service.rawValue {
            throw APIError.invalidField("feed.feed_type", "cannot be changed; create a new feed of the other type")
        }
        if let attributes = input.attributes {
            let problems = FeedValidation.problems(service: feed.service.rawValue, attributes: attributes, policy: policy)
            guard problems.isEmpty else { throw APIError.invalidFields(problems.map { .init(field: $0.field, message: $0.message) }) }
        }
        let store = self.store
        let now = self.now()
        let updated = try await Blocking.run { () throws -> Feed? in
            var attributes = try input.attributes.map {
                try Self.storeCredentials(of: feed.service, $0, name: feed.name, siteId: key.siteId, store: store, now: now)
            }
            // New attributes without a connection keep the one the feed had.
            if attributes != nil, attributes?[Feed.connectionAttribute] == nil, let linked = feed.attributes[Feed.connectionAttribute] {
                attributes?[Feed.connectionAttribute] = linked
            }
            let changes = FeedChanges(name: input.name, moderationType: input.moderationType, enabled: input.enabled, attributes: attributes)
            return try store.updateFeed(id: feed.id, changes, now: now)
        }
        guard let updated else { throw APIError.notFound("feed") }
        return JSONResponse.make(bytes: FeedWire.data { json in FeedWire.writeMembers(updated, section: section, detail: .detailed, into: &json) })
    }

    /// `POST /v2/:site/feeds/:feedId/fetch`: the feed is fetched as soon as the scheduler sees
    /// it (within a second), whatever its interval; a platform's rate limit still applies. 202.
    func fetchNow(_ request: Request, context: some RequestContext) async throws -> Response {
        let key = try await authenticator.requireAdmin(request, context)
        let (feed, section) = try await find(request, context, siteId: key.siteId)
        guard feed.enabled else { throw APIError.invalidField("enabled", "the feed is disabled; enable it with PATCH before fetching it") }
        let store = self.store
        let now = self.now()
        _ = try await Blocking.run { try store.requestFetch(feedId: feed.id, siteId: key.siteId, now: now) }
        return JSONResponse.make(status: .accepted, bytes: FeedWire.data { json in FeedWire.writeMembers(feed, section: section, detail: .detailed, into: &json) })
    }

    func delete(_ request: Request, context: some RequestContext) async throws -> Response {
        let key = try await authenticator.requireAdmin(request, context)
        let (feed, section) = try await find(request, context, siteId: key.siteId)
        let store = self.store
        _ = try await Blocking.run { try store.deleteFeed(id: feed.id) }
        return JSONResponse.make(bytes: FeedWire.data { json in FeedWire.writeMembers(feed, section: section, detail: .detailed, into: &json) })
    }

    private func find(_ request: Request, _ context: some RequestContext, siteId: Int64) async throws -> (Feed, Section?) {
        let id = try context.parameters.require("feedId")
        let store = self.store
        let found = try await Blocking.run { () throws -> (Feed, Section?)? in
            guard let feed = try store.feed(siteId: siteId, idOrUUID: id) else { return nil }
            return (feed, try store.section(siteId: siteId, idOrUUID: String(feed.sectionId)))
        }
        guard let found else { throw APIError.notFound("feed \(id.prefix(64))") }
        return found
    }

    /// A platform feed's attributes without secrets (`FeedCredentials`), problems as a 422.
    static func storeCredentials(of service: FeedService, _ attributes: [String: FeedAttribute], name: String?, siteId: Int64,
                                 store: any RoostStore, now: Date) throws -> [String: FeedAttribute] {
        do {
            return try FeedCredentials.store(service: service, attributes: attributes, feedName: name, siteId: siteId, store: store, now: now)
        } catch let error as FeedProblems {
            throw APIError.invalidFields(error.problems.map { .init(field: $0.field, message: $0.message) })
        }
    }

    /// The section a new feed goes into: named by id or UUID (which must exist), or by a
    /// name (found or created); the site's `default` section when the request names none.
    static func resolveSection(_ reference: FeedInput.SectionReference?, siteId: Int64, store: any RoostStore, now: Date) throws -> Section {
        switch reference {
        case .id(let id)?:
            guard let section = try store.section(siteId: siteId, idOrUUID: String(id)) else {
                throw APIError.invalidField("section.id", "names no section of this site")
            }
            return section
        case .uuid(let uuid)?:
            guard let section = try store.section(siteId: siteId, idOrUUID: uuid), Int64(uuid) == nil else {
                throw APIError.invalidField("section.uuid", "names no section of this site")
            }
            return section
        case .idAndUUID(let id, let uuid)?:
            guard let section = try store.section(siteId: siteId, idOrUUID: uuid), Int64(uuid) == nil else {
                throw APIError.invalidField("section.uuid", "names no section of this site")
            }
            guard section.id == id else { throw APIError.invalidField("section.id", "names another section than section.uuid") }
            return section
        case .name(let name)?:
            return try store.section(siteId: siteId, named: name, now: now)
        case nil:
            return try store.section(siteId: siteId, named: "default", now: now)
        }
    }
}
