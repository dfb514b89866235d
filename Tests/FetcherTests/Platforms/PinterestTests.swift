import Foundation
import HTTPTypes
import PlatformReplay
import Testing
@testable import FeedFetchers

@Suite struct PinterestTests {
    static let owner = PostAuthor(name: "kettleandcrow", username: "kettleandcrow", profileUrl: "https://www.pinterest.com/kettleandcrow/")

    static func date(_ text: String) throws -> Date { try #require(FeedDate.parse(text)) }

    @Test("FeedDate reads the feed's RFC 822 GMT dates")
    func dates() throws {
        #expect(FeedDate.isoString(try Self.date("Mon, 14 Sep 2026 16:50:12 GMT")) == "2026-09-14T16:50:12.000Z")
    }

    @Test("A board feed maps every pin: pin id, 736x image, double-unescaped caption, owner from the URL")
    func boardFeed() async throws {
        let harness = try AdapterHarness(PinterestAdapter())
        try await harness.run { client in
            let result = try await harness.fetch(["url": .string("https://www.pinterest.com/kettleandcrow/latte-art/")], client: client)
            #expect(harness.replay.requests.map(\.path) == ["/kettleandcrow/latte-art.rss"])
            #expect(harness.replay.requests.first?.answeredBy?.hasPrefix("board feed") == true)
            #expect(result.posts.map(\.sourceId) == ["693906255131801442", "693906255131799871", "693906255131797020",
                                                     "693906255131793877", "693906255131790215"])
            let first = Post(
                channel: "pinterest", sourceId: "693906255131801442", sourceUrl: "https://www.pinterest.com/pin/693906255131801442/",
                title: "Seven-layer rosetta", textRich: "Seven-layer rosetta, 6 oz cup, oat milk. #latteart #rosetta",
                textPlain: "Seven-layer rosetta, 6 oz cup, oat milk. #latteart #rosetta",
                publishedAt: try Self.date("2026-09-14T16:50:12Z"), from: Self.owner, tags: ["latteart", "rosetta"],
                images: [PostImage(url: "https://i.pinimg.com/736x/34/e8/d4/34e8d494c3bf7df0478fa256e4f65f07.jpg", altText: "Seven-layer rosetta")],
                kind: .image)
            #expect(result.posts.first == first)
            let untitled = Post(
                channel: "pinterest", sourceId: "693906255131799871", sourceUrl: "https://www.pinterest.com/pin/693906255131799871/",
                title: nil, textRich: "Tulip stack practice – day 12", textPlain: "Tulip stack practice – day 12",
                publishedAt: try Self.date("2026-09-13T08:02:47Z"), from: Self.owner,
                images: [PostImage(url: "https://i.pinimg.com/736x/95/2f/47/952f470011cbfd67f74e729eb95f03e2.jpg", altText: nil)],
                kind: .image)
            #expect(result.posts.dropFirst().first == untitled)
            let escaped = try #require(result.posts.dropFirst(2).first)
            #expect(escaped.textPlain == "Pier 9 at 6 pm. Photo by our neighbour “the bakery” & friends.")
            #expect(escaped.textRich == "Pier 9 at 6 pm. Photo by our neighbour “the bakery” &amp; friends.")
            #expect(escaped.tags.isEmpty)
            let video = try #require(result.posts.dropFirst(3).first)
            #expect(video.videos.isEmpty && video.postType == .image && video.title == "Swan in slow motion")
            let captionless = try #require(result.posts.last)
            #expect(captionless.textPlain == nil && captionless.textRich == nil && captionless.title == "Cardamom bun & flat white")
            #expect(captionless.images.first?.url == "https://i.pinimg.com/736x/f0/fb/9c/f0fb9c8021ef15cf05bacdef43dfd071.jpg")
            #expect(result.posts.allSatisfy { $0.from == Self.owner && $0.attachments.isEmpty && $0.ctaLink == nil })
        }
    }

    @Test("A profile feed takes from.name from the channel title; a bare <img> still gives the image")
    func profileFeed() async throws {
        let harness = try AdapterHarness(PinterestAdapter())
        try await harness.run { client in
            let result = try await harness.fetch(["url": .string("https://fi.pinterest.com/kettleandcrow")], client: client)
            #expect(harness.replay.requests.map(\.path) == ["/kettleandcrow/feed.rss"])
            let owner = PostAuthor(name: "Kettle & Crow Roasters", username: "kettleandcrow", profileUrl: "https://www.pinterest.com/kettleandcrow/")
            #expect(result.posts.count == 3)
            #expect(result.posts.allSatisfy { $0.from == owner })
            let menu = Post(
                channel: "pinterest", sourceId: "693906255131801003", sourceUrl: "https://www.pinterest.com/pin/693906255131801003/",
                title: "Autumn menu board", textRich: "Chalkboard for the autumn menu – spiced pear cortado is back.",
                textPlain: "Chalkboard for the autumn menu – spiced pear cortado is back.",
                publishedAt: try Self.date("2026-09-14T09:12:40Z"), from: owner,
                images: [PostImage(url: "https://i.pinimg.com/736x/cb/e2/7a/cbe27a336f58cc5edb50f098b101cd8f.jpg", altText: "Autumn menu board")],
                kind: .image)
            #expect(result.posts.dropFirst().first == menu)
            let bare = try #require(result.posts.last)
            #expect(bare.images == [PostImage(url: "https://i.pinimg.com/736x/77/cf/b3/77cfb3ae346f96fe4a3d4d309d0323b8.jpg", altText: "Roast profile notes")])
            #expect(bare.textPlain == nil && bare.textRich == nil && bare.postType == .image)
        }
    }

    @Test("A url already ending in .rss is requested as given")
    func rssURL() async throws {
        let harness = try AdapterHarness(PinterestAdapter())
        try await harness.run { client in
            let result = try await harness.fetch(["url": .string("https://www.pinterest.co.uk/kettleandcrow/latte-art.rss")], client: client)
            #expect(result.posts.count == 5)
            #expect(harness.replay.requests.map(\.path) == ["/kettleandcrow/latte-art.rss"])
        }
    }

    @Test("An unknown board is not found, naming it")
    func unknownBoard() async throws {
        let harness = try AdapterHarness(PinterestAdapter())
        try await harness.run { client in
            do throws(PlatformError) {
                _ = try await harness.fetch(["url": .string("https://www.pinterest.com/kettleandcrow/gone/")], client: client)
                Issue.record("expected an error")
            } catch {
                guard case .notFound(let message) = error else { Issue.record("expected notFound, got \(error)"); return }
                #expect(message.contains("kettleandcrow/gone") && message.contains("Pinterest"))
            }
        }
    }

    @Test("A pin.it link is followed once, its target checked and kept; a 304 is not modified")
    func shortLink() async throws {
        let board = try PlatformReplay(service: "pinterest").file("board_feed.rss")
        let seen = Shared<[String]>([])
        try await FeedPlatformStub.run(PinterestAdapter(), answer: { request, base in
            seen.update { $0.append(request.path) }
            switch request.path {
            case "/aB3xY9": return FeedPlatformStub.status(302, [.location: base + "/kettleandcrow/latte-art/"])
            case "/elsewhere": return FeedPlatformStub.status(302, [.location: base + "/pin/693906255131801442/"])
            case "/kettleandcrow/latte-art/": return FeedPlatformStub.ok(Data("<html></html>".utf8))
            case "/pin/693906255131801442/": return FeedPlatformStub.ok(Data("<html></html>".utf8))
            default:
                if request.headers["if-none-match"] == "\"p1\"" { return FeedPlatformStub.status(304) }
                return FeedPlatformStub.ok(board, [.eTag: "\"p1\"", .contentType: "application/rss+xml; charset=utf-8"])
            }
        }) { client in
            let adapter = PinterestAdapter()
            let attributes: [String: FeedAttribute] = ["url": .string("https://pin.it/aB3xY9")]
            let first = try await adapter.fetch(PlatformFeed(attributes: attributes, now: AdapterHarness.recordedAt), client: client)
            #expect(first.posts.count == 5)
            #expect(first.posts.first?.from.username == "kettleandcrow")
            #expect(first.state["short_link_path"] == "/kettleandcrow/latte-art.rss")
            #expect(seen.value == ["/aB3xY9", "/kettleandcrow/latte-art/", "/kettleandcrow/latte-art.rss"])
            let second = try await adapter.fetch(PlatformFeed(attributes: attributes, state: first.state, now: AdapterHarness.recordedAt), client: client)
            #expect(second.notModified && second.posts.isEmpty)
            #expect(seen.value.count == 4)
            do throws(PlatformError) {
                _ = try await adapter.fetch(PlatformFeed(attributes: ["url": .string("https://pin.it/elsewhere")], now: AdapterHarness.recordedAt), client: client)
                Issue.record("expected an error")
            } catch {
                guard case .misconfigured(let message) = error else { Issue.record("expected misconfigured, got \(error)"); return }
                #expect(message.contains("https://pin.it/elsewhere") && message.contains("not a Pinterest profile or board"))
            }
        }
    }

    @Test("Attributes: url on a pinterest.* host or pin.it, a profile or board", arguments: [
        ("https://www.pinterest.com/kettleandcrow/latte-art/", true),
        ("https://www.pinterest.com/kettleandcrow/latte-art", true),
        ("https://www.pinterest.com/kettleandcrow/", true),
        ("pinterest.com/kettleandcrow", true),
        ("https://fi.pinterest.com/kettleandcrow/latte-art/", true),
        ("https://www.pinterest.co.uk/kettleandcrow/latte-art/", true),
        ("https://www.pinterest.com/kettleandcrow/latte-art.rss", true),
        ("https://www.pinterest.com/kettleandcrow/feed.rss", true),
        ("https://pin.it/aB3xY9", true),
        ("https://www.pinterest.com/pin/693906255131801442/", false),
        ("https://www.pinterest.com/kettleandcrow/latte-art/section-one/", false),
        ("https://www.pinterest.com/", false),
        ("https://pinterest.example.com/kettleandcrow/", false),
        ("https://www.pinterest.com.evil.io/kettleandcrow/", false),
        ("https://example.com/kettleandcrow/latte-art/", false),
        ("ftp://www.pinterest.com/kettleandcrow/", false),
    ])
    func attributes(_ url: String, _ valid: Bool) {
        let problems = PinterestAdapter().problems(in: ["url": .string(url)])
        #expect(problems.isEmpty == valid)
        #expect(problems.allSatisfy { $0.attribute == "url" && $0.message.contains("Pinterest") })
    }

    @Test("A missing url is a problem of url")
    func missingURL() {
        #expect(PinterestAdapter().problems(in: [:]).map(\.attribute) == ["url"])
        #expect(PlatformAdapters.adapter(for: "pinterest")?.channel == "pinterest")
        #expect(PlatformAdapters.adapter(for: "pinterest")?.needsCredentials([:]) == false)
    }
}
