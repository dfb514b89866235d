import Aggregator
import Foundation
import Hummingbird

/// `/v2/:site/api-keys` (SPEC §3.7, the Flow seed's key management), admin only: a site's
/// keys with names, scopes and last use; the secret appears once, in the answer to `POST`.
/// The site's last admin key can be neither deleted nor demoted (422), so a site can always
/// be managed. The feeds' envelope: `data.api_keys[]`, `data.api_key`.
struct APIKeysController: Sendable {
    let store: any RoostStore
    let authenticator: Authenticator
    let now: @Sendable () -> Date

    /// `GET /v2/:site/api-keys`: the site's keys, oldest first.
    func list(_ request: Request, context: some RequestContext) async throws -> Response {
        let key = try await authenticator.requireAdmin(request, context)
        let store = self.store
        let keys = try await Blocking.run { try store.apiKeys(siteId: key.siteId) }
        return JSONResponse.make(bytes: FeedWire.data { json in
            json.beginArray("api_keys")
            for apiKey in keys { APIKeyWire.write(apiKey, key: nil, into: &json) }
            json.endArray()
        })
    }

    /// `GET /v2/:site/api-keys/:keyId`: one key.
    func get(_ request: Request, context: some RequestContext) async throws -> Response {
        let key = try await authenticator.requireAdmin(request, context)
        let id = try Self.keyId(context)
        let store = self.store
        guard let found = try await Blocking.run({ try store.apiKey(siteId: key.siteId, id: id) }) else {
            throw APIError.notFound("API key \(id)")
        }
        return Self.respond(found)
    }

    /// `POST /v2/:site/api-keys`: a new key, answered with its secret this once.
    func create(_ request: Request, context: some RequestContext) async throws -> Response {
        let key = try await authenticator.requireAdmin(request, context)
        let input = try APIKeyInput(try await RequestBody.object(request, context: context), creating: true)
        guard let name = input.name, let scope = input.scope else { throw APIError.invalidField("name", "is required") }
        let (store, now) = (self.store, self.now())
        let (created, secret) = try await Blocking.run { try store.createKey(siteId: key.siteId, scope: scope, name: name, now: now) }
        return Self.respond(created, secret: secret, status: .created)
    }

    /// `PATCH /v2/:site/api-keys/:keyId`: a new name or scope.
    func update(_ request: Request, context: some RequestContext) async throws -> Response {
        let key = try await authenticator.requireAdmin(request, context)
        let id = try Self.keyId(context)
        let input = try APIKeyInput(try await RequestBody.object(request, context: context), creating: false)
        let store = self.store
        let updated = try await Self.translating(field: "scope") {
            try await Blocking.run { try store.updateKey(siteId: key.siteId, id: id, name: input.name, scope: input.scope) }
        }
        if input.scope != nil { authenticator.forgetCachedKeys() }
        return Self.respond(updated)
    }

    /// `DELETE /v2/:site/api-keys/:keyId`: the key stops working; answers it as it was.
    func delete(_ request: Request, context: some RequestContext) async throws -> Response {
        let key = try await authenticator.requireAdmin(request, context)
        let id = try Self.keyId(context)
        let (store, now) = (self.store, self.now())
        let deleted = try await Self.translating(field: "id") {
            try await Blocking.run { try store.deleteKey(siteId: key.siteId, id: id, now: now) }
        }
        authenticator.forgetCachedKeys()
        return Self.respond(deleted)
    }

    private static func respond(_ apiKey: APIKey, secret: String? = nil, status: HTTPResponse.Status = .ok) -> Response {
        JSONResponse.make(status: status, bytes: FeedWire.data { json in APIKeyWire.write(apiKey, secret: secret, key: "api_key", into: &json) })
    }

    /// The store's refusals as API errors: an unknown key is 404, the last admin key 422.
    private static func translating<T>(field: String, _ work: () async throws -> T) async throws -> T {
        do {
            return try await work()
        } catch let error as APIKeyStoreError {
            switch error {
            case .notFound(let id): throw APIError.notFound("API key \(id)")
            case .lastAdminKey: throw APIError(.validation, status: .unprocessableContent, message: error.description,
                                               details: [.init(field: field, message: "would leave the site without an admin key")])
            }
        }
    }

    private static func keyId(_ context: some RequestContext) throws -> Int64 {
        guard let id = Int64(try context.parameters.require("keyId")), id > 0 else {
            throw APIError.badParameter("keyId", "must be a positive integer, the id of an API key")
        }
        return id
    }
}

/// The members of a create or update request: `name` and `scope`, bare or inside `api_key`.
struct APIKeyInput {
    var name: String?
    var scope: KeyScope?

    /// Reads and checks a body; creating needs both members, an update at least one.
    init(_ body: [String: Any], creating: Bool) throws(APIError) {
        let object = body["api_key"] as? [String: Any] ?? body
        var problems: [APIError.Detail] = []
        for field in object.keys.sorted() where field != "name" && field != "scope" {
            problems.append(.init(field: field, message: "is not a field of an API key (name, scope)"))
        }
        if let value = object["name"] {
            let text = (value as? String)?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if (1...100).contains(text.count), !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                name = text
            } else {
                problems.append(.init(field: "name", message: "must be a string of 1 to 100 characters without control characters"))
            }
        } else if creating {
            problems.append(.init(field: "name", message: "is required: what the key is for, e.g. \"Lobby screen\""))
        }
        if let value = object["scope"] {
            if let text = value as? String, let parsed = KeyScope(rawValue: text) { scope = parsed } else {
                problems.append(.init(field: "scope", message: "must be read or admin"))
            }
        } else if creating {
            problems.append(.init(field: "scope", message: "is required: read (the posts endpoint only) or admin"))
        }
        if !creating, object.isEmpty {
            problems.append(.init(field: "name", message: "or scope is required: nothing to change"))
        }
        guard problems.isEmpty else { throw .invalidFields(problems) }
    }
}
