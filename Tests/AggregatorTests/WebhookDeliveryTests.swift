import Aggregator
import Crypto
import FeedFetchers
import Foundation
import Moderation
import Testing

@Suite("Webhook delivery", .timeLimit(.minutes(2)))
struct WebhookDeliveryTests {
    /// A store with a webhook on `url`, a dispatcher with a test clock, and the client it uses.
    struct Rig {
        let fixture: StoreFixture
        let clock: TestClock
        let client: GuardedHTTPClient
        let dispatcher: WebhookDispatcher
        let webhook: Webhook
        let secret = WebhookSigner.newSecret()

        init(url: String, events: [String] = Webhook.eventTypes, allowPrivate: Bool = true) throws {
            fixture = try StoreFixture()
            // The database's triggers stamp events with the real clock: the test clock starts there.
            clock = TestClock(Date())
            let clock = self.clock
            client = GuardedHTTPClient(policy: NetworkPolicy(allowPrivateNetworks: allowPrivate), now: { clock.now })
            let store = fixture.store
            dispatcher = WebhookDispatcher(store: store, transport: client, changeData: { delivery in
                "{\"change\":\(delivery.changeId ?? 0)}"
            }, now: { clock.now })
            webhook = try store.createWebhook(NewWebhook(siteId: fixture.site.id, url: url, description: nil, events: events,
                                                         secret: secret), now: fixture.start)
        }

        /// Delivers whatever is due now, one claim round per call, until nothing is due.
        func drain() async throws {
            for _ in 0..<50 {
                let due = try fixture.store.claimDeliveries(now: clock.now, limit: 10, lease: 60)
                if due.isEmpty { return }
                for delivery in due { await dispatcher.deliver(delivery) }
            }
        }
    }

    /// Checks a Standard Webhooks signature as a receiver would.
    private func verify(_ request: WebhookReceiver.Received, secret: String) -> Bool {
        guard let key = Data(base64Encoded: String(secret.dropFirst("whsec_".count))) else { return false }
        let signed = Array("\(request.id).\(request.timestamp).".utf8) + request.body
        let mac = HMAC<SHA256>.authenticationCode(for: signed, using: SymmetricKey(data: key))
        return request.signature == "v1," + Data(mac).base64EncodedString()
    }

    @Test("Changes reach the receiver signed, in order, with the Standard Webhooks headers")
    func signedInOrder() async throws {
        let receiver = WebhookReceiver()
        try await receiver.run { url in
            let rig = try Rig(url: url)
            try rig.fixture.store((0..<5).map { rig.fixture.post("p\($0)", minutes: $0) })
            try await rig.drain()
            let requests = receiver.requests
            #expect(requests.count == 5)
            #expect(requests.allSatisfy { verify($0, secret: rig.secret) })
            let bodies = try requests.map { try JSONSerialization.jsonObject(with: Data($0.body)) as? [String: Any] ?? [:] }
            #expect(bodies.allSatisfy { $0["type"] as? String == "post.published" })
            let changeIds = bodies.compactMap { (($0["data"] as? [String: Any])?["change"] as? NSNumber)?.int64Value }
            #expect(changeIds == changeIds.sorted() && changeIds.count == 5)
            #expect(Set(requests.map(\.id)).count == 5)
            await rig.client.shutdown()
        }
    }

    @Test("A receiver answering 500 gets the same event again, same webhook-id and body, after the backoff")
    func retries() async throws {
        let receiver = WebhookReceiver()
        receiver.answer([.internalServerError, .badGateway])
        try await receiver.run { url in
            let rig = try Rig(url: url)
            try rig.fixture.store([rig.fixture.post("a", minutes: 1), rig.fixture.post("b", minutes: 2)])
            try await rig.drain()
            #expect(receiver.requests.count == 1, "the second event waits behind the first: order per webhook")
            rig.clock.advance(5)
            try await rig.drain()
            rig.clock.advance(300)
            try await rig.drain()
            let requests = receiver.requests
            #expect(requests.count == 4)
            #expect(requests[0].id == requests[1].id && requests[1].id == requests[2].id)
            #expect(requests[0].body == requests[2].body)
            #expect(requests.allSatisfy { verify($0, secret: rig.secret) })
            let history = try rig.fixture.store.deliveries(webhookId: rig.webhook.id, limit: 10, beforeId: nil)
            #expect(history.map(\.state) == ["delivered", "delivered"])
            let first = try #require(history.last)
            #expect(first.attempts.map(\.attempt.responseStatus) == [500, 502, 204])
            #expect(first.attempts.first?.attempt.responseExcerpt == "receiver says no")
            await rig.client.shutdown()
        }
    }

