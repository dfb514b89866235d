import Aggregator
import Foundation
import ServiceLifecycle
import Synchronization

/// The fetch scheduler as a service of `roost serve`, with the slow loops beside it: the
/// re-check of recent posts at their sources and the hourly connection-expiry monitor (issue 12).
/// On SIGTERM/SIGINT it stops starting fetches and returns once those under way are finished
/// and saved (issue 4: clean shutdown).
struct SchedulerService: Service {
    let scheduler: FeedScheduler
    /// Unpublishes posts deleted at their source; nil runs no re-checks.
    var sourceChecks: SourceCheckService? = nil
    /// Reports connections whose token expires soon; nil runs no monitor.
    var expiryMonitor: ConnectionExpiryMonitor? = nil

    func run() async throws {
        let stopping = StopFlag()
        await withGracefulShutdownHandler {
            // Not a child of the cancelled task: fetches under way run to the end.
            await Task.detached {
                await withTaskGroup(of: Void.self) { group in
                    group.addTask { await scheduler.run(now: { Date() }, shouldStop: { stopping.isSet }) }
                    if let sourceChecks { group.addTask { await sourceChecks.run(shouldStop: { stopping.isSet }) } }
                    if let expiryMonitor { group.addTask { await Self.repeatHourly(expiryMonitor, stopping: stopping) } }
                }
            }.value
        } onGracefulShutdown: {
            stopping.set()
        }
    }
}

extension SchedulerService {
    /// Runs the monitor now and then every `ConnectionExpiryMonitor.interval` until the stop.
    static func repeatHourly(_ monitor: ConnectionExpiryMonitor, stopping: StopFlag) async {
        while !stopping.isSet {
            await monitor.run()
            let until = ContinuousClock.now + ConnectionExpiryMonitor.interval
            while !stopping.isSet, ContinuousClock.now < until {
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }
}

/// A flag set once, read from any thread.
final class StopFlag: Sendable {
    private let value = Atomic<Bool>(false)
    var isSet: Bool { value.load(ordering: .acquiring) }
    func set() { value.store(true, ordering: .releasing) }
}
