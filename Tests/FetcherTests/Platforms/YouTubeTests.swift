import Foundation
import HTTPTypes
import PlatformReplay
import Testing
@testable import FeedFetchers

@Suite struct YouTubeTests {
    static let channelId = "UCq3kX7Lm2vN9pR4tYw8bZ1A"
    static let channelURL = "https://www.youtube.com/channel/UCq3kX7Lm2vN9pR4tYw8bZ1A"
    static let avatar = "https://yt3.googleusercontent.com/fixture-avatar-Qm9vc3Q=s900-c-k-c0x00ffffff-no-rj"

    static func date(_ text: String) throws -> Date { try #require(FeedDate.parse(text)) }

    @Test("FeedDate reads the feed's +00:00 offsets")
    func dates() throws {
        #expect(FeedDate.isoString(try Self.date("2026-09-11T18:00:06+00:00")) == "2026-09-11T18:00:06.000Z")
    }

    @Test("A channel feed maps every entry, newest first, field by field as the README says")
    func channelFeed() async throws {
        let harness = try AdapterHarness(YouTubeAdapter())
        try await harness.run { client in
            let result = try await harness.fetch(["channel_id": .string(Self.channelId)], client: client)
            #expect(result.posts.map(\.sourceId) == ["Xk3pQ9vLm2A", "b7Rw2TnQe9k", "Lq0_Zs4-YhM", "cT9-ka1WmPo"])
            let title = "How we re-tuned our steam wands for autumn milk"
            let description = """
                Our dairy switched to pasture-only milk for the autumn and the foam changed. Here is how we measured it and what we changed on both machines.

                00:00 Why the foam changed
                02:41 Measuring fat & protein
                06:10 New steam times

                Read the write-up: https://kettleandcrow.example/journal/new-milk-new-foam

                #LatteArt #Barista #SpecialtyCoffee
                """
            let author = PostAuthor(name: "Kettle & Crow Roasters", username: nil, profileUrl: Self.channelURL, profileImageUrl: nil)
            let first = Post(
                channel: "youtube", sourceId: "Xk3pQ9vLm2A", sourceUrl: "https://www.youtube.com/watch?v=Xk3pQ9vLm2A", title: title,
                textRich: "<p>Our dairy switched to pasture-only milk for the autumn and the foam changed. Here is how we measured it and what we changed on both machines.</p>"
                    + "<p>00:00 Why the foam changed<br>02:41 Measuring fat &amp; protein<br>06:10 New steam times</p>"
                    + "<p>Read the write-up: <a href=\"https://kettleandcrow.example/journal/new-milk-new-foam\">https://kettleandcrow.example/journal/new-milk-new-foam</a></p>"
                    + "<p>#LatteArt #Barista #SpecialtyCoffee</p>",
                textPlain: description, publishedAt: try Self.date("2026-09-11T18:00:06Z"), from: author,
                tags: ["LatteArt", "Barista", "SpecialtyCoffee"],
                images: [PostImage(url: "https://i2.ytimg.com/vi/Xk3pQ9vLm2A/hqdefault.jpg", altText: title)],
                videos: [PostVideo(type: .iframe, url: "https://www.youtube.com/embed/Xk3pQ9vLm2A")], kind: .video)
            #expect(result.posts.first == first)
            let short = Post(
                channel: "youtube", sourceId: "b7Rw2TnQe9k", sourceUrl: "https://www.youtube.com/shorts/b7Rw2TnQe9k",
                title: "Swan in 20 seconds ☕🦢 #shorts", textRich: "<p>#LatteArt #shorts</p>", textPlain: "#LatteArt #shorts",
                publishedAt: try Self.date("2026-09-10T07:31:44Z"), from: author, tags: ["LatteArt", "shorts"],
                images: [PostImage(url: "https://i3.ytimg.com/vi/b7Rw2TnQe9k/hqdefault.jpg", altText: "Swan in 20 seconds ☕🦢 #shorts")],
                videos: [PostVideo(type: .iframe, url: "https://www.youtube.com/embed/b7Rw2TnQe9k")], kind: .video)
            #expect(result.posts.dropFirst().first == short)
            let cupping = try #require(result.posts.dropFirst(2).first)
            #expect(cupping.textPlain == "Blind cupping with the whole team. Scores & notes in the pinned comment.")
            #expect(cupping.textRich == "<p>Blind cupping with the whole team. Scores &amp; notes in the pinned comment.</p>")
            #expect(cupping.images.first?.url == "https://i1.ytimg.com/vi/Lq0_Zs4-YhM/hqdefault.jpg")
            let empty = try #require(result.posts.last)
            #expect(empty.textPlain == nil && empty.textRich == nil && empty.tags.isEmpty)
            #expect(empty.postType == .video && empty.attachments.isEmpty && empty.ctaLink == nil)
            #expect(result.posts.allSatisfy { $0.from == author })
            let request = try #require(harness.replay.requests.first)
            #expect(request.path == "/feeds/videos.xml" && request.query == ["channel_id": Self.channelId])
            #expect(request.answeredBy == "channel feed (15 newest uploads, Shorts included)")
            #expect(result.notModified == false)
        }
    }

    @Test("A playlist feed, by playlist_id or by playlist URL, keeps its videos newest first")
    func playlist() async throws {
        let harness = try AdapterHarness(YouTubeAdapter())
        try await harness.run { client in
            let byId = try await harness.fetch(["playlist_id": .string("PLb2N8xQz4kLm7Vt1Rw9Ys3Hc5Ud0Fe6Gj")], client: client)
            let byURL = try await harness.fetch(
                ["url": .string("https://www.youtube.com/playlist?list=PLb2N8xQz4kLm7Vt1Rw9Ys3Hc5Ud0Fe6Gj")], client: client)
            #expect(byId.posts.map(\.sourceId) == ["cT9-ka1WmPo", "Fh2kP8sVn1Q", "aZ7mW3qRt5E"])
            #expect(byId.posts == byURL.posts)
            #expect(byId.posts.map(\.publishedAt) == byId.posts.map(\.publishedAt).sorted { ($0 ?? .distantPast) > ($1 ?? .distantPast) })
            #expect(byId.posts.first?.title == "Tamping: level, not hard (beginner mistakes, part 3)")
            #expect(byId.posts.first?.from.profileUrl == Self.channelURL)
            #expect(harness.replay.requests.map(\.answeredBy) == ["playlist feed", "playlist feed"])
        }
    }

    @Test("A handle URL is resolved once with the consent cookie; the handle and avatar fill from.*")
    func handle() async throws {
        // Served by a stub: the manifest's handle interaction lists the cookie with a comment in
        // its value ("SOCS=CAI (consent, …)"), which the replay compares literally.
        let replay = try PlatformReplay(service: "youtube")
        let page = try replay.file("channel_page_handle.html")
        let feed = try replay.file("channel_feed.xml")
        let seen = Shared<[FeedPlatformStub.Seen]>([])
        try await FeedPlatformStub.run(YouTubeAdapter(), answer: { request, _ in
            seen.update { $0.append(request) }
            switch request.path {
            case "/@kettleandcrow", "/c/KettleAndCrow": return FeedPlatformStub.ok(page, [.contentType: "text/html; charset=utf-8"])
            case "/feeds/videos.xml" where request.query == "channel_id=\(Self.channelId)": return FeedPlatformStub.ok(feed, [.contentType: "text/xml"])
            default: return FeedPlatformStub.status(404)
            }
        }) { client in
            let adapter = YouTubeAdapter()
            let attributes: [String: FeedAttribute] = ["url": .string("https://www.youtube.com/@kettleandcrow")]
            let first = try await adapter.fetch(PlatformFeed(attributes: attributes, now: AdapterHarness.recordedAt), client: client)
            let pageRequest = try #require(seen.value.first)
            #expect(pageRequest.path == "/@kettleandcrow")
            #expect(pageRequest.headers["cookie"] == "SOCS=CAI" && pageRequest.headers["accept-language"] == "en")
            #expect(seen.value.last?.query == "channel_id=\(Self.channelId)")
            #expect(first.state["channel_id"] == Self.channelId && first.state["handle"] == "kettleandcrow")
            #expect(first.state["profile_image_url"] == Self.avatar)
            #expect(first.posts.count == 4)
            let author = PostAuthor(name: "Kettle & Crow Roasters", username: "kettleandcrow", profileUrl: Self.channelURL, profileImageUrl: Self.avatar)
            #expect(first.posts.allSatisfy { $0.from == author })
            // The next fetch reads the resolved id from the state: only the feed is requested.
            let second = try await adapter.fetch(PlatformFeed(attributes: attributes, state: first.state, now: AdapterHarness.recordedAt), client: client)
            #expect(seen.value.map(\.path) == ["/@kettleandcrow", "/feeds/videos.xml", "/feeds/videos.xml"])
            #expect(second.posts == first.posts)
            // A /c/ name has no handle in its URL: the page's vanity URL gives it.
            let custom = try await adapter.fetch(
                PlatformFeed(attributes: ["url": .string("https://www.youtube.com/c/KettleAndCrow")], now: AdapterHarness.recordedAt), client: client)
            #expect(custom.posts.first?.from == author)
        }
    }

    @Test("The manifest's handle request is the one the adapter sends, cookie aside")
    func handleRequestShape() async throws {
        let harness = try AdapterHarness(YouTubeAdapter())
        try await harness.run { client in
            do { _ = try await harness.fetch(["url": .string("https://www.youtube.com/@kettleandcrow")], client: client) } catch {}
            let request = try #require(harness.replay.requests.first)
            #expect(request.path == "/@kettleandcrow" && request.query.isEmpty)
            #expect(request.headers["accept-language"] == "en")
        }
    }

    @Test("exclude_shorts asks for the channel's UULF playlist")
    func excludeShorts() async throws {
        let harness = try AdapterHarness(YouTubeAdapter())
        try await harness.run { client in
            // The fixtures have no UULF feed: the replay answers 404, which is YouTube's intermittent failure.
            await #expect(throws: PlatformError.self) {
                _ = try await harness.fetch(["channel_id": .string(Self.channelId), "exclude_shorts": .bool(true)], client: client)
            }
            #expect(harness.replay.requests.first?.query == ["playlist_id": "UULFq3kX7Lm2vN9pR4tYw8bZ1A"])
        }
    }

