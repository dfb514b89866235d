import Foundation
import Testing

@Suite("roost parse and roost bench parse, as a user runs them")
struct ParseCommandTests {
    private let postFields: Set<String> = [
        "channel", "sourceId", "sourceUrl", "title", "textRich", "textPlain", "publishedAt", "from", "tags",
        "images", "videos", "postType", "ctaLink", "attachments",
    ]

    @Test("A feed file prints the feed and its posts with exactly the FlocklerPost fields")
    func parseFile() async throws {
        let path = RoostProcess.fixtures.appendingPathComponent("feeds/atom_mediarss_youtube_1.xml").path
        let result = try await RoostProcess.run(["parse", path])
        #expect(result.status == 0)
        let json = try result.json()
        let feed = try #require(json["feed"] as? [String: Any])
        #expect(feed["format"] as? String == "atom1.0")
        #expect(Set(feed.keys) == ["format", "title", "link", "description", "language", "imageUrl"])
        let posts = try #require(json["posts"] as? [[String: Any]])
        let post = try #require(posts.first)
        #expect(Set(post.keys) == postFields)
        #expect(post["publishedAt"] as? String == "2020-12-22T19:15:01.000Z")
        #expect(post["postType"] as? String == "video")
        let from = try #require(post["from"] as? [String: Any])
        #expect(Set(from.keys) == ["name", "username", "profileUrl", "profileImageUrl"])
    }

    @Test("- reads the document from stdin, and --url is the base for relative links")
    func parseStdin() async throws {
        let document = "<rss version=\"2.0\"><channel><item><link>/p/1</link></item></channel></rss>"
        let result = try await RoostProcess.run(["parse", "-", "--url", "https://example.com/feed"], stdin: Data(document.utf8))
        #expect(result.status == 0)
        let posts = try #require(try result.json()["posts"] as? [[String: Any]])
        #expect(posts.first?["sourceUrl"] as? String == "https://example.com/p/1")
    }

    @Test("A document that is not a feed exits 65 with one line on stderr")
    func notAFeed() async throws {
        let result = try await RoostProcess.run(["parse", "-"], stdin: Data("<html><body>no</body></html>".utf8))
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("roost: "))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains("<html>"))
    }

    @Test("Bad usage exits 64 with one line on stderr", arguments: [["parse"], ["parse", "a", "--nope"], ["frobnicate"], ["bench", "parse", "x", "--repeat", "0"]])
    func badUsage(_ arguments: [String]) async throws {
        let result = try await RoostProcess.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("roost: "))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test("A missing file exits 1 and names the file")
    func missingFile() async throws {
        let result = try await RoostProcess.run(["parse", "/nonexistent/feed.xml"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("/nonexistent/feed.xml"))
    }

    @Test("bench parse prints documents, posts, bytes, seconds and rates")
    func benchParse() async throws {
        let folder = RoostProcess.fixtures.appendingPathComponent("feeds").path
        let result = try await RoostProcess.run(["bench", "parse", folder, "--repeat", "2"])
        #expect(result.status == 0)
        let json = try result.json()
        #expect(Set(json.keys) == ["documents", "posts", "bytes", "seconds", "postsPerSecond", "mbPerSecond"])
        #expect(json["documents"] as? Int == 8)
        #expect((json["posts"] as? Int ?? 0) > 0)
    }
}
