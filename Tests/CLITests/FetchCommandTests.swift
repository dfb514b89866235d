import Aggregator
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Serves `count` RSS feeds of `items` entries each on a live loopback server.
private func withFeeds(count: Int, items: Int, _ body: @Sendable (String) async throws -> Void) async throws {
    let router = Router()
    router.get("/feeds/:n") { request, context -> Response in
        let n = try context.parameters.require("n").replacingOccurrences(of: ".xml", with: "")
        let entries = (0..<items).map { i in
            "<item><guid>f\(n)-\(i)</guid><title>Feed \(n) item \(i)</title><link>https://example.com/\(n)/\(i)</link>"
                + "<description>&lt;p&gt;Body \(i)&lt;/p&gt;</description><pubDate>Tue, 10 Jun 2025 04:\(String(format: "%02d", i % 60)):00 GMT</pubDate></item>"
        }.joined()
        let xml = "<rss version=\"2.0\"><channel><title>Feed \(n)</title>\(entries)</channel></rss>"
        let headers: HTTPFields = [.contentType: "application/rss+xml", .eTag: "\"\(n)\""]
        if request.headers[.ifNoneMatch] == "\"\(n)\"" { return Response(status: .notModified, headers: headers) }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: xml)))
    }
    let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    try await app.test(.live) { client in
        guard let port = client.port else { return }
        try await body("http://127.0.0.1:\(port)")
    }
}

private func opml(base: String, count: Int) -> String {
    let outlines = (0..<count).map { "<outline type=\"rss\" text=\"Feed \($0)\" xmlUrl=\"\(base)/feeds/\($0).xml\"/>" }.joined()
    return "<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>t</title></head><body>\(outlines)</body></opml>"
}