    @Test("A 404 on a feed that never worked is not found at once, naming the channel")
    func notFoundNewFeed() async throws {
        let harness = try AdapterHarness(YouTubeAdapter())
        try await harness.run { client in
            do throws(PlatformError) {
                _ = try await harness.fetch(["channel_id": .string("UCzzzzzzzzzzzzzzzzzzzzzz")], client: client)
                Issue.record("expected an error")
            } catch {
                guard case .notFound(let message) = error else { Issue.record("expected notFound, got \(error)"); return }
                #expect(message.contains("404") && message.contains("UCzzzzzzzzzzzzzzzzzzzzzz") && message.contains("YouTube"))
            }
        }
    }

    @Test("A 404 on a feed that has worked is unavailable (flagged only after several), naming the channel")
    func notFoundFeed() async throws {
        let harness = try AdapterHarness(YouTubeAdapter())
        try await harness.run { client in
            do throws(PlatformError) {
                _ = try await harness.fetch(["channel_id": .string("UCzzzzzzzzzzzzzzzzzzzzzz")], known: ["Xk3pQ9vLm2A"], client: client)
                Issue.record("expected an error")
            } catch {
                guard case .unavailable(let message) = error else { Issue.record("expected unavailable, got \(error)"); return }
                #expect(message.contains("404") && message.contains("UCzzzzzzzzzzzzzzzzzzzzzz") && message.contains("YouTube"))
            }
            #expect(harness.replay.requests.first?.answeredBy?.hasPrefix("unknown channel id") == true)
        }
    }

