import Foundation
import Testing
@testable import FeedFetchers

/// The Instagram Graph API adapter against the replay of `fixtures/platforms/instagram_graph_api`.
@Suite struct InstagramGraphAPITests {
    static let userId = "17841405822304914"
    static let token = "EAAFIXTURE0TOKEN0NOT0REAL"
    static let account: [String: FeedAttribute] = ["ig_user_id": .string(userId)]
    static let hashtag: [String: FeedAttribute] = ["ig_user_id": .string(userId), "source": .string("hashtag"), "hashtag": .string("#latteart")]
    static let credentials = ["access_token": token, "connected_at": "2026-09-01T10:00:00Z"]
    static let cdn = "https://scontent-hel3-1.cdninstagram.com"

    /// `publishedAt` as the API prints it.
    func iso(_ date: Date?) -> String? { date.map(FeedDate.isoString) }

    /// The error `body` throws; nil when it succeeds.
    func failure(_ body: () async throws(PlatformError) -> PlatformResult) async -> PlatformError? {
        do {
            _ = try await body()
            return nil
        } catch {
            return error
        }
    }

    @Test("The first fetch of an account reads both pages (page 2 by the after cursor), then the profile")
    func accountPages() async throws {
        let harness = try AdapterHarness(InstagramGraphAPIAdapter())
        try await harness.run { client in
            let result = try await harness.fetch(Self.account, credentials: Self.credentials, client: client)
            #expect(result.posts.map(\.sourceId) == ["18490159247119460", "18143059642025326", "18377641784326331", "18404153265951735", "18665122831062230"])
            #expect(result.posts.allSatisfy { $0.channel == "instagram" })
            #expect(result.refreshedCredentials.isEmpty)
        }
        let requests = harness.replay.requests
        #expect(requests.map(\.answeredBy) == [
            "own media, newest page", "own media, older page (after cursor); last page has no paging.next", "account profile (for from.*)",
        ])
        #expect(requests[0].query["after"] == nil)
        #expect(requests[1].query["after"] == "QVFIUjNfY2xydHh5TWQ3b2xHbHhGWGpmVWl6RnNoSmVuUTdHNVVUMjR3Nk1NaHdVbG1pUnVaU1B0VjlRWnFxbmpCM3l4N2Z5N0l6TDFiYjF0NVRQbGtDQmRn")
        #expect(requests.allSatisfy { $0.query["access_token"] == Self.token && $0.path.hasPrefix("/v25.0/") })
        #expect(requests[0].query["limit"] == "25")
        #expect(requests[0].query["fields"] == InstagramGraphAPIReader.mediaFields)
        #expect(requests[2].query["fields"] == "id,username,name,profile_picture_url")
    }

    @Test("A carousel maps every child: images, a video child's poster and file, kind image")
    func carousel() async throws {
        let harness = try AdapterHarness(InstagramGraphAPIAdapter())
        try await harness.run { client in
            let post = try #require(try await harness.fetch(Self.account, credentials: Self.credentials, client: client).posts.first)
            #expect(post.sourceId == "18490159247119460")
            #expect(post.sourceUrl == "https://www.instagram.com/p/DHx3kQ9tLmA/")
            #expect(post.title == nil)
            #expect(post.textPlain == "Friday pour-off results ☕🦢 Rosetta by @maya.pours vs. tulip stack by the new kid. Which one wins? 👇\n.\n.\n#latteart #flatwhitefriday #specialtycoffee #baristalife")
            #expect(post.textRich == "Friday pour-off results ☕🦢 Rosetta by <a href=\"https://www.instagram.com/maya.pours/\">@maya.pours</a> vs. tulip stack by the new kid. Which one wins? 👇<br>.<br>.<br>"
                + "<a href=\"https://www.instagram.com/explore/tags/latteart/\">#latteart</a> <a href=\"https://www.instagram.com/explore/tags/flatwhitefriday/\">#flatwhitefriday</a> "
                + "<a href=\"https://www.instagram.com/explore/tags/specialtycoffee/\">#specialtycoffee</a> <a href=\"https://www.instagram.com/explore/tags/baristalife/\">#baristalife</a>")
            #expect(iso(post.publishedAt) == "2026-09-14T16:44:51.000Z")
            #expect(post.from == PostAuthor(
                name: "Kettle & Crow Roasters", username: "kettleandcrow", profileUrl: "https://www.instagram.com/kettleandcrow/",
                profileImageUrl: Self.cdn + "/v/t51.2885-19/459821158559_0195505782528348_0229533674760507512_n.jpg?stp=dst-jpg_s206x206_tt6&_nc_cat=104&ccb=1-7&_nc_sid=18de74&_nc_ohc=85d848593acQ7kNvgE&_nc_zt=23&_nc_ht=scontent-hel3-1.cdninstagram.com&edm=ANo9K5cEAAAA&oh=00_AYB0988f45626ee6300c3c6f028f23fba71a90c7bac&oe=6AAE4100"))
            #expect(post.tags == ["latteart", "flatwhitefriday", "specialtycoffee", "baristalife"])
            #expect(post.images.map(\.url) == [
                Self.cdn + "/v/t51.29350-15/459856786330_0146232233896720_0531061168508089680_n.jpg?stp=dst-jpg_e35_tt6&_nc_cat=104&ccb=1-7&_nc_sid=18de74&_nc_ohc=59859f30bc0Q7kNvgE&_nc_zt=23&_nc_ht=scontent-hel3-1.cdninstagram.com&edm=ANo9K5cEAAAA&oh=00_AYBe489cf643a453b5852aa99156f9e655e1aa74c25&oe=6AAE4100",
                Self.cdn + "/v/t51.29350-15/459854591156_0127926313147451_0124443383584457905_n.jpg?stp=dst-jpg_e35_tt6&_nc_cat=104&ccb=1-7&_nc_sid=18de74&_nc_ohc=cdba79be51fQ7kNvgE&_nc_zt=23&_nc_ht=scontent-hel3-1.cdninstagram.com&edm=ANo9K5cEAAAA&oh=00_AYB6df279e06555f7d562f8859ba5a0d9e09da2a0f0&oe=6AAE4100",
                Self.cdn + "/v/t51.29350-15/459868870953_0012458658583019_0893501700649337926_n.jpg?stp=dst-jpg_e35_tt6&_nc_cat=104&ccb=1-7&_nc_sid=18de74&_nc_ohc=dc668b83297Q7kNvgE&_nc_zt=23&_nc_ht=scontent-hel3-1.cdninstagram.com&edm=ANo9K5cEAAAA&oh=00_AYBdc2905dbd74cf547f13ff206d553b60c30ad17c6&oe=6AAE4100",
            ])
            #expect(post.images.allSatisfy { $0.altText == nil })
            #expect(post.videos == [PostVideo(type: .file, url: Self.cdn + "/o1/v/t16/f2/m86/AQOf983016b69be9f9e009c717a8c6a626b3cc4de21.mp4?stp=dst-mp4&efg=eyJxZV9ncm91cHMiOiJbXCJpZ193ZWJfZGVsaXZlcnlfdnRzX290ZlwiXSJ9&_nc_cat=101&vs=64bafe09d4924a8a&_nc_vs=HBksFQIYUmlnX3hwdl9yZWVsc19wZXJtYW5lbnRfc3JfcHJvZC8&_nc_ht=scontent-hel3-1.cdninstagram.com&oh=00_AYCfb1c37cb4e692872d059f31abad956770950178c&oe=6AAD0DE1")])
            #expect(post.postType == .image)
            #expect(post.ctaLink == nil)
            #expect(post.attachments.isEmpty)
        }
    }

    @Test("A reel has its file and poster; a copyright-flagged reel links to its page; an image is an image")
    func reelsAndImages() async throws {
        let harness = try AdapterHarness(InstagramGraphAPIAdapter())
        try await harness.run { client in
            let posts = try await harness.fetch(Self.account, credentials: Self.credentials, client: client).posts
            try #require(posts.count == 5)
            let reel = posts[1]
            #expect(reel.sourceUrl == "https://www.instagram.com/reel/DHt9LmQw2Xs/")
            #expect(reel.videos == [PostVideo(type: .file, url: Self.cdn + "/o1/v/t16/f2/m86/AQO32d332da761f44df7959e5887b6b94cb4667d781.mp4?stp=dst-mp4&efg=eyJxZV9ncm91cHMiOiJbXCJpZ193ZWJfZGVsaXZlcnlfdnRzX290ZlwiXSJ9&_nc_cat=101&vs=af0b66250f02388e&_nc_vs=HBksFQIYUmlnX3hwdl9yZWVsc19wZXJtYW5lbnRfc3JfcHJvZC8&_nc_ht=scontent-hel3-1.cdninstagram.com&oh=00_AYC11ef9fd6412a794bf4ab12696b248641c914c1d7&oe=6AAD0DE1")])
            #expect(reel.images.map(\.url) == [Self.cdn + "/v/t51.29350-15/459870653652_0233555861409143_0966764044095491445_n.jpg?stp=dst-jpg_e35_tt6&_nc_cat=104&ccb=1-7&_nc_sid=18de74&_nc_ohc=ec5fa35fa05Q7kNvgE&_nc_zt=23&_nc_ht=scontent-hel3-1.cdninstagram.com&edm=ANo9K5cEAAAA&oh=00_AYB9ce31bfb87734fd02007dcb698d4ebc44938335a&oe=6AAE4100"])
            #expect(reel.postType == .video)
            #expect(reel.tags == ["latteart", "baristatips"])
            #expect(iso(reel.publishedAt) == "2026-09-13T09:06:40.000Z")

            let image = posts[2]
            #expect(image.sourceId == "18377641784326331")
            #expect(image.sourceUrl == "https://www.instagram.com/p/DHr0aZ2sQe7/")
            #expect(image.textPlain == "Cardamom buns are back 🥐 Out of the oven at 7, gone by 10. Tag a friend who owes you a bun.")
            #expect(image.textRich == image.textPlain)
            #expect(image.tags.isEmpty)
            #expect(image.images == [PostImage(url: Self.cdn + "/v/t51.29350-15/459850920440_0276693461822107_1067693314786781511_n.jpg?stp=dst-jpg_e35_tt6&_nc_cat=104&ccb=1-7&_nc_sid=18de74&_nc_ohc=da27bf71f8bQ7kNvgE&_nc_zt=23&_nc_ht=scontent-hel3-1.cdninstagram.com&edm=ANo9K5cEAAAA&oh=00_AYBc5eb83c503d94791c5ac9de1d3865cc997f856c7&oe=6AAE4100")])
            #expect(image.videos.isEmpty)
            #expect(image.postType == .image)
            #expect(iso(image.publishedAt) == "2026-09-12T06:58:02.000Z")
            #expect(image.from.username == "kettleandcrow")

            let flagged = posts[3]
            #expect(flagged.sourceId == "18404153265951735")
            #expect(flagged.videos == [PostVideo(type: .link, url: "https://www.instagram.com/reel/DHoQ7pVs1Kd/")])
            #expect(flagged.images.map(\.url) == [Self.cdn + "/v/t51.29350-15/459814007409_0199079566826548_0392224766200422074_n.jpg?stp=dst-jpg_e35_tt6&_nc_cat=104&ccb=1-7&_nc_sid=18de74&_nc_ohc=70d99fd178fQ7kNvgE&_nc_zt=23&_nc_ht=scontent-hel3-1.cdninstagram.com&edm=ANo9K5cEAAAA&oh=00_AYB6f3c9ffac8eec995b89a707a045c25726d2f8069&oe=6AAE4100"])
            #expect(flagged.postType == .video)
            #expect(flagged.textRich == "Saturday rush, sped up ⏩ (song: you know the one) <a href=\"https://www.instagram.com/explore/tags/behindthebar/\">#behindthebar</a>")

            let empty = posts[4]
            #expect(empty.textPlain == nil)
            #expect(empty.textRich == nil)
            #expect(empty.tags.isEmpty)
            #expect(empty.postType == .image)
            #expect(iso(empty.publishedAt) == "2026-09-08T15:47:29.000Z")
        }
    }

    @Test("A later fetch reads page 1 only once it holds a stored id")
    func incremental() async throws {
        let harness = try AdapterHarness(InstagramGraphAPIAdapter())
        try await harness.run { client in
            let result = try await harness.fetch(Self.account, credentials: Self.credentials, known: ["18377641784326331"], client: client)
            #expect(result.posts.map(\.sourceId) == ["18490159247119460", "18143059642025326", "18377641784326331", "18404153265951735"])
        }
        #expect(harness.replay.requests.filter { $0.path.hasSuffix("/media") }.count == 1)
    }

    @Test("At most maxPosts posts are collected, from as few pages as that takes")
    func maxPosts() async throws {
        let harness = try AdapterHarness(InstagramGraphAPIAdapter())
        try await harness.run { client in
            let feed = PlatformFeed(attributes: Self.account, credentials: Self.credentials, now: AdapterHarness.recordedAt, maxPosts: 2)
            let result = try await harness.adapter.fetch(feed, client: client)
            #expect(result.posts.map(\.sourceId) == ["18490159247119460", "18143059642025326"])
        }
        #expect(harness.replay.requests.filter { $0.path.hasSuffix("/media") }.count == 1)
    }

    @Test("A hashtag feed looks the tag up once, keeps its id, and reads recent media until a page adds nothing new")
    func hashtagFeed() async throws {
        let harness = try AdapterHarness(InstagramGraphAPIAdapter())
        try await harness.run { client in
            let result = try await harness.fetch(Self.hashtag, credentials: Self.credentials, client: client)
            #expect(result.state == PlatformState(["hashtag": "latteart", "hashtag_id": "17843826142012345"]))
            let posts = result.posts
            #expect(posts.map(\.sourceId) == ["18484960625034366", "18537927402694668", "18398950937101730"])
            #expect(posts.allSatisfy { $0.from == PostAuthor() })

            let image = posts[0]
            #expect(image.sourceUrl == "https://www.instagram.com/p/DHz1QwErTy2/")
            #expect(image.textPlain == "Day 41 of swan practice and the neck finally has a curve 🦢 #latteart #homebarista")
            #expect(image.textRich == "Day 41 of swan practice and the neck finally has a curve 🦢 <a href=\"https://www.instagram.com/explore/tags/latteart/\">#latteart</a> <a href=\"https://www.instagram.com/explore/tags/homebarista/\">#homebarista</a>")
            #expect(image.tags == ["latteart", "homebarista"])
            #expect(image.images.map(\.url) == [Self.cdn + "/v/t51.29350-15/459890590578_0274649888095988_0703023464771197242_n.jpg?stp=dst-jpg_e35_tt6&_nc_cat=104&ccb=1-7&_nc_sid=18de74&_nc_ohc=2a7da61e491Q7kNvgE&_nc_zt=23&_nc_ht=scontent-hel3-1.cdninstagram.com&edm=ANo9K5cEAAAA&oh=00_AYB0c38479f42b1e598be0e4bf8c055deef9adea58a&oe=6AAE4100"])
            #expect(image.postType == .image)
            #expect(iso(image.publishedAt) == "2026-09-15T06:58:41.000Z")

            let album = posts[1]
            #expect(album.images.map(\.url) == [
                Self.cdn + "/v/t51.29350-15/459883642538_0187887863973600_0486792891376767614_n.jpg?stp=dst-jpg_e35_tt6&_nc_cat=104&ccb=1-7&_nc_sid=18de74&_nc_ohc=2516af150aeQ7kNvgE&_nc_zt=23&_nc_ht=scontent-hel3-1.cdninstagram.com&edm=ANo9K5cEAAAA&oh=00_AYBbe250d5d35eca338933e166ed832f72c233d925f&oe=6AAE4100",
                Self.cdn + "/v/t51.29350-15/459855357657_0091610714978245_0740345053717700895_n.jpg?stp=dst-jpg_e35_tt6&_nc_cat=104&ccb=1-7&_nc_sid=18de74&_nc_ohc=c6b73074869Q7kNvgE&_nc_zt=23&_nc_ht=scontent-hel3-1.cdninstagram.com&edm=ANo9K5cEAAAA&oh=00_AYBa40bd2eef24483b5e89ec64c1710fccd068f0f21&oe=6AAE4100",
            ])
            #expect(album.videos.isEmpty)
            #expect(album.postType == .image)
            #expect(album.tags == ["latteart", "throwdown"])

            let video = posts[2]
            #expect(video.sourceUrl == "https://www.instagram.com/reel/DHyx9TqWm3c/")
            #expect(video.images.isEmpty)
            #expect(video.videos == [PostVideo(type: .file, url: Self.cdn + "/o1/v/t16/f2/m86/AQO8dbc6058e03353809813416c6830708abaf9d223.mp4?stp=dst-mp4&efg=eyJxZV9ncm91cHMiOiJbXCJpZ193ZWJfZGVsaXZlcnlfdnRzX290ZlwiXSJ9&_nc_cat=101&vs=1365abb93f376311&_nc_vs=HBksFQIYUmlnX3hwdl9yZWVsc19wZXJtYW5lbnRfc3JfcHJvZC8&_nc_ht=scontent-hel3-1.cdninstagram.com&oh=00_AYC0e1bac3824c65e53aa15694fce3476e9db486fc4&oe=6AAD0DE1")])
            #expect(video.postType == .video)
            #expect(iso(video.publishedAt) == "2026-09-14T22:40:51.000Z")
        }
        let requests = harness.replay.requests
        #expect(requests.map(\.answeredBy) == [
            "hashtag name -> id (counts toward 30 unique hashtags per 7 days)",
            "hashtag recent media (last 24 h only, no username)", "hashtag recent media (last 24 h only, no username)",
        ])
        #expect(requests[0].query["q"] == "latteart")
        #expect(requests[0].query["user_id"] == Self.userId)
        #expect(requests[1].query["limit"] == "50")
        #expect(requests[1].query["after"] == nil)
        #expect(requests[2].query["after"] == "QVFIUkxrUjVaNFl3WDNzQk1mZAWFfT2NPQ0hSZAlg2YXo3NUxIcl9jRjJ6dU4zQmpZAd0FSN2dtRnZATYnlZAUm5vUjZAFTUx3")
        #expect(requests.allSatisfy { $0.query["access_token"] == Self.token })
    }

    @Test("A kept hashtag id is not searched again")
    func cachedHashtag() async throws {
        let harness = try AdapterHarness(InstagramGraphAPIAdapter())
        try await harness.run { client in
            let state = PlatformState(["hashtag": "latteart", "hashtag_id": "17843826142012345"])
            let result = try await harness.fetch(Self.hashtag, credentials: Self.credentials, state: state, known: ["18398950937101730"], client: client)
            #expect(result.posts.count == 3)
            #expect(result.state == state)
        }
        #expect(harness.replay.requests.map(\.path) == ["/v25.0/17843826142012345/recent_media"])
    }

    @Test("An expired token (code 190) asks to reconnect the account, without the token in the message")
    func expiredToken() async throws {
        let harness = try AdapterHarness(InstagramGraphAPIAdapter())
        harness.replay.prefer("expired token")
        try await harness.run { client in
            let error = await failure { () async throws(PlatformError) in
                try await harness.fetch(Self.account, credentials: Self.credentials, client: client)
            }
            guard case .reconnect(let message) = error else {
                Issue.record("expected reconnect, got \(String(describing: error))")
                return
            }
            #expect(message.contains("reconnect the Instagram account"))
            #expect(message.contains("17841405822304914"))
            #expect(message.contains("190/463"))
            #expect(!message.contains(Self.token))
        }
    }

    @Test("A Business Use Case limit (80002) waits the header's estimated_time_to_regain_access: 17 minutes")
    func rateLimited() async throws {
        let harness = try AdapterHarness(InstagramGraphAPIAdapter())
        harness.replay.prefer("Business Use Case limit reached")
        try await harness.run { client in
            let error = await failure { () async throws(PlatformError) in
                try await harness.fetch(Self.account, credentials: Self.credentials, client: client)
            }
            guard case .rateLimited(let until, let message) = error else {
                Issue.record("expected rateLimited, got \(String(describing: error))")
                return
            }
            #expect(until == AdapterHarness.recordedAt.addingTimeInterval(17 * 60))
            #expect(message.contains("Instagram rate limit reached"))
            #expect(message.contains("80002"))
        }
    }

    @Test("Attributes that make a feed", arguments: [
        ["ig_user_id": FeedAttribute.string("17841405822304914")],
        ["ig_user_id": .string("17841405822304914"), "source": .string("account")],
        ["ig_user_id": .string("17841405822304914"), "source": .string("hashtag"), "hashtag": .string("latteart")],
        ["ig_user_id": .string("17841405822304914"), "source": .string("Hashtag"), "hashtag": .string("#flat_white2")],
        ["ig_user_id": .string("17841405822304914"), "hashtag": .string("café")],
    ])
    func goodAttributes(_ attributes: [String: FeedAttribute]) {
        #expect(InstagramGraphAPIAdapter().problems(in: attributes).isEmpty)
        #expect(InstagramGraphAPIAdapter.target(attributes) != nil)
    }

    @Test("Attributes that do not, each naming the attribute", arguments: [
        ([:], "ig_user_id"),
        (["ig_user_id": FeedAttribute.string("kettleandcrow")], "ig_user_id"),
        (["ig_user_id": .string("17841405822304914"), "source": .string("stories")], "source"),
        (["ig_user_id": .string("17841405822304914"), "source": .string("hashtag")], "hashtag"),
        (["ig_user_id": .string("17841405822304914"), "source": .string("hashtag"), "hashtag": .string("latte art")], "hashtag"),
        (["ig_user_id": .string("17841405822304914"), "source": .string("hashtag"), "hashtag": .string("coffee☕")], "hashtag"),
        (["ig_user_id": .string("17841405822304914"), "source": .string("hashtag"), "hashtag": .string("##latteart")], "hashtag"),
    ] as [([String: FeedAttribute], String)])
    func badAttributes(_ attributes: [String: FeedAttribute], _ name: String) {
        let problems = InstagramGraphAPIAdapter().problems(in: attributes)
        #expect(problems.map(\.attribute) == [name])
        #expect(InstagramGraphAPIAdapter.target(attributes) == nil)
    }

    @Test("A leading # is dropped from the hashtag")
    func hashtagNormalized() {
        #expect(InstagramGraphAPIAdapter.target(Self.hashtag) == .hashtag(userId: Self.userId, tag: "latteart"))
    }

    @Test("The adapter's service, channel, credentials and attributes")
    func description() {
        let adapter = InstagramGraphAPIAdapter()
        #expect(adapter.service == "instagram_graph_api")
        #expect(adapter.channel == "instagram")
        #expect(adapter.attributeNames == ["ig_user_id", "source", "hashtag"])
        #expect(adapter.credentialFields.first == CredentialField("access_token", aliases: ["token"]))
        #expect(adapter.needsCredentials(Self.account))
        #expect(PlatformAdapters.adapter(for: "instagram_graph_api") is InstagramGraphAPIAdapter)
    }
}

