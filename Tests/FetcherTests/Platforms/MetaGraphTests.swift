import Foundation
import Testing
@testable import FeedFetchers

/// What the Instagram and Facebook adapters share: Graph dates, usage headers, error codes.
@Suite struct MetaGraphTests {
    static let now = AdapterHarness.recordedAt
    static let token = "EAAFIXTURE0TOKEN0NOT0REAL"
    static let context = MetaErrorContext(platform: "Facebook", subject: "Facebook Page 42", reconnectAdvice: "reconnect the Facebook Page",
                                          permissionAdvice: "grant pages_read_engagement", token: token)

    /// A Graph error answer.
    func response(_ status: Int, _ body: String, headers: [String: String] = [:]) -> FetchResponse {
        FetchResponse(status: status, finalURL: "https://graph.facebook.com/v25.0/42", body: Array(body.utf8), headers: headers)
    }

    /// The error a response maps to, through a real client (its transport is never used).
    func error(_ response: FetchResponse) async -> PlatformError {
        let transport = GuardedHTTPClient(policy: NetworkPolicy(allowPrivateNetworks: true), now: { Self.now })
        let client = PlatformClient(service: "facebook", transport: transport, endpoints: PlatformEndpoints(), budgets: RateBudgets(),
                                    budgetKey: "test", policy: RatePolicy(requests: 10, per: 60), now: { Self.now })
        let error = await MetaErrors.error(response, Self.context, client: client)
        await transport.shutdown()
        return error
    }

    @Test("Graph dates have no colon in the offset")
    func dates() {
        #expect(MetaGraph.date("2026-09-14T16:44:51+0000").map(FeedDate.isoString) == "2026-09-14T16:44:51.000Z")
        #expect(MetaGraph.date("2026-09-14T18:44:51+0200").map(FeedDate.isoString) == "2026-09-14T16:44:51.000Z")
        #expect(MetaGraph.date("") == nil)
        #expect(MetaGraph.date(nil) == nil)
    }

    @Test("The BUC header's longest estimated_time_to_regain_access, in minutes from now")
    func usage() {
        let header = #"{"1":[{"type":"pages","call_count":100,"estimated_time_to_regain_access":9}],"2":[{"type":"instagram","estimated_time_to_regain_access":17},{"type":"x"}]}"#
        #expect(MetaUsage.regainMinutes(["x-business-use-case-usage": header]) == 17)
        #expect(MetaUsage.regainDate(["x-business-use-case-usage": header], now: Self.now) == Self.now.addingTimeInterval(17 * 60))
        #expect(MetaUsage.regainDate(["x-business-use-case-usage": #"{"1":[{"estimated_time_to_regain_access":0}]}"#], now: Self.now) == nil)
        #expect(MetaUsage.regainMinutes(["x-business-use-case-usage": "not json"]) == nil)
        #expect(MetaUsage.regainMinutes([:]) == nil)
    }

    @Test("Error codes map to the feed health the READMEs ask for", arguments: [
        (400, #"{"error":{"message":"Unsupported get request. Object with ID '42' does not exist","code":100,"error_subcode":33}}"#, "notFound"),
        (400, #"{"error":{"message":"(#100) Tried accessing nonexisting field (foo)","code":100}}"#, "misconfigured"),
        (403, #"{"error":{"message":"(#10) Application does not have permission for this action","code":10}}"#, "misconfigured"),
        (400, #"{"error":{"message":"(#200) Requires pages_read_user_content permission","code":200}}"#, "misconfigured"),
        (400, #"{"error":{"message":"Error validating access token","code":190,"error_subcode":467}}"#, "reconnect"),
        (403, #"{"error":{"message":"(#4) Application request limit reached","code":4}}"#, "rateLimited"),
        (400, #"{"error":{"message":"(#17) User request limit reached","code":17}}"#, "rateLimited"),
        (400, #"{"error":{"message":"(#613) Calls to this api have exceeded the rate limit.","code":613}}"#, "rateLimited"),
        (500, #"{"error":{"message":"An unexpected error has occurred. Please retry your request later.","code":2,"is_transient":true}}"#, "unavailable"),
        (502, "<html>Bad Gateway</html>", "failed"),
        (401, "", "reconnect"),
        (404, "", "notFound"),
    ])
    func codes(_ status: Int, _ body: String, _ expected: String) async {
        let mapped = await error(response(status, body))
        let kind: String
        switch mapped {
        case .reconnect: kind = "reconnect"
        case .rateLimited: kind = "rateLimited"
        case .notFound: kind = "notFound"
        case .misconfigured: kind = "misconfigured"
        case .unavailable: kind = "unavailable"
        case .failed: kind = "failed"
        }
        #expect(kind == expected, "\(mapped)")
        #expect(mapped.description.contains("42"))
    }

    @Test("A throttle without a BUC wait pauses 15 minutes; the token never shows in a message")
    func throttleDefaultAndRedaction() async {
        let throttled = await error(response(400, #"{"error":{"message":"(#32) Page request limit reached","code":32}}"#))
        #expect(throttled == .rateLimited(until: Self.now.addingTimeInterval(15 * 60), throttled.description))
        let leaky = await error(response(400, #"{"error":{"message":"bad token \#(Self.token)","code":1}}"#))
        #expect(!leaky.description.contains(Self.token))
        let transport = PlatformError.unavailable("could not connect to https://graph.facebook.com/v25.0/42?access_token=\(Self.token)").redacting([Self.token])
        #expect(transport == .unavailable("could not connect to https://graph.facebook.com/v25.0/42?access_token=…"))
    }

    /// A list item of the pager tests.
    struct Item: Decodable, Sendable, Equatable {
        var id: String
    }

    /// A page of `ids`, with a next page when `after` is given.
    static func list(_ ids: [String], after: String?) -> MetaList<Item> {
        MetaList(data: ids.map(Item.init), paging: MetaPaging(cursors: .init(after: after), next: after.map { "https://graph.facebook.com/next?after=\($0)" }))
    }

    @Test("The pager follows after cursors and ends quietly when an older page is missing, but not the first")
    func pagerErrors() async throws {
        let feed = PlatformFeed(attributes: [:], now: Self.now)
        let items = try await MetaPager(feed: feed).collect(
            page: { (after: String?) async throws(PlatformError) -> MetaList<Item> in
                switch after {
                case nil: return Self.list(["1", "2"], after: "A")
                case "A": return Self.list(["3"], after: "B")
                default: throw .notFound("no such page")
                }
            },
            id: \.id, isKnown: { _ in false })
        #expect(items.map(\.id) == ["1", "2", "3"])

        var thrown: PlatformError?
        do {
            _ = try await MetaPager(feed: feed).collect(
                page: { (_: String?) async throws(PlatformError) -> MetaList<Item> in throw .notFound("no such page") },
                id: \.id, isKnown: { _ in false })
        } catch {
            thrown = error
        }
        #expect(thrown == .notFound("no such page"))
    }

    @Test("Posts sort newest first, undated ones last, ties in their order")
    func newestFirst() {
        let posts = [
            Post(channel: "x", sourceId: "a", publishedAt: Date(timeIntervalSince1970: 1)),
            Post(channel: "x", sourceId: "b"),
            Post(channel: "x", sourceId: "c", publishedAt: Date(timeIntervalSince1970: 3)),
            Post(channel: "x", sourceId: "d", publishedAt: Date(timeIntervalSince1970: 1)),
        ]
        #expect(PostOrdering.newestFirst(posts).map(\.sourceId) == ["c", "a", "d", "b"])
    }
}
