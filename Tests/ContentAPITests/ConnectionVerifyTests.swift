import Aggregator
import ContentAPI
import FeedFetchers
import Foundation
import HummingbirdTesting
import PlatformReplay
import Testing

/// One row of the verify table: a platform, the credentials, the interaction to prefer, and what the answer says.
struct VerifyCase: Sendable, CustomTestStringConvertible {
    var service: String
    var credentials: [String: String]
    var prefer: String?
    var valid: Bool
    var account: String?
    var messageContains: String
    var answeredBy: String

    var testDescription: String { "\(service) \(valid ? "valid" : "invalid")" }
}

private let cases: [VerifyCase] = [
    VerifyCase(service: "twitter_v2", credentials: ["bearer_token": "AAAA-test"], prefer: nil, valid: true, account: nil,
               messageContains: "X accepted the bearer token", answeredBy: "verify: look up one public post (id 20) with the bearer token"),
    VerifyCase(service: "twitter_v2", credentials: ["bearer_token": "AAAA-old"], prefer: "posts lookup with a revoked bearer token", valid: false,
               account: nil, messageContains: "reconnect the X account", answeredBy: "posts lookup with a revoked bearer token"),
    VerifyCase(service: "facebook", credentials: ["access_token": "EAAPAGE"], prefer: nil, valid: true, account: "Kettle & Crow Roasters",
               messageContains: "Facebook accepted the token", answeredBy: "verify: the Page token's owner"),
    VerifyCase(service: "facebook", credentials: ["access_token": "EAAOLD"], prefer: "verify: an invalidated token", valid: false, account: nil,
               messageContains: "reconnect the Facebook Page", answeredBy: "verify: an invalidated token"),
    VerifyCase(service: "instagram_graph_api", credentials: ["access_token": "EAAUSER"], prefer: nil, valid: true, account: "Mara Okafor",
               messageContains: "Instagram accepted the token", answeredBy: "verify: the token's owner (Facebook Login)"),
    VerifyCase(service: "instagram_graph_api", credentials: ["access_token": "EAAOLD"], prefer: "verify: an expired token", valid: false,
               account: nil, messageContains: "reconnect the Instagram account", answeredBy: "verify: an expired token"),
    VerifyCase(service: "bluesky", credentials: ["identifier": "roost-fetcher.bsky.social", "app_password": "abcd-efgh-ijkl-mnop"], prefer: nil,
               valid: true, account: "roost-fetcher.bsky.social", messageContains: "Bluesky accepted the app password",
               answeredBy: "log in with an app password (PDS / entryway)"),
    VerifyCase(service: "bluesky", credentials: ["identifier": "roost-fetcher.bsky.social", "app_password": "zzzz-zzzz-zzzz-zzzz"],
               prefer: "verify: a revoked app password", valid: false, account: nil, messageContains: "create a new app password",
               answeredBy: "verify: a revoked app password"),
    VerifyCase(service: "tiktok", credentials: ["access_token": "act.good"], prefer: nil, valid: true, account: "kettleandcrow",
               messageContains: "TikTok accepted the token", answeredBy: "profile of the connected creator"),
    VerifyCase(service: "tiktok", credentials: ["access_token": "act.revoked"], prefer: "verify: the profile with an invalid token", valid: false,
               account: nil, messageContains: "reconnect the TikTok account", answeredBy: "verify: the profile with an invalid token"),
    VerifyCase(service: "vimeo", credentials: ["access_token": "vimeo-good"], prefer: nil, valid: true, account: "Kettle & Crow Roasters",
               messageContains: "Vimeo accepted the access token", answeredBy: "verify: the token's user"),
    VerifyCase(service: "vimeo", credentials: ["access_token": "vimeo-revoked"], prefer: "verify: a revoked token", valid: false, account: nil,
               messageContains: "new personal access token", answeredBy: "verify: a revoked token"),
    VerifyCase(service: "linkedin", credentials: ["access_token": "li-good"], prefer: nil, valid: true, account: "urn:li:organization:10498765",
               messageContains: "LinkedIn accepted the access token", answeredBy: "verify: the pages the member administers"),
    VerifyCase(service: "linkedin", credentials: ["access_token": "li-expired"], prefer: "verify: an expired token", valid: false, account: nil,
               messageContains: "reconnect the LinkedIn account", answeredBy: "verify: an expired token"),
    VerifyCase(service: "google_review", credentials: ["api_key": "AIzaGOODKEY"], prefer: nil, valid: true, account: nil,
               messageContains: "Google accepted the API key", answeredBy: "verify: an API key, Place Details (New) IDs Only (field mask id, no charge)"),
    VerifyCase(service: "google_review", credentials: ["api_key": "AIzaBADKEY"], prefer: "verify: an invalid API key", valid: false, account: nil,
               messageContains: "check the key", answeredBy: "verify: an invalid API key"),
]

