import Aggregator
import ArgumentParser
import ContentAPI
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// `roost serve`: the HTTP API and the fetch scheduler in one process.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the HTTP API.")

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8080

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let rateLimits = try RateLimitSettings.read(environment)
        let store = try global.openStore()
        try createFirstSiteIfEmpty(store)
        var logger = Logger(label: "roost")
        logger.logLevel = environment["ROOST_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        let engine = IngestEngine(store: store, policy: global.networkPolicy, logger: logger)
        let events = try EventsEngine(store: store, policy: global.networkPolicy, logger: logger)
        let configuration = APIConfiguration(
            publicBaseURL: environment["ROOST_PUBLIC_URL"].flatMap { $0.isEmpty ? nil : $0 },
            pageCache: environment["ROOST_PAGE_CACHE"] != "0",
            networkPolicy: global.networkPolicy,
            rateLimits: rateLimits,
            connectionVerifier: ConnectionVerifier(store: store, transport: engine.client, platforms: engine.platforms,
                                                   now: { Date() }, logger: logger))
        let app = makeApplication(store: store, configuration: configuration, webhooks: events.dispatcher, host: host, port: port,
                                  now: { Date() }, logger: logger)
        let sourceChecks = environment["ROOST_SOURCE_CHECKS"] == "0" ? nil
            : SourceCheckService(store: store, transport: engine.client, platforms: engine.platforms, now: { Date() }, logger: logger)
        // Expiry events go to the webhook outbox (connection.expiring, connection.expired) and the log.
        let outbox = EventOutbox(store: store, now: { Date() }, logger: logger)
        let expiryLogger = logger
        let monitor = ConnectionExpiryMonitor(store: store, now: { Date() }, logger: logger) { siteId, type, data in
            let name = data["name"].flatMap { $0.isEmpty ? nil : $0 } ?? data["uuid"] ?? ""
            expiryLogger.warning("\(type): site \(siteId), \(data["service"] ?? "") connection \(data["connection_id"] ?? "") (\(name)) expires at \(data["expires_at"] ?? "?"), \(data["days_left"] ?? "?") days left; reconnect the account before then")
            await outbox.emit(siteId: siteId, type: type, data: data)
        }
        let classifiers = ClassifierEngine(store: store, policy: global.networkPolicy, logger: logger)
        let services = ServiceGroup(
            services: [app, SchedulerService(scheduler: engine.scheduler, sourceChecks: sourceChecks, expiryMonitor: monitor),
                       WebhookService(dispatcher: events.dispatcher), ClassifierService(worker: classifiers.worker)],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger)
        do {
            try await services.run()
        } catch {
            await engine.shutdown()
            await events.shutdown()
            await classifiers.shutdown()
            throw CommandFailure(kind: .other, message: "the server stopped: \(error)")
        }
        await engine.shutdown()
        await events.shutdown()
        await classifiers.shutdown()
    }

    /// On first start with an empty database, a site to go on with (SPEC §1, issue 3).
    private func createFirstSiteIfEmpty(_ store: SQLiteStore) throws {
        guard try store.siteCount() == 0 else { return }
        let (site, key) = try store.createSite(name: "My site", now: Date())
        let message = """
            roost: created a first site.
              site UUID: \(site.uuid)
              admin key: \(key)
            Keep the admin key: it is shown only once. Create a read key for embeds with
              roost keys create --site \(site.uuid) --scope read --db \(global.resolvedDatabasePath)

            """
        // Written straight to the file descriptor: stdout may be a pipe, and a buffered
        // line would be lost if the server is stopped before the buffer fills.
        FileHandle.standardOutput.write(Data(message.utf8))
    }
}