/// Keeping Instagram-Login tokens alive, against the refresh recorded with `instagram_basic_display`.
extension InstagramGraphAPITests {
    static let igToken = "IGAAFIXTURE0LONG0LIVED0TOKEN"

    @Test("An Instagram-Login token older than a day is extended: the new token, when, and until when")
    func refreshes() async throws {
        let harness = try AdapterHarness(InstagramGraphAPIAdapter(), fixtures: "instagram_basic_display")
        try await harness.run { client in
            let feed = PlatformFeed(attributes: Self.account, credentials: ["access_token": Self.igToken, "connected_at": "2026-09-01T10:00:00Z"],
                                    now: AdapterHarness.recordedAt)
            let refreshed = try #require(await InstagramTokenRefresh.refreshIfDue(token: Self.igToken, feed: feed, client: client))
            #expect(refreshed.credentials == [
                "access_token": "IGAAFIXTURE0REFRESHED0TOKEN0NOT0REAL",
                "refreshed_at": "2026-09-15T08:00:00.000Z",
                "expires_at": FeedDate.isoString(AdapterHarness.recordedAt.addingTimeInterval(5_183_944)),
            ])
        }
        let request = try #require(harness.replay.requests.first)
        #expect(request.path == "/refresh_access_token")
        #expect(request.query == ["grant_type": "ig_refresh_token", "access_token": Self.igToken])
        #expect(request.answeredBy == "extend a long-lived token (valid 60 days; refresh when at least 24 h old)")
    }

    @Test("Which tokens are due: Instagram-Login ones last refreshed (else connected) more than 24 h ago")
    func dueTokens() {
        let now = AdapterHarness.recordedAt
        #expect(InstagramTokenRefresh.isDue(token: Self.igToken, credentials: ["connected_at": "2026-09-14T07:59:59Z"], now: now))
        #expect(!InstagramTokenRefresh.isDue(token: Self.igToken, credentials: ["connected_at": "2026-09-14T08:00:01Z"], now: now))
        #expect(!InstagramTokenRefresh.isDue(token: Self.igToken, credentials: ["connected_at": "2026-08-01T00:00:00Z", "refreshed_at": "2026-09-15T06:00:00Z"], now: now))
        #expect(InstagramTokenRefresh.isDue(token: "opaque", credentials: ["token_type": "instagram", "connected_at": "2026-08-01T00:00:00Z"], now: now))
        #expect(!InstagramTokenRefresh.isDue(token: Self.token, credentials: ["connected_at": "2026-08-01T00:00:00Z"], now: now))
        #expect(!InstagramTokenRefresh.isDue(token: Self.igToken, credentials: ["token_type": "facebook", "connected_at": "2026-08-01T00:00:00Z"], now: now))
    }

    @Test("A failed refresh is not fatal: the old token still reads the feed")
    func failedRefresh() async throws {
        let harness = try AdapterHarness(InstagramGraphAPIAdapter())
        try await harness.run { client in
            let result = try await harness.fetch(Self.account, credentials: ["access_token": Self.igToken, "connected_at": "2026-09-01T10:00:00Z"], client: client)
            #expect(result.posts.count == 5)
            #expect(result.refreshedCredentials.isEmpty)
        }
        let requests = harness.replay.requests
        #expect(requests.first?.path == "/refresh_access_token")
        #expect(requests.first?.answeredBy == nil)
        #expect(requests.dropFirst().allSatisfy { $0.query["access_token"] == Self.igToken && $0.answeredBy != nil })
    }

    @Test("Facebook-Login tokens are never refreshed")
    func facebookTokens() async throws {
        let harness = try AdapterHarness(InstagramGraphAPIAdapter())
        try await harness.run { client in
            _ = try await harness.fetch(Self.account, credentials: Self.credentials, client: client)
        }
        #expect(!harness.replay.requests.contains { $0.path == "/refresh_access_token" })
    }
}
