import Moderation
import Aggregator
import ArgumentParser
import ContentAPI
import FeedFetchers
import Foundation

/// `roost bench seed`: fills a database with sites and published posts for the API load
/// test (`scripts/bench-api.sh`). Deterministic: the same arguments write the same posts.
struct BenchSeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "seed",
                                                    abstract: "Fill a database with sites and published posts for load tests.")

    @Option(help: "How many sites.")
    var sites = 100

    @Option(help: "How many posts in all, spread evenly over the sites.")
    var posts = 1_000_000

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard (1...10_000).contains(sites) else { throw ValidationError("--sites must be between 1 and 10000") }
        guard (0...50_000_000).contains(posts) else { throw ValidationError("--posts must be between 0 and 50000000") }
    }

    func run() throws {
        let store = try global.openStore()
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        var json = JSONWriter()
        json.beginObject()
        json.beginArray("sites")
        let perSite = posts / sites
        for siteIndex in 0..<sites {
            let (site, adminKey) = try store.createSite(name: "Bench \(siteIndex)", now: start)
            let readKey = try store.createKey(siteId: site.id, scope: .read, now: start)
            let section = try store.section(siteId: site.id, named: "default", now: start)
            let feed = try store.createFeed(NewFeed(siteId: site.id, sectionId: section.id, name: "bench", service: .rss,
                                                    attributes: ["url": .string("https://bench.example/\(siteIndex).xml")],
                                                    moderationType: .autoPublish), now: start)
            var batch: [Post] = []
            batch.reserveCapacity(1000)
            for postIndex in 0..<perSite {
                batch.append(Self.post(site: siteIndex, index: postIndex, start: start))
                if batch.count == 1000 {
                    _ = try store.upsertPosts(batch, feed: feed, now: start) { _ in Decision(state: .published, decidedBy: .auto) }
                    batch.removeAll(keepingCapacity: true)
                }
            }
            _ = try store.upsertPosts(batch, feed: feed, now: start) { _ in Decision(state: .published, decidedBy: .auto) }
            json.beginObject()
            json.string("uuid", site.uuid)
            json.string("readKey", readKey)
            json.string("adminKey", adminKey)
            json.endObject()
        }
        json.endArray()
        json.integer("posts", perSite * sites)
        json.endObject()
        print(json.string)
    }

    /// A post shaped like a real feed entry: title, a few paragraphs, an image, three tags.
    static func post(site: Int, index: Int, start: Date) -> Post {
        let tags = ["news", "sport", "culture", "tech", "travel", "food", "music", "film", "science", "health"]
        let text = String(repeating: "Roost gathers posts from feeds and platforms into a social wall. ", count: 6)
        return Post(channel: "rss", sourceId: "bench-\(site)-\(index)", sourceUrl: "https://bench.example/\(site)/\(index)",
                    title: "Post \(index) of site \(site)", textRich: "<p>\(text)</p>", textPlain: text,
                    publishedAt: start.addingTimeInterval(Double(index) * 37),
                    from: PostAuthor(name: "Author \(index % 50)"),
                    tags: [tags[index % 10], tags[(index / 10) % 10], "site\(site)"],
                    images: [PostImage(url: "https://bench.example/img/\(index).jpg", altText: "Image \(index)")])
    }
}

/// `roost bench serve-fixed`: the same Hummingbird server answering every request with one
/// fixed, pre-encoded JSON body: the baseline the posts endpoint is measured against.
struct BenchServeFixedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve-fixed",
                                                    abstract: "Serve a fixed JSON body of the given size (a load-test baseline).")

    @Option(help: "Body size in bytes.")
    var bytes = 20_000

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8081

    func run() async throws {
        let filler = String(repeating: "x", count: max(0, bytes - 12))
        let body = Array("{\"filler\":\"\(filler)\"}".utf8)
        try await FixedBodyServer.run(body: body, host: host, port: port)
    }
}
