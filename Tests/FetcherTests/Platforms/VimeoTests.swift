import Foundation
import Testing
@testable import FeedFetchers

private let kettle: [String: FeedAttribute] = ["user": .string("214567890")]
private let token = ["access_token": "FIXTURE0VIMEO0TOKEN"]

private let owner = PostAuthor(
    name: "Kettle & Crow Roasters", username: "kettleandcrow", profileUrl: "https://vimeo.com/kettleandcrow",
    profileImageUrl: "https://i.vimeocdn.com/portrait/99608392-862d6ebc5e73384a2fa91321fe8c578e771074d4-d_360x360?region=us")

/// The error a fetch ends with, nil when it succeeds.
private func failure(_ harness: AdapterHarness, _ attributes: [String: FeedAttribute] = kettle, client: PlatformClient) async -> PlatformError? {
    do {
        _ = try await harness.fetch(attributes, credentials: token, client: client)
        return nil
    } catch {
        return error
    }
}

@Suite struct VimeoTests {
    @Test("user must be a Vimeo id or name; showcase_id a number")
    func attributeProblems() {
        let adapter = VimeoAdapter()
        #expect(adapter.problems(in: kettle).isEmpty)
        #expect(adapter.problems(in: ["user": .string("kettleandcrow"), "showcase_id": .string("11208765")]).isEmpty)
        #expect(adapter.problems(in: ["user": .number(214567890)]).isEmpty)
        #expect(adapter.problems(in: ["user": .string("https://vimeo.com/kettleandcrow")]).isEmpty)
        #expect(adapter.problems(in: [:]).map(\.attribute) == ["user"])
        #expect(adapter.problems(in: ["user": .string("kettle and crow")]).map(\.attribute) == ["user"])
        #expect(adapter.problems(in: ["user": .string("kettleandcrow"), "showcase_id": .string("latte")]).map(\.attribute) == ["showcase_id"])
        #expect(VimeoAdapter.user("https://vimeo.com/kettleandcrow/videos") == "kettleandcrow")
        #expect(adapter.credentialFields == [CredentialField("access_token", aliases: ["token"])])
    }

    @Test("The first fetch reads page 1 and page 2 with the manifest's parameters and skips the team-only video")
    func firstFetch() async throws {
        let harness = try AdapterHarness(VimeoAdapter())
        try await harness.run { client in
            let result = try await harness.fetch(kettle, credentials: token, client: client)
            #expect(result.posts.map(\.sourceId) == ["1012345678", "1011987654", "1001234567"])
            #expect(result.posts.allSatisfy { $0.postType == .video && $0.from == owner })
        }
        let requests = harness.replay.requests
        #expect(requests.map(\.answeredBy) == ["newest videos of a user", "next page (follow paging.next, relative to the API host)"])
        #expect(requests.map { $0.query["page"] } == ["1", "2"])
        #expect(requests.allSatisfy { $0.query["per_page"] == "100" && $0.query["sort"] == "date" && $0.query["direction"] == "desc" })
        #expect(requests.first?.headers["authorization"] == "bearer FIXTURE0VIMEO0TOKEN")
        #expect(requests.first?.headers["accept"] == "application/vnd.vimeo.*+json;version=3.4")
    }

