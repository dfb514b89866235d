import Aggregator
import Foundation
import ServiceLifecycle
import Synchronization

/// The fetch scheduler as a service of `roost serve`. On SIGTERM/SIGINT it stops starting
/// fetches and returns once those under way are finished and saved (issue 4: clean shutdown).
struct SchedulerService: Service {
    let scheduler: FeedScheduler

    func run() async throws {
        let stopping = StopFlag()
        await withGracefulShutdownHandler {
            // Not a child of the cancelled task: fetches under way run to the end.
            await Task.detached { await scheduler.run(now: { Date() }, shouldStop: { stopping.isSet }) }.value
        } onGracefulShutdown: {
            stopping.set()
        }
    }
}

/// A flag set once, read from any thread.
final class StopFlag: Sendable {
    private let value = Atomic<Bool>(false)
    var isSet: Bool { value.load(ordering: .acquiring) }
    func set() { value.store(true, ordering: .releasing) }
}
