import Aggregator
import FeedFetchers
import Foundation
import HTTPTypes
import Hummingbird
import Moderation

/// The operator endpoints of SPEC §3.5: the inbox, one post with its history, publish,
/// hide, pin, unpin, tags, batches, the rule set, a dry run of rules, and the audit log.
/// Every one needs an admin key of the site; read keys get 403.
struct ModerationController: Sendable {
    let store: any RoostStore
    let authenticator: Authenticator
    let links: LinkBuilder
    let now: @Sendable () -> Date

    func inbox(_ request: Request, context: some RequestContext) async throws -> Response {
        let key = try await authenticator.requireAdmin(request, context)
        let parameters = request.uri.queryParameters.map { (String($0.key), String($0.value)) }
        let postsRequest = try PostsRequest(parameters)
        let store = self.store
        let query = postsRequest.query(siteId: key.siteId, state: .inbox)
        let page = try await Blocking.run { try store.posts(query) }
        let base = links.base(for: request)
        let path = "/v2/\(key.siteUUID)/inbox"
        let linkParameters = postsRequest.linkParameters()
        let body = PostsPageWire.encode(page.posts,
                                        newer: page.newer.map { links.link(base: base, path: path, parameters: linkParameters, cursor: $0) },
                                        older: page.older.map { links.link(base: base, path: path, parameters: linkParameters, cursor: $0) },
                                        extra: { stored, json in ModerationWire.writeModeration(stored, into: &json) })
        return JSONResponse.make(bytes: body, headers: [.cacheControl: "no-store"])
    }

    func post(_ request: Request, context: some RequestContext) async throws -> Response {
        let key = try await authenticator.requireAdmin(request, context)
        let id = try flocklerId(context)
        let store = self.store
        let (found, history) = try await Blocking.run { () throws -> (StoredPost?, [HistoryEntry]) in
            (try store.post(siteId: key.siteId, flocklerId: id), try store.history(siteId: key.siteId, flocklerId: id))
        }
        guard let found else { throw APIError.notFound("post \(id)") }
        return JSONResponse.make(bytes: FeedWire.result { json in ModerationWire.writePost(found, history: history, key: "data", into: &json) })
    }

    func publish(_ request: Request, context: some RequestContext) async throws -> Response {
        try await act(.publish, request, context)
    }

    func hide(_ request: Request, context: some RequestContext) async throws -> Response {
        try await act(.hide, request, context)
    }

    func unpin(_ request: Request, context: some RequestContext) async throws -> Response {
        try await act(.unpin, request, context)
    }

    func pin(_ request: Request, context: some RequestContext) async throws -> Response {
        let body = try await RequestBody.object(request, context: context)
        for field in body.keys where field != "index" { throw APIError.invalidField(field, "is not a field of a pin (only index)") }
        guard let raw = JSONScalar.integer(body["index"]), (0...10_000).contains(raw), case let index = Int(raw) else {
            throw APIError.invalidField("index", "is required: an integer from 0 to 10000")
        }
        return try await act(.pin(index: index), request, context)
    }

    func tags(_ request: Request, context: some RequestContext) async throws -> Response {
        let body = try await RequestBody.object(request, context: context)
        for field in body.keys where field != "tags" { throw APIError.invalidField(field, "is not a field that can be changed (only tags)") }
        guard let list = body["tags"] as? [Any], list.count <= 100,
              case let tags = list.compactMap({ ($0 as? String)?.trimmingCharacters(in: .whitespaces) }),
              tags.count == list.count, tags.allSatisfy({ !$0.isEmpty && $0.count <= 100 }) else {
            throw APIError.invalidField("tags", "must be a list of at most 100 tags of 1 to 100 characters")
        }
        var unique = [String]()
        for tag in tags where !unique.contains(where: { $0.lowercased() == tag.lowercased() }) { unique.append(tag) }
        return try await act(.tags(unique), request, context)
    }

    func batch(_ request: Request, context: some RequestContext) async throws -> Response {
        let key = try await authenticator.requireAdmin(request, context)
        let body = try await RequestBody.object(request, context: context)
        for field in body.keys where field != "action" && field != "ids" { throw APIError.invalidField(field, "is not a field of a batch") }
        let action: OperatorAction
        switch body["action"] as? String {
        case "publish": action = .publish
        case "hide": action = .hide
        default: throw APIError.invalidField("action", "must be publish or hide")
        }
        guard let list = body["ids"] as? [Any], !list.isEmpty, list.count <= 1000,
              case let ids = list.compactMap(JSONScalar.integer),
              ids.count == list.count, ids.allSatisfy({ $0 > 0 }) else {
            throw APIError.invalidField("ids", "must be a list of 1 to 1000 post ids")
        }
        let updated = try await run(action, ids: ids, key: key)
        return JSONResponse.make(bytes: FeedWire.result { json in
            json.beginObject("data")
            json.integer("updated", updated.count)
            json.endObject()
        })
    }

    private func act(_ action: OperatorAction, _ request: Request, _ context: some RequestContext) async throws -> Response {
        let key = try await authenticator.requireAdmin(request, context)
        let id = try flocklerId(context)
        guard let post = try await run(action, ids: [id], key: key).first else { throw APIError.notFound("post \(id)") }
        return JSONResponse.make(bytes: FeedWire.result { json in ModerationWire.writePost(post, history: nil, key: "data", into: &json) })
    }

    private func run(_ action: OperatorAction, ids: [Int64], key: AuthenticatedKey) async throws -> [StoredPost] {
        let store = self.store
        let now = self.now()
        do {
            return try await Blocking.run { try store.apply(action, to: ids, siteId: key.siteId, keyId: key.keyId, now: now) }
        } catch ModerationStoreError.notFound(let missing) {
            throw APIError(.notFound, status: .notFound,
                           message: "no post of this site has the id \(missing.map(String.init).joined(separator: ", ")); nothing was changed",
                           details: [.init(field: "ids", message: "unknown: \(missing.map(String.init).joined(separator: ", "))")])
        }
    }

    private func flocklerId(_ context: some RequestContext) throws -> Int64 {
        guard let id = Int64(try context.parameters.require("flocklerId")), id > 0 else {
            throw APIError.badParameter("flocklerId", "must be a positive integer")
        }
        return id
    }
}
