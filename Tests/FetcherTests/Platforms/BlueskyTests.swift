import Foundation
import Testing
@testable import FeedFetchers

/// The error a fetch ends with, or nil when it succeeds.
private func failure(_ body: () async throws(PlatformError) -> PlatformResult) async -> PlatformError? {
    do {
        _ = try await body()
        return nil
    } catch {
        return error
    }
}

private let account: [String: FeedAttribute] = ["handle": .string("kettleandcrow.bsky.social")]
private let hashtag: [String: FeedAttribute] = ["hashtag": .string("#LatteArt")]
private let login = ["identifier": "roost-fetcher.bsky.social", "app_password": "abcd-efgh-ijkl-mnop"]
private let cached = ["identifier": "roost-fetcher.bsky.social", "app_password": "abcd-efgh-ijkl-mnop",
                      "access_jwt": "cached-access", "refresh_jwt": "cached-refresh"]
private let avatar = "https://cdn.bsky.app/img/avatar/plain/did:plc:k7vq3m2xw5lrt4ez6hyc2npa/bafkreiozdreri7jcfjpaam57l4zgm2pdhobhmaozdreri7jcfjpaam57l4@jpeg"

@Suite struct BlueskyTests {
    @Test("an author feed: two pages by cursor, the repost skipped, facets applied by UTF-8 byte offsets")
    func authorFeed() async throws {
        let harness = try AdapterHarness(BlueskyAdapter())
        try await harness.run { client in
            let result = try await harness.fetch(account, client: client)
            #expect(result.posts.map(\.sourceId) == [
                "at://did:plc:k7vq3m2xw5lrt4ez6hyc2npa/app.bsky.feed.post/3mvikiq4li22b",
                "at://did:plc:k7vq3m2xw5lrt4ez6hyc2npa/app.bsky.feed.post/3mvfak2cac22b",
                "at://did:plc:k7vq3m2xw5lrt4ez6hyc2npa/app.bsky.feed.post/3mvb6kyf5v22b",
                "at://did:plc:k7vq3m2xw5lrt4ez6hyc2npa/app.bsky.feed.post/3mv3ifqdpq22b",
            ])
            #expect(result.posts.map(\.postType) == [.image, .video, .text, .text])
            #expect(result.posts.allSatisfy { $0.channel == "bluesky" && $0.from == PostAuthor(
                name: "Kettle & Crow Roasters", username: "kettleandcrow.bsky.social",
                profileUrl: "https://bsky.app/profile/kettleandcrow.bsky.social", profileImageUrl: avatar) })

            let first = result.posts[0]
            #expect(first.sourceUrl == "https://bsky.app/profile/kettleandcrow.bsky.social/post/3mvikiq4li22b")
            #expect(first.textPlain == "Friday pour-off ☕🦢 rosetta by @maya-pours.bsky.social vs. tulip stack. Vote in the replies! #LatteArt #FlatWhiteFriday")
            #expect(first.textRich == "Friday pour-off ☕🦢 rosetta by <a href=\"https://bsky.app/profile/did:plc:r2d4tq7mz3xwv6bnl5kcy2oe\">@maya-pours.bsky.social</a>"
                + " vs. tulip stack. Vote in the replies! <a href=\"https://bsky.app/hashtag/LatteArt\">#LatteArt</a> <a href=\"https://bsky.app/hashtag/FlatWhiteFriday\">#FlatWhiteFriday</a>")
            #expect(first.tags == ["LatteArt", "FlatWhiteFriday"])
            #expect(first.publishedAt.map(FeedDate.isoString) == "2026-09-14T16:42:07.512Z")
            #expect(first.images == [
                PostImage(url: "https://cdn.bsky.app/img/feed_fullsize/plain/did:plc:k7vq3m2xw5lrt4ez6hyc2npa/bafkrei27n6tza4uuuy7cfcotjxwhwrzriumqlh27n6tza4uuuy7cfcotjx@jpeg",
                          altText: "Overhead shot of a flat white with a seven-layer rosetta in a blue ceramic cup"),
                PostImage(url: "https://cdn.bsky.app/img/feed_fullsize/plain/did:plc:k7vq3m2xw5lrt4ez6hyc2npa/bafkrei3snalva5t5grgzrvqtliptbg75cuy2mc3snalva5t5grgzrvqtli@jpeg",
                          altText: nil),
            ])
            #expect(first.videos.isEmpty && first.attachments.isEmpty && first.title == nil)

            let video = result.posts[1]
            #expect(video.videos == [PostVideo(type: .file, url: "https://video.bsky.app/watch/did%3Aplc%3Ak7vq3m2xw5lrt4ez6hyc2npa/bafkreiulmevyuvtjtyew5yzcsxujywkohi5rlhulmevyuvtjtyew5yzcsx/playlist.m3u8")])
            #expect(video.images == [PostImage(url: "https://video.bsky.app/watch/did%3Aplc%3Ak7vq3m2xw5lrt4ez6hyc2npa/bafkreiulmevyuvtjtyew5yzcsxujywkohi5rlhulmevyuvtjtyew5yzcsx/thumbnail.jpg",
                                               altText: "Steam wand in a pitcher of milk, slow motion")])
            #expect(video.tags == ["LatteArt", "BaristaTips"])
            #expect(video.textRich == "60 seconds of milk texturing, slowed down. Listen for the paper-tearing sound 👂 <a href=\"https://bsky.app/hashtag/LatteArt\">#LatteArt</a> <a href=\"https://bsky.app/hashtag/BaristaTips\">#BaristaTips</a>")

            let french = result.posts[2]
            #expect(french.textRich == "Nouveau : notre blog en français ! Pourquoi la mousse a changé en août → "
                + "<a href=\"https://kettleandcrow.example/fr/journal/nouveau-lait-nouvelle-mousse\">kettleandcrow.example/fr/jour…</a> <a href=\"https://bsky.app/hashtag/LatteArt\">#LatteArt</a>")
            #expect(french.publishedAt.map(FeedDate.isoString) == "2026-09-11T18:20:00.220Z")
            #expect(french.images.isEmpty && french.attachments.isEmpty)

            let last = result.posts[3]
            #expect(last.textRich == "Guest roaster week starts today: washed Gesha from Boquete. Ask for it as a cortado ♥")
            #expect(last.tags.isEmpty)
        }
        let seen = harness.replay.requests
        #expect(seen.map(\.answeredBy) == ["author feed, newest page (public AppView, no auth)", "author feed, older page via cursor; last page has no cursor"])
        #expect(seen[0].rawQuery == "actor=kettleandcrow.bsky.social&filter=posts_no_replies&limit=100&includePins=false")
        #expect(seen[1].query["cursor"] == "2026-09-11T18:20:00.22Z")
        #expect(seen.allSatisfy { $0.headers["authorization"] == nil })
    }

    @Test("with include_reposts the repost appears under its original author, with its link card")
    func reposts() async throws {
        let harness = try AdapterHarness(BlueskyAdapter())
        try await harness.run { client in
            let result = try await harness.fetch(account.merging(["include_reposts": .bool(true)]) { $1 }, client: client)
            #expect(result.posts.count == 5)
            let repost = result.posts[2]
            #expect(repost.sourceId == "at://did:plc:w6yjq3fh5n2ctdx7kzm4ulab/app.bsky.feed.post/3mvched4ek22b")
            #expect(repost.sourceUrl == "https://bsky.app/profile/harbourmilk.coop/post/3mvched4ek22b")
            #expect(repost.from.name == "Harbour Milk Co-op" && repost.from.username == "harbourmilk.coop")
            #expect(repost.postType == .link)
            #expect(repost.images == [PostImage(url: "https://cdn.bsky.app/img/feed_thumbnail/plain/did:plc:w6yjq3fh5n2ctdx7kzm4ulab/bafkrei7n3e6elggvxecl4nvirpcnyewidtxunk7n3e6elggvxecl4nvirp@jpeg")])
            #expect(repost.attachments == [PostAttachment(type: "link", fields: [
                ("url", .string("https://harbourmilk.coop/notes/autumn-pasture-2026")),
                ("title", .string("Autumn pasture milk: what changes in your cup")),
                ("snippet", .string("Fat, protein and foam-stability numbers for the 2026 autumn season.")),
            ])])
            #expect(repost.publishedAt.map(FeedDate.isoString) == "2026-09-12T06:30:00.000Z")
        }
    }

    @Test("include_replies asks for posts_with_replies")
    func replies() async throws {
        let harness = try AdapterHarness(BlueskyAdapter())
        try await harness.run { client in
            _ = await failure { () async throws(PlatformError) in
                try await harness.fetch(account.merging(["include_replies": .bool(true)]) { $1 }, client: client)
            }
        }
        #expect(harness.replay.requests.first?.query["filter"] == "posts_with_replies")
    }

    @Test("a later fetch stops at the page holding a known post")
    func incremental() async throws {
        let harness = try AdapterHarness(BlueskyAdapter())
        try await harness.run { client in
            let result = try await harness.fetch(account, known: ["at://did:plc:k7vq3m2xw5lrt4ez6hyc2npa/app.bsky.feed.post/3mvfak2cac22b"], client: client)
            #expect(result.posts.count == 3)
        }
        #expect(harness.replay.requests.count == 1)
    }

    @Test("an unknown handle is not found, naming it")
    func unknownHandle() async throws {
        let harness = try AdapterHarness(BlueskyAdapter())
        try await harness.run { client in
            let error = await failure { () async throws(PlatformError) in
                try await harness.fetch(["handle": .string("no-such-user.bsky.social")], client: client)
            }
            guard case .notFound(let message) = error else { Issue.record("expected notFound, got \(String(describing: error))"); return }
            #expect(message.contains("no-such-user.bsky.social"))
        }
    }

    @Test("a hashtag feed logs in, searches the latest posts, keeps the session, and maps hidden tags")
    func hashtagSearch() async throws {
        let harness = try AdapterHarness(BlueskyAdapter())
        try await harness.run { client in
            let result = try await harness.fetch(hashtag, credentials: login, client: client)
            #expect(result.refreshedCredentials == [
                "access_jwt": "eyJ0eXAiOiJhdCtqd3QiLCJhbGciOiJFUzI1NksifQ.FIXTURE-ACCESS-TOKEN-NOT-REAL.c2lnbmF0dXJl",
                "refresh_jwt": "eyJ0eXAiOiJyZWZyZXNoK2p3dCIsImFsZyI6IkVTMjU2SyJ9.FIXTURE-REFRESH-TOKEN-NOT-REAL.c2lnbmF0dXJl",
            ])
            #expect(result.posts.count == 2)
            let maya = result.posts[0]
            #expect(maya.sourceId == "at://did:plc:r2d4tq7mz3xwv6bnl5kcy2oe/app.bsky.feed.post/3mvk2eeu4ik2b")
            #expect(maya.from == PostAuthor(name: "Maya ☕", username: "maya-pours.bsky.social", profileUrl: "https://bsky.app/profile/maya-pours.bsky.social",
                                            profileImageUrl: "https://cdn.bsky.app/img/avatar/plain/did:plc:r2d4tq7mz3xwv6bnl5kcy2oe/bafkreit5ncj5tzzzalwul2clucrqwifoh6uoxrt5ncj5tzzzalwul2cluc@jpeg"))
            #expect(maya.tags == ["LatteArt", "BaristaLife"])
            #expect(maya.textRich == "Practising my swan every morning before open. Day 41 and the neck finally has a curve 🦢 <a href=\"https://bsky.app/hashtag/LatteArt\">#LatteArt</a>")
            #expect(maya.postType == .image)
            #expect(maya.images.map(\.altText) == ["A latte with a swan design, slightly lopsided"])
            #expect(maya.publishedAt.map(FeedDate.isoString) == "2026-09-15T06:58:41.090Z")
        }
        let seen = harness.replay.requests
        #expect(seen.map(\.path) == ["/xrpc/com.atproto.server.createSession", "/xrpc/app.bsky.feed.searchPosts", "/xrpc/app.bsky.feed.searchPosts"])
        #expect(seen[0].method == "POST" && seen[0].headers["content-type"] == "application/json")
        #expect(seen[0].body == #"{"identifier":"roost-fetcher.bsky.social","password":"abcd-efgh-ijkl-mnop"}"#)
        #expect(seen[1].rawQuery == "q=%23LatteArt&sort=latest&limit=100")
        #expect(seen[1].headers["authorization"] == "Bearer eyJ0eXAiOiJhdCtqd3QiLCJhbGciOiJFUzI1NksifQ.FIXTURE-ACCESS-TOKEN-NOT-REAL.c2lnbmF0dXJl")
        #expect(seen[2].query["cursor"] == "25")
    }

    @Test("a cached session is reused without logging in")
    func cachedSession() async throws {
        let harness = try AdapterHarness(BlueskyAdapter())
        try await harness.run { client in
            let result = try await harness.fetch(hashtag, credentials: cached, client: client)
            #expect(result.posts.count == 2 && result.refreshedCredentials.isEmpty)
        }
        #expect(harness.replay.requests.first?.headers["authorization"] == "Bearer cached-access")
        #expect(!harness.replay.requests.contains { $0.path.hasSuffix("createSession") })
    }

    @Test("an expired session is refreshed or renewed by logging in again, once; still refused, it asks to reconnect")
    func expiredSession() async throws {
        let harness = try AdapterHarness(BlueskyAdapter())
        harness.replay.prefer("access JWT expired (about 2 h lifetime): refresh with com.atproto.server.refreshSession")
        try await harness.run { client in
            let error = await failure { () async throws(PlatformError) in try await harness.fetch(hashtag, credentials: cached, client: client) }
            guard case .reconnect(let message) = error else { Issue.record("expected reconnect, got \(String(describing: error))"); return }
            #expect(message.contains("reconnect the Bluesky account"))
        }
        let seen = harness.replay.requests
        #expect(seen.map(\.path) == ["/xrpc/app.bsky.feed.searchPosts", "/xrpc/com.atproto.server.refreshSession",
                                     "/xrpc/com.atproto.server.createSession", "/xrpc/app.bsky.feed.searchPosts"])
        #expect(seen[1].headers["authorization"] == "Bearer cached-refresh")
    }

    @Test("a rate-limited search waits until RateLimit-Reset")
    func rateLimited() async throws {
        let harness = try AdapterHarness(BlueskyAdapter())
        harness.replay.prefer("rate limited")
        try await harness.run { client in
            let error = await failure { () async throws(PlatformError) in try await harness.fetch(hashtag, credentials: cached, client: client) }
            guard case .rateLimited(let until, let message) = error else { Issue.record("expected rateLimited, got \(String(describing: error))"); return }
            #expect(until == Date(timeIntervalSince1970: 1_789_459_412))
            #expect(message.contains("#LatteArt"))
        }
    }

    @Test("a refused login asks to reconnect; a hashtag feed without a login is misconfigured")
    func refusedLogin() async throws {
        let harness = try AdapterHarness(BlueskyAdapter())
        try await harness.run { client in
            let refused = await failure { () async throws(PlatformError) in
                try await harness.fetch(hashtag, credentials: ["identifier": "someone-else.bsky.social", "app_password": "wrong"], client: client)
            }
            guard case .reconnect(let message) = refused else { Issue.record("expected reconnect, got \(String(describing: refused))"); return }
            #expect(message.contains("someone-else.bsky.social") && !message.contains("wrong"))
            let missing = await failure { () async throws(PlatformError) in try await harness.fetch(hashtag, client: client) }
            guard case .misconfigured = missing else { Issue.record("expected misconfigured, got \(String(describing: missing))"); return }
        }
    }

    @Test("attributes: exactly one of handle, did or hashtag, each well-formed; booleans for the flags")
    func validation() {
        let adapter = BlueskyAdapter()
        #expect(adapter.problems(in: account).isEmpty)
        #expect(adapter.problems(in: ["handle": .string("@harbourmilk.coop"), "include_reposts": .bool(true), "include_replies": .string("false")]).isEmpty)
        #expect(adapter.problems(in: ["did": .string("did:plc:k7vq3m2xw5lrt4ez6hyc2npa")]).isEmpty)
        #expect(adapter.problems(in: ["did": .string("did:web:example.com")]).isEmpty)
        #expect(adapter.problems(in: hashtag).isEmpty)
        #expect(adapter.problems(in: [:]).map(\.attribute) == ["handle"])
        #expect(adapter.problems(in: ["handle": .string("kettle and crow")]).map(\.attribute) == ["handle"])
        #expect(adapter.problems(in: ["handle": .string("nodots")]).map(\.attribute) == ["handle"])
        #expect(adapter.problems(in: ["did": .string("did:key:abc")]).map(\.attribute) == ["did"])
        #expect(adapter.problems(in: ["hashtag": .string("two words")]).map(\.attribute) == ["hashtag"])
        #expect(adapter.problems(in: account.merging(["hashtag": .string("LatteArt")]) { $1 }).map(\.attribute) == ["hashtag"])
        #expect(adapter.problems(in: account.merging(["include_reposts": .string("maybe")]) { $1 }).map(\.attribute) == ["include_reposts"])
        #expect(!adapter.needsCredentials(account))
        #expect(adapter.needsCredentials(hashtag))
        #expect(BlueskyAdapter.source(hashtag) == .hashtag("LatteArt"))
    }

    @Test("facets off character boundaries or overlapping are ignored; newlines become <br>")
    func facetEdges() {
        let text = "é #a\nb"
        let broken = BlueskyFacet(index: BlueskyByteSlice(byteStart: 1, byteEnd: 5), features: [BlueskyFeature(type: "app.bsky.richtext.facet#tag", uri: nil, did: nil, tag: "a")])
        let good = BlueskyFacet(index: BlueskyByteSlice(byteStart: 3, byteEnd: 5), features: [BlueskyFeature(type: "app.bsky.richtext.facet#tag", uri: nil, did: nil, tag: "a")])
        let script = BlueskyFacet(index: BlueskyByteSlice(byteStart: 6, byteEnd: 7), features: [BlueskyFeature(type: "app.bsky.richtext.facet#link", uri: "javascript:alert(1)", did: nil, tag: nil)])
        #expect(BlueskyMapping.richText(text, facets: [broken, good, good, script]) == "é <a href=\"https://bsky.app/hashtag/a\">#a</a><br>b")
    }
}
