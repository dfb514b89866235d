import Aggregator
import FeedFetchers
import Foundation
import Hummingbird
import Moderation

/// `GET`/`PUT /v2/:site/moderation/rules`, `POST .../rules/preview` and `GET .../moderation/log`.
struct RulesController: Sendable {
    let store: any RoostStore
    let moderation: ModerationController
    let now: @Sendable () -> Date

    func get(_ request: Request, context: some RequestContext) async throws -> Response {
        let key = try await moderation.authenticator.requireAdmin(request, context)
        let store = self.store
        let rules = try await Blocking.run { try store.ruleSet(siteId: key.siteId) }
        return try Self.respond(rules.jsonObject)
    }

    /// Replaces the rules; `?reevaluate=true` decides the inbox again (operator decisions stay).
    func put(_ request: Request, context: some RequestContext) async throws -> Response {
        let key = try await moderation.authenticator.requireAdmin(request, context)
        let reevaluate = try Self.flag(request, "reevaluate")
        let rules = try Self.ruleSet(try await RequestBody.object(request, context: context))
        let store = self.store
        let now = self.now()
        let changed = try await Blocking.run { () throws -> Int in
            try store.saveRuleSet(siteId: key.siteId, rules, keyId: key.keyId, now: now)
            guard reevaluate else { return 0 }
            return try ModerationService(store: store).reevaluateInbox(siteId: key.siteId, ruleSet: rules, now: now)
        }
        var object = rules.jsonObject
        if reevaluate { object["reevaluated"] = changed }
        return try Self.respond(object)
    }

    /// What a rule set would decide for the site's recent posts, changing nothing.
    func preview(_ request: Request, context: some RequestContext) async throws -> Response {
        let key = try await moderation.authenticator.requireAdmin(request, context)
        let rules = try Self.ruleSet(try await RequestBody.object(request, context: context))
        let service = ModerationService(store: store)
        // Decided with the context ingest uses, so the spam rule's near-duplicates show too.
        let previewed = try await Blocking.run { try service.preview(siteId: key.siteId, ruleSet: rules, limit: 200) }
        return JSONResponse.make(bytes: FeedWire.result { json in
            json.beginArray("data")
            for (stored, decision) in previewed {
                json.beginObject()
                json.integer("flocklerId", Int(stored.flocklerId))
                json.string("title", stored.post.title)
                json.string("currentState", stored.state.rawValue)
                json.string("state", decision.state.rawValue)
                json.string("decidedBy", decision.decidedBy.rawValue)
                json.number("score", decision.score)
                ModerationWire.writeReasons(decision.reasons, into: &json)
                json.bool("operatorDecided", stored.moderation.decidedBy == .operator)
                json.endObject()
            }
            json.endArray()
        })
    }

    func log(_ request: Request, context: some RequestContext) async throws -> Response {
        let key = try await moderation.authenticator.requireAdmin(request, context)
        var limit = 50
        var before: Int64?
        for (name, value) in request.uri.queryParameters.map({ (String($0.key), String($0.value)) }) {
            switch name {
            case "count":
                guard let parsed = Int(value), (1...500).contains(parsed) else { throw APIError.badParameter("count", "must be between 1 and 500") }
                limit = parsed
            case "before":
                guard let parsed = Int64(value), parsed > 0 else { throw APIError.badParameter("before", "must be a log entry id") }
                before = parsed
            case "api_key": break
            default: throw APIError.badParameter(name, "is not a parameter of this endpoint")
            }
        }
        let store = self.store
        let (entries, cursor) = (limit, before)
        let log = try await Blocking.run { try store.auditLog(siteId: key.siteId, limit: entries, beforeId: cursor) }
        return JSONResponse.make(bytes: FeedWire.result { json in ModerationWire.writeHistory(log, key: "data", into: &json) })
    }

    private static func ruleSet(_ body: [String: Any]) throws -> RuleSet {
        do {
            return try RuleSet.from(json: body)
        } catch {
            throw APIError.invalidFields(error.problems.map { .init(field: $0.field, message: $0.message) })
        }
    }

    private static func flag(_ request: Request, _ name: String) throws -> Bool {
        guard let value = request.uri.queryParameters[name[...]] else { return false }
        switch value {
        case "true", "1": return true
        case "false", "0": return false
        default: throw APIError.badParameter(name, "must be true or false")
        }
    }

    private static func respond(_ object: [String: Any]) throws -> Response {
        let data = try JSONSerialization.data(withJSONObject: ["result": ["success": true, "data": object]], options: [.sortedKeys])
        return JSONResponse.make(bytes: Array(data))
    }
}