/// `POST /v2/:site/connections/:id/verify` (issue 12) against replays of the platforms.
@Suite("Connection verify")
struct ConnectionVerifyTests {
    @Test("Each platform answers valid or invalid, with the account and a message an operator can act on", arguments: cases)
    func verify(_ row: VerifyCase) async throws {
        let run = try PlatformServicesRun(row.service)
        let connection = try run.connect(row.credentials)
        if let prefer = row.prefer { run.replay.prefer(prefer) }
        try await run.run { services in
            let response = try await services.client.send(.post, "/v2/\(run.fixture.site.uuid)/connections/\(connection.id)/verify", key: run.fixture.adminKey)
            #expect(response.status == .ok, "\(String(buffer: response.body))")
            let result = try #require(try json(response)["result"] as? [String: Any])
            let found = try #require((result["data"] as? [String: Any])?["verification"] as? [String: Any])
            #expect(found["valid"] as? Bool == row.valid)
            #expect(found["account"] as? String == row.account)
            let message = try #require(found["message"] as? String)
            #expect(message.contains(row.messageContains), "\(message)")
            #expect(found["checked_at"] as? String == "2025-05-08T04:43:21Z")
            #expect(run.replay.requests.map(\.answeredBy) == [row.answeredBy])
            // Credentials never come back.
            for secret in row.credentials.values where secret.count > 8 && !secret.contains(".bsky.") {
                #expect(!String(buffer: response.body).contains(secret))
            }
        }
    }

    @Test("Instagram Login: the account's username, and valid_until and the connection's expires_at from the refresh's expiry")
    func instagramLogin() async throws {
        let run = try PlatformServicesRun("instagram_graph_api")
        let connection = try run.connect(["access_token": "IGQWRlong", "expires_at": "2025-06-30T00:00:00Z"])
        try await run.run { services in
            let response = try await services.client.send(.post, "/v2/\(run.fixture.site.uuid)/connections/\(connection.uuid)/verify", key: run.fixture.adminKey)
            let found = try #require(((try json(response)["result"] as? [String: Any])?["data"] as? [String: Any])?["verification"] as? [String: Any])
            #expect(found["valid"] as? Bool == true)
            #expect(found["account"] as? String == "kettleandcrow")
            #expect(found["valid_until"] as? String == "2025-06-30T00:00:00Z")
            #expect(run.replay.requests.first?.query["fields"] == "user_id,username")
            let wire = try await services.client.get("/v2/\(run.fixture.site.uuid)/connections/\(connection.id)", key: run.fixture.adminKey)
            let shown = try #require(((try json(wire)["result"] as? [String: Any])?["data"] as? [String: Any])?["connection"] as? [String: Any])
            #expect(shown["expires_at"] as? String == "2025-06-30T00:00:00Z")
        }
    }

    @Test("A rate-limited platform answers 429 and a server error 503, in the error envelope; another site's connection is 404")
    func failures() async throws {
        let run = try PlatformServicesRun("twitter_v2")
        let connection = try run.connect(["bearer_token": "AAAA-test"])
        try await run.run { services in
            run.replay.prefer("posts lookup: X over capacity")
            let down = try await services.client.send(.post, "/v2/\(run.fixture.site.uuid)/connections/\(connection.id)/verify", key: run.fixture.adminKey)
            #expect(down.status == .serviceUnavailable)
            #expect(String(buffer: down.body).contains("try again later"))
            let other = try await services.client.send(.post, "/v2/\(run.fixture.otherSite.uuid)/connections/\(connection.id)/verify", key: run.fixture.otherAdminKey)
            #expect(other.status == .notFound)
            let read = try await services.client.send(.post, "/v2/\(run.fixture.site.uuid)/connections/\(connection.id)/verify", key: run.fixture.readKey)
            #expect(read.status == .forbidden)
        }
    }
}