    @Test("A handle page that answers 404 means the channel was not found")
    func unknownHandle() async throws {
        let harness = try AdapterHarness(YouTubeAdapter())
        try await harness.run { client in
            do throws(PlatformError) {
                _ = try await harness.fetch(["url": .string("https://www.youtube.com/@nobody-here")], client: client)
                Issue.record("expected an error")
            } catch {
                guard case .notFound(let message) = error else { Issue.record("expected notFound, got \(error)"); return }
                #expect(message.contains("https://www.youtube.com/@nobody-here") && message.contains("not found"))
            }
        }
    }

    @Test("ETag and Last-Modified are kept and sent back; a 304 is not modified; a 500 is unavailable")
    func conditionalGet() async throws {
        let body = try PlatformReplay(service: "youtube").file("channel_feed.xml")
        let seen = Shared<[FeedPlatformStub.Seen]>([])
        let failing = Shared(false)
        try await FeedPlatformStub.run(YouTubeAdapter(), answer: { request, _ in
            seen.update { $0.append(request) }
            if failing.value { return FeedPlatformStub.status(500) }
            if request.headers["if-none-match"] == "\"v7\"" { return FeedPlatformStub.status(304, [.eTag: "\"v7\""]) }
            return FeedPlatformStub.ok(body, [.eTag: "\"v7\"", .lastModified: "Tue, 15 Sep 2026 07:00:00 GMT", .contentType: "text/xml"])
        }) { client in
            let adapter = YouTubeAdapter()
            let attributes: [String: FeedAttribute] = ["channel_id": .string(Self.channelId)]
            let first = try await adapter.fetch(PlatformFeed(attributes: attributes, now: AdapterHarness.recordedAt), client: client)
            #expect(first.posts.count == 4)
            #expect(first.state["etag"] == "\"v7\"" && first.state["last_modified"] == "Tue, 15 Sep 2026 07:00:00 GMT")
            let second = try await adapter.fetch(PlatformFeed(attributes: attributes, state: first.state, now: AdapterHarness.recordedAt), client: client)
            #expect(second.notModified && second.posts.isEmpty && second.state == first.state)
            #expect(seen.value.last?.headers["if-modified-since"] == "Tue, 15 Sep 2026 07:00:00 GMT")
            failing.update { $0 = true }
            do throws(PlatformError) {
                _ = try await adapter.fetch(PlatformFeed(attributes: attributes, now: AdapterHarness.recordedAt), client: client)
                Issue.record("expected an error")
            } catch {
                guard case .unavailable(let message) = error else { Issue.record("expected unavailable, got \(error)"); return }
                #expect(message.contains("500"))
            }
        }
    }