@Suite("roost feeds and roost fetch, as a user runs them", .timeLimit(.minutes(3)))
struct FetchCommandTests {
    private func temporaryDatabase() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("roost-cli-\(UUID().uuidString).sqlite").path
    }

    private func createSite(_ db: String) async throws -> String {
        let created = try await RoostProcess.run(["sites", "create", "--name", "CLI", "--db", db])
        #expect(created.status == 0)
        return try #require(try created.json()["uuid"] as? String)
    }

    @Test("feeds import reads OPML; fetch --once fetches every feed, then answers 304s")
    func importAndFetch() async throws {
        try await withFeeds(count: 5, items: 3) { base in
            let db = temporaryDatabase()
            let site = try await createSite(db)
            let file = db + ".opml"
            try Data(opml(base: base, count: 5).utf8).write(to: URL(fileURLWithPath: file))
            let refused = try await RoostProcess.run(["feeds", "import", "--site", site, file, "--db", db])
            #expect(try refused.json()["skipped"] as? Int == 5, "loopback feeds are refused by default")
            let imported = try await RoostProcess.run(["feeds", "import", "--site", site, file, "--db", db, "--allow-private-networks"])
            #expect(try imported.json()["added"] as? Int == 5)
            let again = try await RoostProcess.run(["feeds", "import", "--site", site, file, "--db", db, "--allow-private-networks"])
            #expect(try again.json()["skipped"] as? Int == 5)
            let fetched = try await RoostProcess.run(["fetch", "--once", "--db", db, "--allow-private-networks"])
            #expect(fetched.status == 0)
            let summary = try fetched.json()
            #expect(summary["fetched"] as? Int == 5 && summary["newPosts"] as? Int == 15)
            let store = try SQLiteStore(path: db)
            let feeds = try store.feeds(siteId: try #require(try store.site(uuid: site)).id, order: .asc, services: [])
            for feed in feeds {
                try store.saveFetchOutcome(feedId: feed.id, health: feed.health,
                                               fetchState: { var s = feed.fetchState; s.nextFetchAt = nil; return s }(), now: Date())
            }
            let warm = try await RoostProcess.run(["fetch", "--once", "--db", db, "--allow-private-networks"]).json()
            #expect(warm["notModified"] as? Int == 5 && warm["newPosts"] as? Int == 0)
        }
    }

    @Test("fetch --once reports the seconds the run took: at least the origin's delay, at most the wall time")
    func reportsElapsedSeconds() async throws {
        let router = Router()
        router.get("/slow.xml") { _, _ -> Response in
            try await Task.sleep(for: .milliseconds(1_600))
            let xml = "<rss version=\"2.0\"><channel><title>Slow</title><item><guid>s1</guid><title>S</title></item></channel></rss>"
            return Response(status: .ok, headers: [.contentType: "application/rss+xml"], body: ResponseBody(byteBuffer: ByteBuffer(string: xml)))
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let db = temporaryDatabase()
            let site = try await createSite(db)
            let added = try await RoostProcess.run(["feeds", "add", "--site", site, "--url", "http://127.0.0.1:\(port)/slow.xml", "--db", db,
                                                    "--allow-private-networks"])
            #expect(added.status == 0, "\(added.stderr)")
            let started = ContinuousClock.now
            let fetched = try await RoostProcess.run(["fetch", "--once", "--db", db, "--allow-private-networks"])
            let wall = ContinuousClock.now - started
            let seconds = try #require(try fetched.json()["seconds"] as? Double)
            #expect(seconds >= 1.6, "reported \(seconds) s for a fetch the origin held for 1.6 s")
            #expect(seconds <= Double(wall.components.seconds) + Double(wall.components.attoseconds) / 1e18 + 0.01)
        }
    }

    @Test("feeds add prints the feed; a refused URL is a usage error naming --url")
    func add() async throws {
        let db = temporaryDatabase()
        let site = try await createSite(db)
        let added = try await RoostProcess.run(["feeds", "add", "--site", site, "--url", "https://example.com/feed.xml", "--db", db,
                                          "--moderation", "auto_publish"])
        #expect(added.status == 0)
        let data = (try added.json()["result"] as? [String: Any])?["data"] as? [String: Any]
        #expect(((data?["feed"] as? [String: Any])?["configuration"] as? [String: Any])?["moderation"] as? String == "auto_publish")
        let refused = try await RoostProcess.run(["feeds", "add", "--site", site, "--url", "http://10.0.0.1/feed", "--db", db])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("--url"))
    }

    @Test("connections add masks secrets; feeds add takes platform attributes and names the bad one")
    func platformFeeds() async throws {
        let db = temporaryDatabase()
        let site = try await createSite(db)
        let connected = try await RoostProcess.run(["connections", "add", "--site", site, "--service", "bluesky", "--db", db,
                                                    "--credential", "identifier=roost.bsky.social", "--credential", "app_password=abcd-efgh-ijkl-mnop"])
        #expect(connected.status == 0)
        #expect(!connected.stdout.contains("abcd-efgh-ijkl-mnop"))
        #expect(connected.stdout.contains("roost.bsky.social"))
        let missing = try await RoostProcess.run(["connections", "add", "--site", site, "--service", "twitter_v2", "--db", db])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("--credential bearer_token"))

        let added = try await RoostProcess.run(["feeds", "add", "--site", site, "--type", "bluesky", "--attribute", "hashtag=LatteArt",
                                                "--attribute", "include_replies=true", "--db", db])
        #expect(added.status == 0, "\(added.stderr)")
        let data = (try added.json()["result"] as? [String: Any])?["data"] as? [String: Any]
        #expect(((data?["feed"] as? [String: Any])?["feed_attributes"] as? [String: Any])?["include_replies"] as? Bool == true)
        let bad = try await RoostProcess.run(["feeds", "add", "--site", site, "--type", "twitter_v2", "--attribute", "author=not a name!", "--db", db])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--attribute author"))
        let listed = try await RoostProcess.run(["connections", "list", "--site", site, "--db", db])
        #expect(!listed.stdout.contains("abcd-efgh-ijkl-mnop"))
    }

    @Test("Killing fetch --once at any moment loses and duplicates nothing; the database stays sound")
    func crashSafety() async throws {
        try await withFeeds(count: 30, items: 40) { base in
            let db = temporaryDatabase()
            let site = try await createSite(db)
            let file = db + ".opml"
            try Data(opml(base: base, count: 30).utf8).write(to: URL(fileURLWithPath: file))
            _ = try await RoostProcess.run(["feeds", "import", "--site", site, file, "--db", db, "--allow-private-networks"])
            var previous = 0
            for delay in [30, 80, 150, 250, 400] {
                try await RoostProcess.runAndKill(["fetch", "--once", "--db", db, "--allow-private-networks"], after: .milliseconds(delay))
                let store = try SQLiteStore(path: db)
                #expect(try store.integrityCheck() == "ok")
                let count = try store.postCount()
                #expect(count >= previous, "a kill must never lose stored posts")
                previous = count
            }
            _ = try await RoostProcess.run(["fetch", "--once", "--db", db, "--allow-private-networks"])
            let store = try SQLiteStore(path: db)
            #expect(try store.integrityCheck() == "ok")
            #expect(try store.postCount() == 30 * 40)
        }
    }
}