    @Test("A webhook failing for a day is turned off, saying why; turning it on again resumes")
    func deactivation() async throws {
        let receiver = WebhookReceiver()
        receiver.answer(Array(repeating: .serviceUnavailable, count: 20))
        try await receiver.run { url in
            let rig = try Rig(url: url)
            try rig.fixture.store([rig.fixture.post("a", minutes: 1)])
            for _ in 0..<12 {
                try await rig.drain()
                rig.clock.advance(3 * 3600)
            }
            let webhook = try #require(try rig.fixture.store.webhook(siteId: rig.fixture.site.id, idOrUUID: String(rig.webhook.id)))
            #expect(!webhook.active)
            #expect(webhook.disabledReason?.contains("failed for a day") == true)
            let history = try rig.fixture.store.deliveries(webhookId: rig.webhook.id, limit: 10, beforeId: nil)
            #expect(history.first?.state == "failed")
            // Nothing more goes to a turned-off webhook.
            try rig.fixture.store([rig.fixture.post("b", minutes: 2)])
            let count = receiver.requests.count
            try await rig.drain()
            #expect(receiver.requests.count == count)
            _ = try rig.fixture.store.updateWebhook(id: rig.webhook.id, WebhookChanges(active: true), now: rig.clock.now)
            receiver.answer([])
            // Events while it was off were not queued for it; the next one is delivered.
            try rig.fixture.store([rig.fixture.post("c", minutes: 3)])
            try await rig.drain()
            #expect(receiver.requests.count == count + 1)
            await rig.client.shutdown()
        }
    }

    @Test("Only subscribed events are delivered; feed health changes and other events go out too")
    func subscriptions() async throws {
        let receiver = WebhookReceiver()
        try await receiver.run { url in
            let rig = try Rig(url: url, events: ["feed.health_changed", "connection.expiring"])
            try rig.fixture.store([rig.fixture.post("a", minutes: 1)])
            try rig.fixture.store.saveFetchOutcome(feedId: rig.fixture.feed.id, health: FeedHealth(isHealthy: false, errorMessage: "404"),
                                                   fetchState: rig.fixture.feed.fetchState, now: rig.clock.now)
            try rig.fixture.store.enqueueEvent(siteId: rig.fixture.site.id, type: "connection.expiring", payload: "{\"days_left\":\"7\"}",
                                               now: rig.clock.now)
            try await rig.drain()
            let types = try receiver.requests.map { try JSONSerialization.jsonObject(with: Data($0.body)) as? [String: Any] ?? [:] }
            #expect(types.compactMap { $0["type"] as? String } == ["feed.health_changed", "connection.expiring"])
            let feed = (types.first?["data"] as? [String: Any])?["feed"] as? [String: Any]
            #expect((feed?["status"] as? [String: Any])?["is_healthy"] as? Bool == false)
            await rig.client.shutdown()
        }
    }

    @Test("Delivery obeys the network policy: a loopback receiver is refused unless allowed, and the attempt says why")
    func networkPolicy() async throws {
        let receiver = WebhookReceiver()
        try await receiver.run { url in
            let rig = try Rig(url: url, allowPrivate: false)
            try rig.fixture.store([rig.fixture.post("a", minutes: 1)])
            try await rig.drain()
            #expect(receiver.requests.isEmpty)
            let attempt = try #require(try rig.fixture.store.deliveries(webhookId: rig.webhook.id, limit: 1, beforeId: nil).first?.attempts.first)
            #expect(!attempt.attempt.succeeded)
            #expect(attempt.attempt.error?.isEmpty == false)
            await rig.client.shutdown()
        }
    }

    @Test("The signing secret is sealed at rest")
    func sealedSecret() throws {
        let rig = try Rig(url: "https://example.com/hook")
        let pending = try #require(try rig.fixture.store.enqueueTest(webhookId: rig.webhook.id, payload: "{}", now: rig.clock.now))
        #expect(pending.secret == rig.secret)
        #expect(pending.type == "webhook.test")
    }

    @Test("Events no change announces are queued as JSON objects of their data, escaped")
    func emittedEvents() async throws {
        let rig = try Rig(url: "https://example.com/hook", events: ["connection.expired"])
        let outbox = EventOutbox(store: rig.fixture.store, now: { rig.clock.now }, logger: .init(label: "test"))
        await outbox.emit(siteId: rig.fixture.site.id, type: "connection.expired", data: ["name": "Brand \"X\"\n", "days_left": "0"])
        await outbox.emit(siteId: rig.fixture.site.id, type: "connection.expiring", data: ["name": "not subscribed"])
        let due = try rig.fixture.store.claimDeliveries(now: rig.clock.now, limit: 10, lease: 60)
        #expect(due.count == 1)
        let payload = try #require(due.first?.payload)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(payload.utf8)) as? [String: String])
        #expect(object == ["name": "Brand \"X\"\n", "days_left": "0"])
        await rig.client.shutdown()
    }
}