    @Test("The channel id is found in each place a channel page may carry it")
    func channelPage() throws {
        let html = try String(decoding: PlatformReplay(service: "youtube").file("channel_page_handle.html"), as: UTF8.self)
        let page = YouTubeChannelPage(html: html)
        #expect(page == YouTubeChannelPage.expected(id: Self.channelId, handle: "kettleandcrow", image: Self.avatar))
        let variants = [
            "<head><meta content=\"\(Self.channelId)\" itemprop=\"identifier\"></head>",
            "<head><link type=\"application/rss+xml\" rel=\"alternate\" href=\"https://www.youtube.com/feeds/videos.xml?channel_id=\(Self.channelId)\"></head>",
            "<head></head><script>var ytInitialData = {\"externalId\":\"\(Self.channelId)\"};</script>",
            "<HEAD><LINK REL=canonical HREF=https://www.youtube.com/channel/\(Self.channelId)></HEAD>",
        ]
        for variant in variants { #expect(YouTubeChannelPage(html: variant).channelId == Self.channelId) }
        #expect(YouTubeChannelPage(html: "<head><link rel=\"canonical\" href=\"https://www.youtube.com/\"></head>").channelId == nil)
    }

    @Test("Attributes: exactly one of channel_id, playlist_id or url, each well formed", arguments: [
        (["channel_id": FeedAttribute.string("UCq3kX7Lm2vN9pR4tYw8bZ1A")], [String]()),
        (["channel_id": .string("UCq3kX7Lm2vN9pR4tYw8bZ1A"), "exclude_shorts": .bool(true)], []),
        (["playlist_id": .string("PLb2N8xQz4kLm7Vt1Rw9Ys3Hc5Ud0Fe6Gj")], []),
        (["url": .string("https://www.youtube.com/channel/UCq3kX7Lm2vN9pR4tYw8bZ1A")], []),
        (["url": .string("https://youtube.com/@kettleandcrow")], []),
        (["url": .string("www.youtube.com/c/KettleAndCrow")], []),
        (["url": .string("https://m.youtube.com/user/kettleandcrow/videos")], []),
        (["url": .string("https://www.youtube.com/playlist?list=PLb2N8xQz4kLm7Vt1Rw9Ys3Hc5Ud0Fe6Gj")], []),
        ([:], ["channel_id"]),
        (["channel_id": .string("q3kX7Lm2vN9pR4tYw8bZ1A")], ["channel_id"]),
        (["channel_id": .string("UCq3kX7Lm2vN9pR4tYw8bZ1A"), "url": .string("https://www.youtube.com/@kettleandcrow")], ["url"]),
        (["playlist_id": .string("PL x")], ["playlist_id"]),
        (["url": .string("https://vimeo.com/channel/UCq3kX7Lm2vN9pR4tYw8bZ1A")], ["url"]),
        (["url": .string("https://youtu.be/Xk3pQ9vLm2A")], ["url"]),
        (["url": .string("https://www.youtube.com/watch?v=Xk3pQ9vLm2A")], ["url"]),
        (["channel_id": .string("UCq3kX7Lm2vN9pR4tYw8bZ1A"), "exclude_shorts": .string("maybe")], ["exclude_shorts"]),
        (["playlist_id": .string("PLb2N8xQz4kLm7Vt1Rw9Ys3Hc5Ud0Fe6Gj"), "exclude_shorts": .bool(true)], ["exclude_shorts"]),
    ])
    func attributes(_ attributes: [String: FeedAttribute], _ expected: [String]) {
        let problems = YouTubeAdapter().problems(in: attributes)
        #expect(problems.map(\.attribute) == expected)
        #expect(problems.allSatisfy { !$0.message.isEmpty })
    }

    @Test("The adapter is registered, public and polls at most every 15 minutes")
    func registration() {
        let adapter = PlatformAdapters.adapter(for: "youtube")
        #expect(adapter?.channel == "youtube")
        #expect(adapter?.credentialFields.isEmpty == true && adapter?.needsCredentials([:]) == false)
        #expect(adapter.map(\.minimumInterval) == TimeInterval(15 * 60))
        #expect(adapter?.attributeNames == ["channel_id", "playlist_id", "url", "exclude_shorts"])
    }
}

extension YouTubeChannelPage {
    /// A page reading with the given members.
    static func expected(id: String?, handle: String?, image: String?) -> YouTubeChannelPage {
        var page = YouTubeChannelPage(html: "")
        page.channelId = id
        page.handle = handle
        page.imageURL = image
        return page
    }
}