    @Test("Videos map to posts: link, name, description with line breaks, tags by name, the largest pictures, the player")
    func mapping() async throws {
        let harness = try AdapterHarness(VimeoAdapter())
        try await harness.run { client in
            let posts = try await harness.fetch(kettle, credentials: token, client: client).posts
            let writeUp = "https://kettleandcrow.example/journal/new-milk-new-foam"
            #expect(posts[0] == Post(
                channel: "vimeo", sourceId: "1012345678", sourceUrl: "https://vimeo.com/1012345678",
                title: "How we re-tuned our steam wands for autumn milk",
                textRich: "Our dairy switched to pasture-only milk for the autumn.<br><br>Write-up: <a href=\"\(writeUp)\">\(writeUp)</a>",
                textPlain: "Our dairy switched to pasture-only milk for the autumn.\n\nWrite-up: \(writeUp)",
                publishedAt: FeedDate.parse("2026-09-11T17:58:40Z"), from: owner,
                tags: ["latte art", "barista", "specialty coffee"],
                images: [PostImage(url: "https://i.vimeocdn.com/video/1951426602-b7762687a37397dac04444cc7f5e8f522fd9c75a-d_1920x1080?r=pad",
                                   altText: "How we re-tuned our steam wands for autumn milk")],
                videos: [PostVideo(type: .iframe, url: "https://player.vimeo.com/video/1012345678?h=8272103f6e")],
                kind: .video))
            // An empty description is none.
            #expect(posts[1] == Post(
                channel: "vimeo", sourceId: "1011987654", sourceUrl: "https://vimeo.com/1011987654",
                title: "Swan in 20 seconds", textRich: nil, textPlain: nil,
                publishedAt: FeedDate.parse("2026-09-10T07:30:11+00:00"), from: owner, tags: ["latte art"],
                images: [PostImage(url: "https://i.vimeocdn.com/video/1902591310-e56acd028769bdc78ecdced4d00815cad1ced35e-d_1920x1080?r=pad",
                                   altText: "Swan in 20 seconds")],
                videos: [PostVideo(type: .iframe, url: "https://player.vimeo.com/video/1011987654?h=a1b2c3d4e5")],
                kind: .video))
            #expect(posts[1].publishedAt.map(FeedDate.isoString) == "2026-09-10T07:30:11.000Z")
        }
    }

    @Test("A later fetch stops at the page holding a stored video")
    func incremental() async throws {
        let harness = try AdapterHarness(VimeoAdapter())
        try await harness.run { client in
            let result = try await harness.fetch(kettle, credentials: token, known: ["1011987654"], client: client)
            #expect(result.posts.map(\.sourceId) == ["1012345678", "1011987654"])
        }
        #expect(harness.replay.requests.map { $0.query["page"] } == ["1"])
    }

    @Test("A 401 asks to reconnect the Vimeo account")
    func unauthorized() async throws {
        let harness = try AdapterHarness(VimeoAdapter())
        harness.replay.prefer("invalid or revoked token")
        try await harness.run { client in
            let error = await failure(harness, client: client)
            guard case .reconnect(let message)? = error else { Issue.record("expected reconnect, got \(String(describing: error))"); return }
            #expect(message.contains("reconnect the Vimeo account"))
            #expect(message.contains("invalid or has expired"))
            #expect(!message.contains("FIXTURE0VIMEO0TOKEN"))
        }
    }

    @Test("A 429 waits until X-RateLimit-Reset, an ISO date here")
    func rateLimited() async throws {
        let harness = try AdapterHarness(VimeoAdapter())
        harness.replay.prefer("rate limited")
        try await harness.run { client in
            let error = await failure(harness, client: client)
            guard case .rateLimited(let until, let message)? = error else { Issue.record("expected rateLimited, got \(String(describing: error))"); return }
            #expect(until == FeedDate.parse("2026-09-15T08:01:00+00:00"))
            #expect(message.contains("Vimeo rate limit"))
        }
        #expect(RateLimitHeaders(["x-ratelimit-reset": "1789459260"], now: AdapterHarness.recordedAt).resetAt == FeedDate.parse("2026-09-15T08:01:00Z"))
    }

    @Test("A showcase reads /users/{user}/albums/{id}/videos; one Vimeo does not know is not found")
    func showcase() async throws {
        let harness = try AdapterHarness(VimeoAdapter())
        try await harness.run { client in
            let error = await failure(harness, ["user": .string("214567890"), "showcase_id": .string("11208765")], client: client)
            guard case .notFound(let message)? = error else { Issue.record("expected notFound, got \(String(describing: error))"); return }
            #expect(message.contains("showcase 11208765"))
        }
        #expect(harness.replay.requests.first?.path == "/users/214567890/albums/11208765/videos")
    }
}
