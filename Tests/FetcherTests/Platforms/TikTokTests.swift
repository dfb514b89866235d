import Foundation
import Testing
@testable import FeedFetchers

private let token = ["access_token": "act.FIXTURE0OLD0TOKEN"]
private let refreshable = [
    "access_token": "act.FIXTURE0OLD0TOKEN", "refresh_token": "rft.FIXTURE0OLD0REFRESH",
    "client_key": "aw0fixturekey", "client_secret": "FIXTURE0SECRET",
]
private let newToken = "act.FIXTURE0ACCESS0TOKEN0NOT0REAL!6415.va"

private let creator = PostAuthor(
    name: "Kettle & Crow", username: "kettleandcrow", profileUrl: "https://www.tiktok.com/@kettleandcrow",
    profileImageUrl: "https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/8ccb8a3f7ac5bd9c4f1ab74cb453f7f3~tplv-tiktokx-cropcenter:168:168.jpeg?dr=14579&nonce=55122&refresh_token=7603e3377c9b80e150229e4400dbead7&x-expires=1789632000&x-signature=197bd525f3da9d8e910a791c2a8%3D&idc=maliva&ps=13740610&shcp=34ff8df6&shp=a5d48078&t=4d5b0474")

private func tag(_ name: String) -> String { "<a href=\"https://www.tiktok.com/tag/\(name)\">#\(name)</a>" }

/// The error a fetch ends with, nil when it succeeds.
private func failure(_ harness: AdapterHarness, credentials: [String: String], client: PlatformClient) async -> PlatformError? {
    do {
        _ = try await harness.fetch([:], credentials: credentials, client: client)
        return nil
    } catch {
        return error
    }
}

@Suite struct TikTokTests {
    @Test("A TikTok feed has no attributes; the connection holds the tokens and the app's key")
    func declaration() {
        let adapter = TikTokAdapter()
        #expect(adapter.problems(in: [:]).isEmpty)
        #expect(adapter.attributeNames.isEmpty)
        #expect(adapter.credentialFields.map(\.name) == ["access_token", "refresh_token", "client_key", "client_secret", "expires_at", "refresh_expires_at", "scope"])
        #expect(adapter.credentialFields.filter(\.required).map(\.name) == ["access_token"])
        #expect(adapter.credentialFields.filter { !$0.secret }.map(\.name) == ["client_key", "expires_at", "refresh_expires_at", "scope"])
    }

