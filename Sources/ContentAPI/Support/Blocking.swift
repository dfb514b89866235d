import NIOPosix

/// Runs blocking work (a database call) off the event loop, on NIO's thread pool.
enum Blocking {
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await NIOThreadPool.singleton.runIfActive(work)
    }
}
