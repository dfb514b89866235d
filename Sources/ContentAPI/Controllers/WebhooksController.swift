import Aggregator
import FeedFetchers
import Foundation
import Hummingbird

/// `/v2/:site/webhooks` (SPEC §3.8, the Flow seed's endpoints): create, list, read, change and
/// delete webhooks, read their delivery history, and send a test event now. The signing secret
/// is shown once, in the create answer; URLs obey the network policy of fetching.
struct WebhooksController: Sendable {
    let store: any RoostStore
    let authenticator: Authenticator
    let policy: NetworkPolicy
    let dispatcher: WebhookDispatcher?
    let now: @Sendable () -> Date

    func list(_ request: Request, context: some RequestContext) async throws -> Response {
        let key = try await authenticator.requireAdmin(request, context)
        let store = self.store
        let webhooks = try await Blocking.run { try store.webhooks(siteId: key.siteId) }
        return JSONResponse.make(bytes: FeedWire.data { json in
            json.beginArray("webhooks")
            for webhook in webhooks { WebhookWire.write(webhook, key: nil, into: &json) }
            json.endArray()
        })
    }

    func create(_ request: Request, context: some RequestContext) async throws -> Response {
        let key = try await authenticator.requireAdmin(request, context)
        let input = try WebhookInput(try await RequestBody.object(request, context: context), policy: policy, creating: true)
        guard let url = input.url, let events = input.events else { throw APIError.invalidField("url", "is required") }
        let secret = WebhookSigner.newSecret()
        let new = NewWebhook(siteId: key.siteId, url: url, description: input.description ?? nil, events: events, secret: secret)
        let store = self.store
        let now = self.now()
        let webhook = try await Blocking.run { try store.createWebhook(new, now: now) }
        return JSONResponse.make(status: .created, bytes: FeedWire.data { json in
            WebhookWire.write(webhook, secret: secret, key: "webhook", into: &json)
        })
    }

    func get(_ request: Request, context: some RequestContext) async throws -> Response {
        let key = try await authenticator.requireAdmin(request, context)
        let webhook = try await find(context, siteId: key.siteId)
        return JSONResponse.make(bytes: FeedWire.data { json in WebhookWire.write(webhook, key: "webhook", into: &json) })
    }

    func update(_ request: Request, context: some RequestContext) async throws -> Response {
        let key = try await authenticator.requireAdmin(request, context)
        let webhook = try await find(context, siteId: key.siteId)
        let input = try WebhookInput(try await RequestBody.object(request, context: context), policy: policy, creating: false)
        let changes = WebhookChanges(url: input.url, description: input.description, events: input.events, active: input.active)
        let store = self.store
        let now = self.now()
        guard let updated = try await Blocking.run({ try store.updateWebhook(id: webhook.id, changes, now: now) }) else {
            throw APIError.notFound("webhook")
        }
        return JSONResponse.make(bytes: FeedWire.data { json in WebhookWire.write(updated, key: "webhook", into: &json) })
    }

    func delete(_ request: Request, context: some RequestContext) async throws -> Response {
        let key = try await authenticator.requireAdmin(request, context)
        let webhook = try await find(context, siteId: key.siteId)
        let store = self.store
        _ = try await Blocking.run { try store.deleteWebhook(id: webhook.id) }
        return JSONResponse.make(bytes: FeedWire.data { json in WebhookWire.write(webhook, key: "webhook", into: &json) })
    }

    /// `GET .../deliveries?count=N&before=ID`: newest first, each with every attempt.
    func deliveries(_ request: Request, context: some RequestContext) async throws -> Response {
        let key = try await authenticator.requireAdmin(request, context)
        let webhook = try await find(context, siteId: key.siteId)
        var count = 50
        var before: Int64?
        for (name, value) in request.uri.queryParameters.map({ (String($0.key), String($0.value)) }) {
            switch name {
            case "count":
                guard let number = Int(value), (1...200).contains(number) else { throw APIError.badParameter("count", "must be between 1 and 200") }
                count = number
            case "before":
                guard let id = Int64(value), id > 0 else { throw APIError.badParameter("before", "must be a delivery id") }
                before = id
            case "api_key": break
            default: throw APIError.badParameter(name, "is not a parameter of this endpoint (count, before)")
            }
        }
        let store = self.store
        let (limit, beforeId) = (count, before)
        let records = try await Blocking.run { try store.deliveries(webhookId: webhook.id, limit: limit, beforeId: beforeId) }
        return JSONResponse.make(bytes: FeedWire.data { json in
            json.beginArray("deliveries")
            for record in records { WebhookWire.write(record, key: nil, into: &json) }
            json.endArray()
        })
    }

    /// `POST .../test`: sends a `webhook.test` event now, signed like every other, and answers
    /// what the receiver said. It is recorded in the history and never retried.
    func test(_ request: Request, context: some RequestContext) async throws -> Response {
        let key = try await authenticator.requireAdmin(request, context)
        let webhook = try await find(context, siteId: key.siteId)
        guard let dispatcher else {
            throw APIError(.server, status: .serviceUnavailable, message: "webhook delivery is not running in this process")
        }
        let store = self.store
        let now = self.now()
        var json = JSONWriter()
        json.beginObject()
        json.string("webhook", webhook.uuid)
        json.string("message", "a test event from Roost")
        json.endObject()
        let payload = json.string
        guard let delivery = try await Blocking.run({ try store.enqueueTest(webhookId: webhook.id, payload: payload, now: now) }) else {
            throw APIError.notFound("webhook")
        }
        let attempt = await dispatcher.deliver(delivery)
        return JSONResponse.make(bytes: FeedWire.data { json in
            json.beginObject("delivery")
            json.integer("id", Int(delivery.id))
            json.string("message_id", delivery.messageId)
            json.string("type", delivery.type)
            WebhookWire.writeAttemptMembers(attempt, into: &json)
            json.endObject()
        })
    }

    private func find(_ context: some RequestContext, siteId: Int64) async throws -> Webhook {
        let id = try context.parameters.require("webhookId")
        let store = self.store
        guard let webhook = try await Blocking.run({ try store.webhook(siteId: siteId, idOrUUID: id) }) else {
            throw APIError.notFound("webhook \(id.prefix(64))")
        }
        return webhook
    }
}