    @Test("The first fetch reads the profile, then pages of videos by cursor until has_more is false")
    func firstFetch() async throws {
        let harness = try AdapterHarness(TikTokAdapter())
        try await harness.run { client in
            let result = try await harness.fetch([:], credentials: token, client: client)
            #expect(result.posts.map(\.sourceId) == ["7685433763916677910", "7684945256553637074", "7683808171062990139", "7679051060135267316"])
            #expect(result.posts.allSatisfy { $0.postType == .video && $0.from == creator })
            #expect(result.refreshedCredentials.isEmpty)
        }
        let requests = harness.replay.requests
        #expect(requests.map(\.answeredBy) == [
            "profile of the connected creator", "newest videos", "older videos (cursor = previous data.cursor, epoch ms)",
        ])
        #expect(requests.map(\.method) == ["GET", "POST", "POST"])
        #expect(requests[1].body == "{\"max_count\":20}")
        #expect(requests[2].body == "{\"max_count\":20,\"cursor\":1789026002000}")
        #expect(requests[1].headers["content-type"] == "application/json")
        #expect(requests[1].headers["authorization"] == "Bearer act.FIXTURE0OLD0TOKEN")
    }

    @Test("Videos map to posts: utm parameters dropped, hashtags linked and tagged, the cover as poster, the player as iframe")
    func mapping() async throws {
        let harness = try AdapterHarness(TikTokAdapter())
        try await harness.run { client in
            let posts = try await harness.fetch([:], credentials: token, client: client).posts
            #expect(posts[0] == Post(
                channel: "tiktok", sourceId: "7685433763916677910",
                sourceUrl: "https://www.tiktok.com/@kettleandcrow/video/7685433763916677910",
                title: "Friday pour-off ☕🦢",
                textRich: "Friday pour-off ☕🦢 rosetta vs tulip – who wins? \(tag("latteart")) \(tag("barista")) \(tag("coffeetok")) \(tag("fyp"))",
                textPlain: "Friday pour-off ☕🦢 rosetta vs tulip – who wins? #latteart #barista #coffeetok #fyp",
                publishedAt: Date(timeIntervalSince1970: 1_789_404_490), from: creator,
                tags: ["latteart", "barista", "coffeetok", "fyp"],
                images: [PostImage(url: "https://p16-sign-va.tiktokcdn.com/tos-maliva-p-0068/o4dfe5160db03afe9a61d870a17f0944~tplv-noop.image?dr=9640&x-expires=1789480800&x-signature=e805f33a6fef9e2a2a3c1c2c287%3D&t=4d5b0474&ps=13740610&shp=81f88b70&shcp=9b759fb9&idc=maliva",
                                   altText: "Friday pour-off ☕🦢")],
                videos: [PostVideo(type: .iframe, url: "https://www.tiktok.com/player/v1/7685433763916677910?music_info=1&description=1&autoplay=1&loop=1&utm_campaign=tt4d_open_api&utm_source=awa6z07qoicg5jkx")],
                kind: .video))
            // An empty title is none, and the description stands in as the poster's text.
            let untitled = "60 seconds of milk texturing, slowed down 👂 #latteart #baristatips"
            #expect(posts[1] == Post(
                channel: "tiktok", sourceId: "7684945256553637074",
                sourceUrl: "https://www.tiktok.com/@kettleandcrow/video/7684945256553637074",
                title: nil,
                textRich: "60 seconds of milk texturing, slowed down 👂 \(tag("latteart")) \(tag("baristatips"))",
                textPlain: untitled,
                publishedAt: Date(timeIntervalSince1970: 1_789_290_750), from: creator,
                tags: ["latteart", "baristatips"],
                images: [PostImage(url: "https://p16-sign-va.tiktokcdn.com/tos-maliva-p-0068/o72ff3fdb65af7553317b8063aa386dc~tplv-noop.image?dr=9640&x-expires=1789480800&x-signature=754e1bbc469fcbd633cc27d52f9%3D&t=4d5b0474&ps=13740610&shp=81f88b70&shcp=9b759fb9&idc=maliva",
                                   altText: untitled)],
                videos: [PostVideo(type: .iframe, url: "https://www.tiktok.com/player/v1/7684945256553637074?music_info=1&description=1&autoplay=1&loop=1&utm_campaign=tt4d_open_api&utm_source=awa6z07qoicg5jkx")],
                kind: .video))
            #expect(posts[3].publishedAt.map(FeedDate.isoString) == "2026-08-28T12:00:00.000Z")
        }
    }

    @Test("A later fetch stops after the page that holds a stored video")
    func incremental() async throws {
        let harness = try AdapterHarness(TikTokAdapter())
        try await harness.run { client in
            let result = try await harness.fetch([:], credentials: token, known: ["7684945256553637074"], client: client)
            #expect(result.posts.count == 3)
        }
        #expect(harness.replay.requests.map(\.answeredBy) == ["profile of the connected creator", "newest videos"])
    }

    @Test("access_token_invalid without a way to refresh asks to reconnect the TikTok account")
    func invalidToken() async throws {
        let harness = try AdapterHarness(TikTokAdapter())
        harness.replay.prefer("expired access token")
        try await harness.run { client in
            let error = await failure(harness, credentials: token, client: client)
            guard case .reconnect(let message)? = error else { Issue.record("expected reconnect, got \(String(describing: error))"); return }
            #expect(message.contains("reconnect the TikTok account"))
            #expect(message.contains("The access token is invalid"))
            #expect(!message.contains("act.FIXTURE"))
        }
        #expect(!harness.replay.requests.contains { $0.path == "/v2/oauth/token/" })
    }

    @Test("access_token_invalid with a refresh token refreshes once, retries with the new token, then asks to reconnect")
    func invalidTokenRefreshes() async throws {
        let harness = try AdapterHarness(TikTokAdapter())
        harness.replay.prefer("expired access token")
        try await harness.run { client in
            let error = await failure(harness, credentials: refreshable, client: client)
            guard case .reconnect(let message)? = error else { Issue.record("expected reconnect, got \(String(describing: error))"); return }
            #expect(message.contains("even after a token refresh"))
        }
        let requests = harness.replay.requests
        #expect(requests.map(\.path) == ["/v2/user/info/", "/v2/video/list/", "/v2/oauth/token/", "/v2/video/list/"])
        #expect(requests[2].answeredBy == "refresh the 24 h access token")
        #expect(requests[2].headers["content-type"] == "application/x-www-form-urlencoded")
        #expect(requests[2].body == "client_key=aw0fixturekey&client_secret=FIXTURE0SECRET&grant_type=refresh_token&refresh_token=rft.FIXTURE0OLD0REFRESH")
        #expect(requests[3].headers["authorization"] == "Bearer " + newToken)
    }

    @Test("An expired access token is refreshed before the first request and the new tokens are handed back")
    func proactiveRefresh() async throws {
        let harness = try AdapterHarness(TikTokAdapter())
        var credentials = refreshable
        credentials["expires_at"] = "2026-09-15T07:59:00Z"
        try await harness.run { [credentials] client in
            let result = try await harness.fetch([:], credentials: credentials, client: client)
            #expect(result.posts.count == 4)
            #expect(result.refreshedCredentials == [
                "access_token": newToken, "refresh_token": "rft.FIXTURE0REFRESH0TOKEN0NOT0REAL!6415.va",
                "expires_at": "2026-09-16T08:00:00.000Z",
                // refresh_expires_in (365 days): the connection's known end (issue 12).
                "refresh_expires_at": "2027-09-15T08:00:00.000Z",
            ])
        }
        let requests = harness.replay.requests
        #expect(requests.first?.path == "/v2/oauth/token/")
        #expect(requests.dropFirst().allSatisfy { $0.headers["authorization"] == "Bearer " + newToken })
    }

    @Test("rate_limit_exceeded waits a minute (TikTok sends no reset header)")
    func rateLimited() async throws {
        let harness = try AdapterHarness(TikTokAdapter())
        harness.replay.prefer("over 600 requests/minute")
        try await harness.run { client in
            let error = await failure(harness, credentials: token, client: client)
            guard case .rateLimited(let until, let message)? = error else { Issue.record("expected rateLimited, got \(String(describing: error))"); return }
            #expect(until == AdapterHarness.recordedAt.addingTimeInterval(60))
            #expect(message.contains("TikTok rate limit"))
        }
    }

    @Test("Share URLs lose only their utm_* parameters")
    func tracking() {
        #expect(TikTokMapping.withoutTracking("https://www.tiktok.com/@a/video/1?utm_campaign=x&utm_source=y") == "https://www.tiktok.com/@a/video/1")
        #expect(TikTokMapping.withoutTracking("https://www.tiktok.com/@a/video/1?lang=en&utm_source=y#top") == "https://www.tiktok.com/@a/video/1?lang=en#top")
        #expect(TikTokMapping.withoutTracking("https://www.tiktok.com/@a/video/1") == "https://www.tiktok.com/@a/video/1")
    }
}
