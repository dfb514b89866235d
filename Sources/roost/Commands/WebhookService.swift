import Aggregator
import ContentAPI
import FeedFetchers
import Foundation
import Logging
import ServiceLifecycle

/// Webhook delivery as the composition root wires it: a guarded HTTP client of its own (short
/// timeouts, small bodies: a receiver only acknowledges) under the fetchers' network policy,
/// and post events' bodies written by the Content API's wire encoder.
struct EventsEngine {
    let client: GuardedHTTPClient
    let dispatcher: WebhookDispatcher

    init(store: any RoostStore, policy: NetworkPolicy, logger: Logger) throws {
        client = GuardedHTTPClient(policy: policy, userAgent: "Roost-Webhooks/0.1", maxBodyBytes: 64 << 10,
                                   connectTimeout: .seconds(5), totalTimeout: .seconds(15), now: { Date() })
        var days = 7.0
        if let text = ProcessInfo.processInfo.environment["ROOST_CHANGE_RETENTION_DAYS"] {
            guard let value = Double(text), value >= 1, value <= 365 else {
                throw CommandFailure(kind: .usage, message: "ROOST_CHANGE_RETENTION_DAYS must be a number of days from 1 to 365, not \(text.prefix(40))")
            }
            days = value
        }
        dispatcher = WebhookDispatcher(store: store, transport: client,
                                       changeData: { try ChangeWire.webhookData($0, store: store) },
                                       changeRetention: days * 86_400, now: { Date() }, logger: logger)
    }

    /// Closes the client's connections.
    func shutdown() async {
        await client.shutdown()
    }
}

/// The webhook dispatcher as a service of `roost serve`: on SIGTERM/SIGINT it starts no new
/// delivery and returns once those under way are recorded.
struct WebhookService: Service {
    let dispatcher: WebhookDispatcher

    func run() async throws {
        let stopping = StopFlag()
        await withGracefulShutdownHandler {
            await Task.detached { await dispatcher.run(shouldStop: { stopping.isSet }) }.value
        } onGracefulShutdown: {
            stopping.set()
        }
    }
}
