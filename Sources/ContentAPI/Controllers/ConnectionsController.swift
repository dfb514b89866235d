import Aggregator
import FeedFetchers
import Foundation
import Hummingbird

/// `/v2/:site/connections` (SPEC §3.6): a site's platform credentials, admin only; secrets
/// are stored and never returned. The feeds' envelope: `data.connections[]`, `data.connection`.
struct ConnectionsController: Sendable {
    let store: any RoostStore
    let authenticator: Authenticator
    let now: @Sendable () -> Date
    /// Checks connections against their platforms; nil where the server was built without one.
    var verifier: ConnectionVerifier? = nil

    func list(_ request: Request, context: some RequestContext) async throws -> Response {
        let key = try await authenticator.requireAdmin(request, context)
        let store = self.store
        let connections = try await Blocking.run { try store.connections(siteId: key.siteId) }
        return JSONResponse.make(bytes: FeedWire.data { json in
            json.beginArray("connections")
            for connection in connections { ConnectionWire.write(connection, key: nil, into: &json) }
            json.endArray()
        })
    }

    func get(_ request: Request, context: some RequestContext) async throws -> Response {
        let key = try await authenticator.requireAdmin(request, context)
        let connection = try await find(context, siteId: key.siteId)
        return JSONResponse.make(bytes: FeedWire.data { json in ConnectionWire.write(connection, key: "connection", into: &json) })
    }

    func create(_ request: Request, context: some RequestContext) async throws -> Response {
        let key = try await authenticator.requireAdmin(request, context)
        let body = try await RequestBody.object(request, context: context)
        let object = body["connection"] as? [String: Any] ?? body
        let input = try Self.input(object)
        let problems = ConnectionValidation.problems(service: input.service, credentials: input.credentials)
        guard problems.isEmpty else { throw APIError.invalidFields(problems.map { .init(field: $0.field, message: $0.message) }) }
        guard let service = FeedService(rawValue: input.service) else { throw APIError.invalidField("service", "is not a platform Roost connects to") }
        let store = self.store
        let now = self.now()
        let credentials = ConnectionValidation.normalizedCredentials(service: input.service, input.credentials)
        let new = NewConnection(siteId: key.siteId, service: service, name: input.name, credentials: credentials)
        let connection = try await Blocking.run { try store.createConnection(new, now: now) }
        return JSONResponse.make(status: .created, bytes: FeedWire.data { json in ConnectionWire.write(connection, key: "connection", into: &json) })
    }

    func delete(_ request: Request, context: some RequestContext) async throws -> Response {
        let key = try await authenticator.requireAdmin(request, context)
        let connection = try await find(context, siteId: key.siteId)
        let store = self.store
        _ = try await Blocking.run { try store.deleteConnection(id: connection.id) }
        return JSONResponse.make(bytes: FeedWire.data { json in ConnectionWire.write(connection, key: "connection", into: &json) })
    }

    func find(_ context: some RequestContext, siteId: Int64) async throws -> Connection {
        let id = try context.parameters.require("connectionId")
        let store = self.store
        guard let connection = try await Blocking.run({ try store.connection(siteId: siteId, idOrUUID: id) }) else {
            throw APIError.notFound("connection \(id.prefix(64))")
        }
        return connection
    }

    /// The members of a create request: `service`, `credentials` (strings), optional `name`.
    private static func input(_ object: [String: Any]) throws(APIError) -> (service: String, name: String?, credentials: [String: String]) {
        var problems: [APIError.Detail] = []
        for key in object.keys where !["service", "name", "credentials"].contains(key) {
            problems.append(.init(field: key, message: "is not a field of a connection (service, name, credentials)"))
        }
        let service = object["service"] as? String
        if service == nil { problems.append(.init(field: "service", message: "is required: the platform, e.g. twitter_v2")) }
        var name: String?
        if let value = object["name"], !(value is NSNull) {
            if let text = value as? String, text.count <= 200 { name = text.isEmpty ? nil : text } else {
                problems.append(.init(field: "name", message: "must be a string of at most 200 characters"))
            }
        }
        var credentials: [String: String] = [:]
        if let raw = object["credentials"] as? [String: Any] {
            for (field, value) in raw {
                if let text = value as? String { credentials[field] = text.trimmingCharacters(in: .whitespacesAndNewlines) } else {
                    problems.append(.init(field: "credentials.\(field)", message: "must be a string"))
                }
            }
        } else {
            problems.append(.init(field: "credentials", message: "is required: an object of the platform's credential fields"))
        }
        guard problems.isEmpty, let service else { throw .invalidFields(problems) }
        return (service, name, credentials)
    }
}
