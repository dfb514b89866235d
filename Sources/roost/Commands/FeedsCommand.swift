import Aggregator
import ArgumentParser
import ContentAPI
import FeedFetchers
import Foundation
import Moderation

/// `roost feeds add` and `roost feeds import` (SPEC §1).
struct FeedsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "feeds", abstract: "Add feeds to a site.",
                                                    subcommands: [FeedsAddCommand.self, FeedsImportCommand.self])
}

/// Adds one feed, as `POST /v2/:site/feeds` would, and prints it as JSON.
struct FeedsAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a feed and print it as JSON.")

    @Option(help: "The site's UUID.") var site: String
    @Option(help: "The feed's address (rss, pinterest, youtube).") var url: String?
    @Option(help: "The feed type: rss, twitter_v2, youtube, bluesky, ...") var type = "rss"
    @Option(name: .customLong("attribute"), help: "A feed attribute as NAME=VALUE (repeatable), e.g. --attribute handle=example.bsky.social.")
    var attributeOptions: [String] = []
    @Option(help: "The section to put it in (found or created by name).") var section = "default"
    @Option(help: "saved_to_inbox, ai_moderation or auto_publish.") var moderation = "saved_to_inbox"
    @Option(help: "A name for the feed.") var name: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        guard let mode = ModerationType(rawValue: moderation) else {
            throw CommandFailure(kind: .usage, message: "--moderation must be saved_to_inbox, ai_moderation or auto_publish")
        }
        let store = try global.openStore()
        let found = try FeedsImportCommand.site(site, in: store)
        var attributes = try Self.attributes(attributeOptions)
        if let url { attributes["url"] = .string(url) }
        if let problem = FeedValidation.problems(service: type, attributes: attributes, policy: global.networkPolicy, prefix: "").first {
            throw CommandFailure(kind: .usage, message: "\(Self.option(for: problem.field)) \(problem.message)")
        }
        let now = Date()
        let service = FeedService(rawValue: type) ?? .rss
        do {
            attributes = try FeedCredentials.store(service: service, attributes: attributes, feedName: name, siteId: found.id,
                                                   store: store, now: now, prefix: "")
        } catch let error as FeedProblems {
            throw CommandFailure(kind: .usage, message: error.problems.map { "\(Self.option(for: $0.field)) \($0.message)" }.joined(separator: "; "))
        }
        let sectionRow = try store.section(siteId: found.id, named: section, now: now)
        let feed = try store.createFeed(NewFeed(siteId: found.id, sectionId: sectionRow.id, name: name,
                                                service: service, attributes: attributes,
                                                moderationType: mode), now: now)
        print(String(decoding: FeedWire.data { json in FeedWire.writeMembers(feed, section: sectionRow, detail: .detailed, into: &json) }, as: UTF8.self))
    }
}

extension FeedsAddCommand {
    /// `NAME=VALUE` options as attributes: `true`/`false` as booleans, everything else as text.
    static func attributes(_ options: [String]) throws -> [String: FeedAttribute] {
        var attributes: [String: FeedAttribute] = [:]
        for option in options {
            let parts = option.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw CommandFailure(kind: .usage, message: "--attribute \(option) must be NAME=VALUE")
            }
            let value = String(parts[1])
            attributes[String(parts[0])] = value == "true" || value == "false" ? .bool(value == "true") : .string(value)
        }
        return attributes
    }

    /// The option a problem's field came from.
    static func option(for field: String) -> String {
        switch field {
        case "feed_type", "service": return "--type"
        case "feed_attributes.url": return "--url"
        default: return "--attribute " + field.replacingOccurrences(of: "feed_attributes.", with: "")
        }
    }
}

/// Adds every feed of an OPML file; prints how many were added and skipped, and why.
struct FeedsImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Add every feed of an OPML file.")

    @Option(help: "The site's UUID.") var site: String
    @Argument(help: "The OPML file.") var file: String
    @Option(help: "The section to put them in.") var section = "default"
    @Option(help: "saved_to_inbox, ai_moderation or auto_publish.") var moderation = "saved_to_inbox"
    @OptionGroup var global: GlobalOptions

    func run() throws {
        guard let mode = ModerationType(rawValue: moderation) else {
            throw CommandFailure(kind: .usage, message: "--moderation must be saved_to_inbox, ai_moderation or auto_publish")
        }
        let outlines = try OPMLParser.parse(try DocumentInput.read(file))
        let store = try global.openStore()
        let found = try Self.site(site, in: store)
        let now = Date()
        let sectionRow = try store.section(siteId: found.id, named: section, now: now)
        var known = Set(try store.feeds(siteId: found.id, order: .asc, services: []).compactMap { $0.attributes["url"]?.stringValue })
        var added = 0
        var skipped: [(String, String)] = []
        for outline in outlines {
            let attributes: [String: FeedAttribute] = ["url": .string(outline.url)]
            if known.contains(outline.url) { skipped.append((outline.url, "already a feed of this site")); continue }
            if let problem = FeedValidation.problems(service: "rss", attributes: attributes, policy: global.networkPolicy).first {
                skipped.append((outline.url, problem.message))
                continue
            }
            _ = try store.createFeed(NewFeed(siteId: found.id, sectionId: sectionRow.id, name: outline.title, service: .rss,
                                             attributes: attributes, moderationType: mode), now: now)
            known.insert(outline.url)
            added += 1
        }
        var json = JSONWriter()
        json.beginObject()
        json.integer("added", added)
        json.integer("skipped", skipped.count)
        json.beginArray("skippedFeeds")
        for (url, reason) in skipped {
            json.beginObject()
            json.string("url", url)
            json.string("reason", reason)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        print(json.string)
    }

    static func site(_ uuid: String, in store: SQLiteStore) throws -> Site {
        guard let found = try store.site(uuid: uuid) else {
            throw CommandFailure(kind: .usage, message: "no site has the UUID \(uuid); create one with roost sites create --name NAME")
        }
        return found
    }
}
