import Aggregator
import ArgumentParser
import ContentAPI
import Foundation

/// `roost sites create --name NAME`: a new site and its first admin key (SPEC §1).
struct SitesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sites", abstract: "Manage sites.",
                                                    subcommands: [SitesCreateCommand.self])
}

/// Creates a site and prints `{"uuid": ..., "apiKey": ...}`.
struct SitesCreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create", abstract: "Create a site and print its UUID and admin key.")

    @Option(help: "The site's name.")
    var name: String

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 200 else { throw ValidationError("--name must be 1 to 200 characters") }
    }

    func run() throws {
        let store = try global.openStore()
        let (site, key) = try store.createSite(name: name.trimmingCharacters(in: .whitespaces), now: Date())
        var json = JSONWriter()
        json.beginObject()
        json.string("uuid", site.uuid)
        json.string("apiKey", key)
        json.endObject()
        print(json.string)
    }
}

/// `roost keys create --site UUID --scope read|admin`: another key for a site, e.g. a read
/// key to put in an embed page.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "keys", abstract: "Manage API keys.",
                                                    subcommands: [KeysCreateCommand.self])
}

/// Creates a key and prints `{"site": ..., "id": ..., "name": ..., "scope": ..., "apiKey": ...}`.
struct KeysCreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create", abstract: "Create an API key for a site.")

    @Option(help: "The site's UUID.")
    var site: String

    @Option(help: "read (the posts endpoint only) or admin.")
    var scope: String = "read"

    @Option(help: "What the key is for, as the API and the moderation log show it (default: the scope and the key's id).")
    var name: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let name, !(1...100).contains(name.trimmingCharacters(in: .whitespaces).count) {
            throw ValidationError("--name must be 1 to 100 characters")
        }
    }

    func run() throws {
        guard let keyScope = KeyScope(rawValue: scope) else {
            throw CommandFailure(kind: .usage, message: "--scope must be read or admin")
        }
        let store = try global.openStore()
        guard let found = try store.site(uuid: site) else {
            throw CommandFailure(kind: .usage, message: "no site has the UUID \(site)")
        }
        let (created, key) = try store.createKey(siteId: found.id, scope: keyScope, name: name?.trimmingCharacters(in: .whitespaces),
                                                 now: Date())
        var json = JSONWriter()
        json.beginObject()
        json.string("site", found.uuid)
        json.integer("id", Int(created.id))
        json.string("name", created.name)
        json.string("scope", keyScope.rawValue)
        json.string("apiKey", key)
        json.endObject()
        print(json.string)
    }
}
