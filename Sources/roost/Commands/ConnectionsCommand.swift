import Aggregator
import ArgumentParser
import ContentAPI
import Foundation

/// `roost connections add` and `roost connections list`: a site's platform credentials
/// from the command line, as `POST`/`GET /v2/:site/connections` (SPEC §3.6).
struct ConnectionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "connections", abstract: "Store and list a site's platform credentials.",
                                                    subcommands: [ConnectionsAddCommand.self, ConnectionsListCommand.self])
}

/// Stores credentials for one platform account; prints the connection with secrets masked.
struct ConnectionsAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Store credentials for a platform account.")

    @Option(help: "The site's UUID.") var site: String
    @Option(help: "The platform: twitter_v2, instagram_graph_api, facebook, linkedin, tiktok, google_review, bluesky, vimeo.")
    var service: String
    @Option(name: .customLong("credential"), help: "A credential field as NAME=VALUE (repeatable), e.g. --credential bearer_token=AAAA.")
    var credentialOptions: [String] = []
    @Option(help: "A name for the connection.") var name: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        var credentials: [String: String] = [:]
        for option in credentialOptions {
            let parts = option.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty else { throw CommandFailure(kind: .usage, message: "--credential must be NAME=VALUE") }
            credentials[String(parts[0])] = String(parts[1])
        }
        if let problem = ConnectionValidation.problems(service: service, credentials: credentials).first {
            let option = problem.field == "service" ? "--service" : "--credential " + problem.field.replacingOccurrences(of: "credentials.", with: "")
            throw CommandFailure(kind: .usage, message: "\(option) \(problem.message)")
        }
        let store = try global.openStore()
        let found = try FeedsImportCommand.site(site, in: store)
        guard let kind = FeedService(rawValue: service) else { throw CommandFailure(kind: .usage, message: "--service is not a platform") }
        let normalized = ConnectionValidation.normalizedCredentials(service: service, credentials)
        let connection = try store.createConnection(NewConnection(siteId: found.id, service: kind, name: name, credentials: normalized), now: Date())
        var json = JSONWriter()
        json.beginObject()
        ConnectionWire.write(connection, key: "data", into: &json)
        json.endObject()
        print(json.string)
    }
}

/// Lists a site's connections, secrets masked.
struct ConnectionsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List a site's connections (secrets masked).")

    @Option(help: "The site's UUID.") var site: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let store = try global.openStore()
        let found = try FeedsImportCommand.site(site, in: store)
        var json = JSONWriter()
        json.beginObject()
        json.beginArray("data")
        for connection in try store.connections(siteId: found.id) { ConnectionWire.write(connection, key: nil, into: &json) }
        json.endArray()
        json.endObject()
        print(json.string)
    }
}
