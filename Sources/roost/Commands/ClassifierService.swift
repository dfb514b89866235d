import Aggregator
import FeedFetchers
import Foundation
import Logging
import ServiceLifecycle

/// Classifier rules as the composition root wires them (issue 15): a guarded HTTP client of
/// their own under the fetchers' network policy, with small answers (64 KB) and a backstop
/// timeout past the longest a rule may set; the per-rule timeout is enforced by the judge.
struct ClassifierEngine {
    let client: GuardedHTTPClient
    let worker: ClassifierWorker

    init(store: any RoostStore, policy: NetworkPolicy, logger: Logger) {
        client = GuardedHTTPClient(policy: policy, userAgent: "Roost-Classifier/0.1", maxBodyBytes: 64 << 10,
                                   connectTimeout: .seconds(5), totalTimeout: .seconds(11), now: { Date() })
        worker = ClassifierWorker(store: store, classifier: HTTPPostClassifier(transport: client), now: { Date() }, logger: logger)
    }

    /// Closes the client's connections.
    func shutdown() async {
        await client.shutdown()
    }
}

/// The classifier worker as a service of `roost serve`: on SIGTERM/SIGINT it starts no new pass.
struct ClassifierService: Service {
    let worker: ClassifierWorker

    func run() async throws {
        let stopping = StopFlag()
        await withGracefulShutdownHandler {
            await Task.detached { await worker.run(shouldStop: { stopping.isSet }) }.value
        } onGracefulShutdown: {
            stopping.set()
        }
    }
}
