import Foundation
import Testing
@testable import FeedFetchers

@Suite("Rate budgets shared by the feeds of one credential")
struct RateBudgetsTests {
    static let now = Date(timeIntervalSince1970: 1_789_459_200)

    @Test("Twenty feeds on one token share its window and leave a tenth in reserve; another token is not affected")
    func sharedWindow() async {
        let budgets = RateBudgets()
        let policy = RatePolicy(requests: 10, per: 60)
        var admitted = 0
        var waits: [Date] = []
        for _ in 0..<20 {
            if let wait = await budgets.admit("site1:twitter_v2:7", policy: policy, now: Self.now) { waits.append(wait) } else { admitted += 1 }
        }
        #expect(admitted == 9)
        #expect(waits.count == 11 && waits.allSatisfy { $0 == Self.now.addingTimeInterval(60) })
        #expect(await budgets.admit("site1:twitter_v2:8", policy: policy, now: Self.now) == nil)
        // The next window opens again.
        #expect(await budgets.admit("site1:twitter_v2:7", policy: policy, now: Self.now.addingTimeInterval(61)) == nil)
    }

    @Test("What the platform says wins: nothing left until its reset, and a 429's wait blocks every feed of the token")
    func platformHeaders() async {
        let budgets = RateBudgets()
        let policy = RatePolicy(requests: 450, per: 900)
        let reset = Self.now.addingTimeInterval(300)
        await budgets.observe("k", remaining: 0, resetAt: reset, now: Self.now)
        #expect(await budgets.admit("k", policy: policy, now: Self.now) == reset)
        #expect(await budgets.admit("k", policy: policy, now: reset.addingTimeInterval(1)) == nil)

        let until = Self.now.addingTimeInterval(3_600)
        await budgets.block("k", until: until, now: Self.now)
        #expect(await budgets.admit("k", policy: policy, now: Self.now.addingTimeInterval(10)) == until)
    }

    @Test("Rate-limit headers: X's epoch reset, Bluesky's ratelimit-*, Vimeo's ISO date")
    func headers() {
        let x = RateLimitHeaders(["x-rate-limit-remaining": "0", "x-rate-limit-reset": "1789460100"], now: Self.now)
        #expect(x.remaining == 0 && x.resetAt == Date(timeIntervalSince1970: 1_789_460_100))
        let bluesky = RateLimitHeaders(["ratelimit-remaining": "12", "ratelimit-reset": "1789459500"], now: Self.now)
        #expect(bluesky.remaining == 12 && bluesky.resetAt == Date(timeIntervalSince1970: 1_789_459_500))
        let vimeo = RateLimitHeaders(["x-ratelimit-remaining": "3", "x-ratelimit-reset": "2026-09-15T08:15:00+00:00"], now: Self.now)
        #expect(vimeo.resetAt == Self.now.addingTimeInterval(900))
        #expect(RateLimitHeaders([:], now: Self.now) == RateLimitHeaders([:], now: Self.now))
    }
}

@Suite("Social text")
struct SocialTextTests {
    @Test("Text is escaped as the sanitizer escapes feed bodies: quotes stay, only attributes escape them")
    func escaping() {
        #expect(SocialText.richText("We're \"open\" & <ready>") == "We're \"open\" &amp; &lt;ready&gt;")
        #expect(SocialText.link("https://a.example/?q=\"x\"", "it's") == "<a href=\"https://a.example/?q=&quot;x&quot;\">it's</a>")
    }

    @Test("Tags, mentions and URLs are linked as each platform asks; X names stop at characters X does not allow")
    func linking() {
        let text = "#café @maya.pours see https://k.example/a. @kettle-crow"
        #expect(SocialText.richText(text, hashtagURL: { "https://t.example/\($0)" }, linkURLs: false)
            == "<a href=\"https://t.example/café\">#café</a> @maya.pours see https://k.example/a. @kettle-crow")
        #expect(SocialText.richText("see https://k.example/a.")
            == "see <a href=\"https://k.example/a\">https://k.example/a</a>.")
        let x = SocialText.richText("@kettle-crow", mentionURL: { "https://x.com/\($0)" },
                                    mentionCharacters: { $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_") })
        #expect(x == "<a href=\"https://x.com/kettle\">@kettle</a>-crow")
        #expect(SocialText.decodeEntities("a &amp; b &lt;3 &#8220;x&#8221;\n  c") == "a & b <3 “x”\n  c")
    }
}

@Suite("Throttling waits")
struct ThrottleWaitTests {
    @Test("A 429 waits until the platform's reset; a reset already past waits a minute, none at all 15 minutes")
    func waits() async {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let transport = GuardedHTTPClient(policy: NetworkPolicy(), now: { now })
        let client = PlatformClient(service: "twitter_v2", transport: transport, endpoints: PlatformEndpoints(), budgets: RateBudgets(),
                                    budgetKey: "k", policy: RatePolicy(requests: 450, per: 900), now: { now })
        func until(_ headers: [String: String]) async -> Date? {
            let response = FetchResponse(status: 429, finalURL: "https://api.x.com/2/tweets/search/recent", headers: headers)
            guard case .rateLimited(let until, _) = await client.throttled(response, "X rate limit reached") else { return nil }
            return until
        }
        #expect(await until(["x-rate-limit-reset": String(Int(now.timeIntervalSince1970) + 600)]) == now.addingTimeInterval(600))
        #expect(await until(["x-rate-limit-reset": "1789460100"]) == now.addingTimeInterval(60))
        #expect(await until([:]) == now.addingTimeInterval(15 * 60))
        await transport.shutdown()
    }
}

@Suite("Lossy platform lists")
struct LossyListTests {
    struct Item: Decodable, Sendable, Equatable { var id: String }
    struct Page: Decodable, Sendable { @LossyList var data: [Item]? }

    @Test("An item that does not decode is left out; the rest of the page is kept")
    func skipsBadItems() throws {
        let page = try JSONDecoder().decode(Page.self, from: Data(#"{"data": [{"id": "1"}, {"id": 2}, {"text": "no id"}, "x", null, {"id": "3"}]}"#.utf8))
        #expect(page.data == [Item(id: "1"), Item(id: "3")])
    }

    @Test("A missing or null list is nil; a list that is not a list fails the page")
    func absent() throws {
        #expect(try JSONDecoder().decode(Page.self, from: Data("{}".utf8)).data == nil)
        #expect(try JSONDecoder().decode(Page.self, from: Data(#"{"data": null}"#.utf8)).data == nil)
        #expect(throws: (any Error).self) { try JSONDecoder().decode(Page.self, from: Data(#"{"data": 5}"#.utf8)) }
    }

    @Test("A tweet without an id is dropped, not the page")
    func twitterPage() throws {
        let json = #"{"data": [{"text": "no id"}, {"id": "2099539197949436956", "text": "ok", "author_id": "1"}], "meta": {"result_count": 2}}"#
        let page = try JSONDecoder().decode(TwitterSearchResponse.self, from: Data(json.utf8))
        #expect(page.data?.map(\.id) == ["2099539197949436956"])
    }
}
