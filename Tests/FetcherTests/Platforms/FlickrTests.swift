import Foundation
import PlatformReplay
import Testing
@testable import FeedFetchers

@Suite struct FlickrTests {
    static let buddyIcon = "https://farm66.staticflickr.com/65535/buddyicons/201234567@N04.jpg?1714123456#201234567@N04"
    static let owner = PostAuthor(name: "Kettle & Crow", username: "201234567@N04", profileUrl: "https://www.flickr.com/people/kettleandcrow/",
                                  profileImageUrl: buddyIcon)

    static func date(_ text: String) throws -> Date { try #require(FeedDate.parse(text)) }

    /// The first photo of every fixture, as the README maps it.
    static func rosetta() throws -> Post {
        Post(
            channel: "flickr", sourceId: "55012345678", sourceUrl: "https://www.flickr.com/photos/kettleandcrow/55012345678/",
            title: "Rosetta, 7 layers", textRich: "Friday pour-off winner. Maya's rosetta in the blue cup.",
            textPlain: "Friday pour-off winner. Maya's rosetta in the blue cup.", publishedAt: try date("2026-09-14T16:52:11Z"),
            from: owner, tags: ["latteart", "coffee", "flatwhitefriday"],
            images: [PostImage(url: "https://live.staticflickr.com/65535/55012345678_29f581f641_b.jpg", altText: "Rosetta, 7 layers")],
            kind: .image)
    }

    @Test("FeedDate reads the feed's Z dates")
    func dates() throws {
        #expect(FeedDate.isoString(try Self.date("2026-09-14T16:52:11Z")) == "2026-09-14T16:52:11.000Z")
    }

    @Test("The Atom feed is requested with exactly the manifest's parameters and mapped photo by photo")
    func atomFeed() async throws {
        let harness = try AdapterHarness(FlickrAdapter())
        try await harness.run { client in
            let result = try await harness.fetch(
                ["user_id": .string("201234567@N04"), "tags": .string("latteart"), "tagmode": .string("all")], client: client)
            let request = try #require(harness.replay.requests.first)
            #expect(request.path == "/services/feeds/photos_public.gne")
            #expect(request.query == ["id": "201234567@N04", "tags": "latteart", "tagmode": "all", "lang": "en-us"])
            #expect(request.answeredBy == "same as the first, default Atom format")
            #expect(result.posts.map(\.sourceId) == ["55012345678", "55011987654", "55009876543"])
            #expect(result.posts.first == (try Self.rosetta()))
            let pier = Post(
                channel: "flickr", sourceId: "55011987654", sourceUrl: "https://www.flickr.com/photos/kettleandcrow/55011987654/",
                title: "Pier 9 at golden hour", textRich: nil, textPlain: nil, publishedAt: try Self.date("2026-09-12T07:15:30Z"),
                from: Self.owner, tags: ["latteart", "pier9", "café"],
                images: [PostImage(url: "https://live.staticflickr.com/65535/55011987654_30cb0b941c_b.jpg", altText: "Pier 9 at golden hour")],
                kind: .image)
            #expect(result.posts.dropFirst().first == pier)
            #expect(result.posts.last?.textPlain == "Washed Gesha, arrived Tuesday. It's going on the guest grinder.")
            #expect(result.posts.allSatisfy { $0.postType == .image && $0.videos.isEmpty && $0.attachments.isEmpty })
        }
    }

    @Test("A tags-only feed asks for everyone's photos as JSON, as the manifest does, and maps the JSONP answer")
    func tagsOnly() async throws {
        let harness = try AdapterHarness(FlickrAdapter())
        try await harness.run { client in
            let result = try await harness.fetch(["tags": .string(" #latteart ,"), "tagmode": .string("ANY")], client: client)
            #expect(harness.replay.requests.first?.query == ["tags": "latteart", "tagmode": "any", "format": "json"])
            #expect(harness.replay.requests.first?.answeredBy != nil)
            #expect(!result.posts.isEmpty)
            #expect(result.posts.allSatisfy { $0.channel == "flickr" && $0.postType == .image })
        }
    }

    @Test("The JSON fallback reads the invalid \\' escapes and maps like Atom, minus the buddy icon")
    func json() throws {
        let replay = try PlatformReplay(service: "flickr")
        let bytes = [UInt8](try replay.file("photos_public_user_tag.json"))
        #expect(throws: (any Error).self) { try JSONSerialization.jsonObject(with: Data(bytes)) }
        let response = FetchResponse(status: 200, finalURL: "https://www.flickr.com/services/feeds/photos_public.gne", body: bytes)
        let posts = try FlickrAdapter.posts(from: response, what: "user 201234567@N04")
        var expected = try Self.rosetta()
        expected.from.profileImageUrl = nil
        #expect(posts.first == expected)
        #expect(posts.map(\.sourceId) == ["55012345678", "55011987654", "55009876543"])
        #expect(posts.dropFirst().first?.textPlain == nil)
        #expect(posts.dropFirst().first?.tags == ["latteart", "pier9", "café"])
        #expect(posts.last?.textPlain == "Washed Gesha, arrived Tuesday. It's going on the guest grinder.")
    }

    @Test("The JSONP wrapper is stripped and gives the same posts as plain JSON")
    func jsonp() throws {
        let replay = try PlatformReplay(service: "flickr")
        let plain = try FlickrJSON.decode([UInt8](try replay.file("photos_public_user_tag.json")))
        let wrapped = try FlickrJSON.decode([UInt8](try replay.file("photos_public_tag_everyone.jsonp")))
        #expect(wrapped.title == "Recent Uploads tagged latteart")
        #expect((wrapped.items ?? []).map(FlickrMapping.post) == (plain.items ?? []).map(FlickrMapping.post))
        #expect(FlickrMapping.authorName(in: "nobody@flickr.com (\"Kettle &amp; Crow\")") == "Kettle & Crow")
        #expect(FlickrJSON.cleaned(Array(#"{"a":"x\\'y","b":"it\'s"}"#.utf8)) == Array(#"{"a":"x\\'y","b":"it's"}"#.utf8))
    }

    @Test("Unreadable JSON fails naming Flickr")
    func badJSON() {
        #expect(throws: PlatformError.self) { try FlickrJSON.decode(Array("jsonFlickrFeed({\"items\": 3})".utf8)) }
    }

    @Test("Attributes: an NSID, comma-separated tags, all or any; at least a user or tags", arguments: [
        (["user_id": FeedAttribute.string("201234567@N04")], [String]()),
        (["tags": .string("latteart,coffee")], []),
        (["user_id": .string("201234567@N04"), "tags": .string("latteart"), "tagmode": .string("all")], []),
        (["tags": .string("latteart"), "tagmode": .string("any")], []),
        ([:], ["user_id"]),
        (["tagmode": .string("all")], ["user_id"]),
        (["user_id": .string("kettleandcrow")], ["user_id"]),
        (["user_id": .string("201234567@N04"), "tags": .string(" , ")], ["tags"]),
        (["tags": .string("latteart"), "tagmode": .string("some")], ["tagmode"]),
    ])
    func attributes(_ attributes: [String: FeedAttribute], _ expected: [String]) {
        let problems = FlickrAdapter().problems(in: attributes)
        #expect(problems.map(\.attribute) == expected)
        #expect(problems.allSatisfy { !$0.message.isEmpty })
    }

    @Test("The adapter is registered and public")
    func registration() {
        let adapter = PlatformAdapters.adapter(for: "flickr")
        #expect(adapter?.channel == "flickr" && adapter?.needsCredentials([:]) == false)
        #expect(adapter?.attributeNames == ["user_id", "tags", "tagmode"])
    }
}
