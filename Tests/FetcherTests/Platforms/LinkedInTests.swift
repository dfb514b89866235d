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

private let organization: [String: FeedAttribute] = ["organization_id": .string("10498765")]
private let token = ["access_token": "AQX-FIXTURE-TOKEN"]

@Suite struct LinkedInTests {
    @Test("the first fetch maps the five posts of page 1 with the organization as author, then asks for page 2")
    func firstFetch() async throws {
        let harness = try AdapterHarness(LinkedInAdapter())
        try await harness.run { client in
            let result = try await harness.fetch(organization, credentials: token, client: client)
            #expect(result.posts.map(\.sourceId) == [
                "urn:li:share:7505305873154995840", "urn:li:ugcPost:7504828888516671185", "urn:li:share:7504244873627818911",
                "urn:li:share:7503717699948105237", "urn:li:share:7503423083645301992",
            ])
            #expect(result.posts.allSatisfy { $0.channel == "linkedin" })
            #expect(result.posts.allSatisfy {
                $0.from == PostAuthor(name: "Kettle & Crow Roasters", username: "kettle-and-crow",
                                      profileUrl: "https://www.linkedin.com/company/kettle-and-crow/", profileImageUrl: nil)
            })
            #expect(result.posts.map(\.postType) == [.image, .video, .link, .link, .image])

            let first = result.posts[0]
            #expect(first.sourceUrl == "https://www.linkedin.com/feed/update/urn:li:share:7505305873154995840/")
            #expect(first.title == nil)
            #expect(first.textPlain == "Friday pour-off results are in ☕ Rosetta by Maya Lindqvist vs. tulip stack by our newest barista (vote in the comments)\n\n#LatteArt #SpecialtyCoffee #Hospitality")
            #expect(first.textRich == "Friday pour-off results are in ☕ Rosetta by Maya Lindqvist vs. tulip stack by our newest barista (vote in the comments)<br><br>"
                + "<a href=\"https://www.linkedin.com/feed/hashtag/LatteArt/\">#LatteArt</a> <a href=\"https://www.linkedin.com/feed/hashtag/SpecialtyCoffee/\">#SpecialtyCoffee</a> "
                + "<a href=\"https://www.linkedin.com/feed/hashtag/Hospitality/\">#Hospitality</a>")
            #expect(first.tags == ["LatteArt", "SpecialtyCoffee", "Hospitality"])
            #expect(first.publishedAt.map(FeedDate.isoString) == "2026-09-14T16:46:02.000Z")
            #expect(first.images == [
                PostImage(url: "https://media.licdn.com/dms/image/v2/D4E22AQzcXbsAgtAFxhbAK/feedshare-shrink_2048_1536/feedshare-shrink_2048_1536/0/1789372800000?e=1790668800&v=beta&t=82dcc912483e18c6017dc480d689ec1ff56f201b",
                          altText: "Overhead shot of a flat white with a seven-layer rosetta"),
                PostImage(url: "https://media.licdn.com/dms/image/v2/D4E22AQcb2zEuAlHCe4biB/feedshare-shrink_2048_1536/feedshare-shrink_2048_1536/0/1789372800000?e=1790668800&v=beta&t=ca2b74f0bb3f8d555207d1ed26fdaf9800bc265c",
                          altText: "Tulip stack latte in a white cup"),
                PostImage(url: "https://media.licdn.com/dms/image/v2/D4E22AQFsDLEfZhz9lgIW8/feedshare-shrink_2048_1536/feedshare-shrink_2048_1536/0/1789372800000?e=1790668800&v=beta&t=a21401c46c852aeaa1fb0a7e92bdc0d6e15d4510",
                          altText: nil),
            ])
            #expect(first.videos.isEmpty && first.attachments.isEmpty && first.ctaLink == nil)

            let video = result.posts[1]
            #expect(video.textPlain == "60 seconds of milk texturing, slowed down. Training video we use with every new hire - feel free to borrow it for your team.\n\n#BaristaTraining")
            #expect(video.videos == [PostVideo(type: .file, url: "https://dms.licdn.com/playlist/vid/v2/D4E05AQgS07a3r2rlg3-h0/mp4-720p-30fp-crf28/mp4-720p-30fp-crf28/0/1789286400000?e=1790668800&v=beta&t=ad45205a471752ff1e17b788c3e52521e319899e")])
            #expect(video.images == [PostImage(url: "https://media.licdn.com/dms/image/v2/D4E05AQgS07a3r2rlg3-h0/videocover-high/videocover-high/0/1789286400000?e=1790668800&v=beta&t=0d216168d6c4f83410e4fa17a56d762f8c0260fc")])
            #expect(video.tags == ["BaristaTraining"])
            #expect(video.publishedAt.map(FeedDate.isoString) == "2026-09-13T09:10:40.000Z")

            let article = result.posts[2]
            #expect(article.textPlain == "Why does our latte art look different since August? Our dairy partner Harbour Milk Co-op moved to pasture-only milk for the autumn. We measured what changed and re-tuned both machines. Full write-up:")
            #expect(article.textRich == "Why does our latte art look different since August? Our dairy partner <a href=\"https://www.linkedin.com/company/2414183/\">Harbour Milk Co-op</a> moved to pasture-only milk for the autumn. We measured what changed and re-tuned both machines. Full write-up:")
            #expect(article.images == [PostImage(url: "https://media.licdn.com/dms/image/v2/D4E10AQixmK836xCF60mjI/articleshare-shrink_800/articleshare-shrink_800/0/1789372800000?e=1790668800&v=beta&t=75dd6393d485eb71b34de20e8a8534a2e164fca8",
                                                 altText: "Two lattes side by side")])
            #expect(article.attachments == [PostAttachment(type: "link", fields: [
                ("url", .string("https://kettleandcrow.example/journal/new-milk-new-foam")),
                ("title", .string("New milk, new foam: re-tuning our steam wands")),
                ("snippet", .string("Why our latte art changed in August, and what we measured.")),
            ])])
            #expect(article.tags.isEmpty && article.videos.isEmpty)

            let landing = result.posts[3]
            #expect(landing.textPlain == "We are hiring a weekend barista on Pier 9 (20 h/week, training included). Apply by 30 September: kettleandcrow.example/jobs")
            #expect(landing.images.isEmpty && landing.attachments.isEmpty)
            #expect(landing.publishedAt.map(FeedDate.isoString) == "2026-09-10T07:35:12.000Z")

            let cortado = result.posts[4]
            #expect(cortado.textPlain == "Guest roaster week: washed Gesha from Boquete _only_ as a cortado this week.")
            #expect(cortado.images.map(\.altText) == ["A cortado glass on a wooden bar"])
        }
    }

    @Test("requests carry the Rest.li headers, the exact encodings, one batch per media type, and page 2 from the next link")
    func requests() async throws {
        let harness = try AdapterHarness(LinkedInAdapter())
        try await harness.run { client in
            _ = try await harness.fetch(organization, credentials: token, client: client)
        }
        let seen = harness.replay.requests
        #expect(seen.map(\.path) == ["/rest/organizations/10498765", "/rest/posts", "/rest/images", "/rest/videos", "/rest/posts"])
        #expect(seen.allSatisfy { $0.headers["authorization"] == "Bearer AQX-FIXTURE-TOKEN" && $0.headers["linkedin-version"] == "202608"
            && $0.headers["x-restli-protocol-version"] == "2.0.0" })
        #expect(seen[1].rawQuery == "author=urn%3Ali%3Aorganization%3A10498765&q=author&count=100&sortBy=LAST_MODIFIED")
        #expect(seen[2].rawQuery == "ids=List(urn%3Ali%3Aimage%3AD4E22AQzcXbsAgtAFxhbAK,urn%3Ali%3Aimage%3AD4E22AQcb2zEuAlHCe4biB,urn%3Ali%3Aimage%3AD4E22AQFsDLEfZhz9lgIW8,urn%3Ali%3Aimage%3AD4E10AQixmK836xCF60mjI,urn%3Ali%3Aimage%3AD4E22AQMZ3nt-_o7R7eEfp)")
        #expect(seen[3].rawQuery == "ids=List(urn%3Ali%3Avideo%3AD4E05AQgS07a3r2rlg3-h0)")
        #expect(seen[4].rawQuery == "author=urn%3Ali%3Aorganization%3A10498765&q=author&count=100&sortBy=LAST_MODIFIED&start=5")
        #expect(seen.allSatisfy { $0.answeredBy != nil })
    }

    @Test("a later fetch reuses the cached organization and stops at the page holding a known post")
    func incremental() async throws {
        let harness = try AdapterHarness(LinkedInAdapter())
        try await harness.run { client in
            let first = try await harness.fetch(organization, credentials: token, client: client)
            #expect(first.state["organization_name"] == "Kettle & Crow Roasters")
            let before = harness.replay.requests.count
            let later = try await harness.fetch(organization, credentials: token, state: first.state,
                                                known: ["urn:li:share:7503423083645301992"], client: client)
            #expect(later.posts.count == 5)
            #expect(later.posts[0].from.name == "Kettle & Crow Roasters")
            #expect(harness.replay.requests.dropFirst(before).map(\.path) == ["/rest/posts", "/rest/images", "/rest/videos"])
        }
    }

    @Test("an expired or revoked token asks to reconnect the account")
    func invalidToken() async throws {
        let harness = try AdapterHarness(LinkedInAdapter())
        harness.replay.prefer("expired or revoked token")
        try await harness.run { client in
            let error = await failure { () async throws(PlatformError) in try await harness.fetch(organization, credentials: token, client: client) }
            guard case .reconnect(let message) = error else { Issue.record("expected reconnect, got \(String(describing: error))"); return }
            #expect(message.contains("reconnect the LinkedIn account"))
            #expect(message.contains("Invalid access token"))
            #expect(!message.contains("AQX-FIXTURE-TOKEN"))
        }
    }

    @Test("the daily limit waits until the next midnight UTC")
    func throttled() async throws {
        let harness = try AdapterHarness(LinkedInAdapter())
        harness.replay.prefer("daily application limit reached")
        try await harness.run { client in
            let error = await failure { () async throws(PlatformError) in try await harness.fetch(organization, credentials: token, client: client) }
            guard case .rateLimited(let until, let message) = error else { Issue.record("expected rateLimited, got \(String(describing: error))"); return }
            #expect(until.map(FeedDate.isoString) == "2026-09-16T00:00:00.000Z")
            #expect(message.contains("APPLICATION DAY"))
        }
    }

    @Test("an unknown organization is not found, naming it")
    func unknownOrganization() async throws {
        let harness = try AdapterHarness(LinkedInAdapter())
        try await harness.run { client in
            let error = await failure { () async throws(PlatformError) in
                try await harness.fetch(["organization_id": .number(999)], credentials: token, client: client)
            }
            guard case .notFound(let message) = error else { Issue.record("expected notFound, got \(String(describing: error))"); return }
            #expect(message.contains("organization 999"))
        }
    }

    @Test("a missing token is a setup problem and sends nothing")
    func missingToken() async throws {
        let harness = try AdapterHarness(LinkedInAdapter())
        try await harness.run { client in
            let error = await failure { () async throws(PlatformError) in try await harness.fetch(organization, client: client) }
            guard case .misconfigured = error else { Issue.record("expected misconfigured, got \(String(describing: error))"); return }
        }
        #expect(harness.replay.requests.isEmpty)
    }

    @Test("organization_id must be digits or an organization URN")
    func validation() {
        let adapter = LinkedInAdapter()
        #expect(adapter.problems(in: organization).isEmpty)
        #expect(adapter.problems(in: ["organization_id": .number(10498765)]).isEmpty)
        #expect(adapter.problems(in: ["organization_id": .string("urn:li:organization:10498765")]).isEmpty)
        #expect(adapter.problems(in: [:]).map(\.attribute) == ["organization_id"])
        #expect(adapter.problems(in: ["organization_id": .string("kettle-and-crow")]).map(\.attribute) == ["organization_id"])
        #expect(adapter.needsCredentials(organization))
        #expect(adapter.credentialFields.map(\.name) == ["access_token", "refresh_token", "expires_at", "refresh_token_expires_at"])
    }

    @Test("little text: templates, mentions and escapes decode; broken templates stay text")
    func littleText() {
        let pieces = LinkedInLittleText.pieces(##"a \\ b \{x\} {hashtag|\#|Tag} @[Ann \(K\)](urn:li:person:1) {hashtag|#|} @[x] \@y"##)
        #expect(LinkedInLittleText.plain(pieces) == #"a \ b {x} #Tag Ann (K) {hashtag|#|} @[x] @y"#)
        #expect(LinkedInLittleText.tags(pieces) == ["Tag"])
        #expect(LinkedInLittleText.rich(LinkedInLittleText.pieces("<b> & https://x.example/a\n@[Co](urn:li:organization:7)"))
            == "&lt;b&gt; &amp; https://x.example/a<br><a href=\"https://www.linkedin.com/company/7/\">Co</a>")
    }

    @Test("the next start comes from the next link, else start + count; no link ends paging")
    func nextStart() {
        let link = LinkedInPaging(start: 0, count: 5, total: 41, links: [LinkedInLink(rel: "next", href: "/rest/posts?q=author&start=5")])
        #expect(LinkedInAdapter.nextStart(link, after: 0) == 5)
        let bare = LinkedInPaging(start: 10, count: 5, total: nil, links: [LinkedInLink(rel: "next", href: nil)])
        #expect(LinkedInAdapter.nextStart(bare, after: 10) == 15)
        #expect(LinkedInAdapter.nextStart(LinkedInPaging(start: 0, count: 5, total: 5, links: []), after: 0) == nil)
        #expect(LinkedInAdapter.Requests.nextMidnight(after: AdapterHarness.recordedAt) == Date(timeIntervalSince1970: 1_789_516_800))
    }
}
