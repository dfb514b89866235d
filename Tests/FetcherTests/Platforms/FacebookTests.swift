import Foundation
import Testing
@testable import FeedFetchers

/// The Facebook Page adapter against the replay of `fixtures/platforms/facebook`.
@Suite struct FacebookTests {
    static let pageId = "104512398765432"
    static let token = "EAAFIXTURE0PAGE0TOKEN0NOT0REAL"
    static let feed: [String: FeedAttribute] = ["page_id": .string(pageId)]
    static let withReviews: [String: FeedAttribute] = ["page_id": .string(pageId), "include_reviews": .bool(true)]
    static let credentials = ["access_token": token, "connected_at": "2026-09-01T10:00:00Z"]
    static let cdn = "https://scontent.fhel6-1.fna.fbcdn.net"
    static let picture = cdn + "/v/t39.30808-1/459830288225_111140699587827_2311727134885292068_n.jpg?stp=dst-jpg_s200x200_tt6&_nc_cat=103&ccb=1-7&_nc_sid=127cfc&_nc_ohc=0865ae7cc79Q7kNvgE&_nc_zt=23&_nc_ht=scontent.fhel6-1.fna&_nc_gid=A4d3723a906f999d67caa6d&oh=00_AYDcf8a4c092f1dfceec553652f52b4a27522381f6f&oe=6AAF9280"
    static let page = PostAuthor(name: "Kettle & Crow Roasters", username: "kettleandcrow", profileUrl: "https://www.facebook.com/kettleandcrow", profileImageUrl: picture)

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

    @Test("The first fetch reads the posts, asks for page 2 by the after cursor, stops when it repeats, then reads the Page")
    func posts() async throws {
        let harness = try AdapterHarness(FacebookAdapter())
        try await harness.run { client in
            let result = try await harness.fetch(Self.feed, credentials: Self.credentials, client: client)
            #expect(result.posts.map(\.sourceId) == [
                "104512398765432_122866837248508519", "104512398765432_122934984040071691", "104512398765432_122108134627691984",
                "104512398765432_122130275943673708", "104512398765432_122309756994707422",
            ])
            #expect(result.posts.allSatisfy { $0.channel == "facebook" && $0.from == Self.page && $0.title == nil })
            #expect(result.posts.map(\.postType) == [.image, .video, .link, .text, .image])
        }
        let requests = harness.replay.requests
        #expect(requests.map(\.path) == ["/v25.0/104512398765432/published_posts", "/v25.0/104512398765432/published_posts", "/v25.0/104512398765432"])
        #expect(requests[0].query["after"] == nil)
        #expect(requests[1].query["after"] == "QVFIUnFfS2xUbW1PSUo0X0RpT05BMVZAKajNfdVNoSGl5dUVYMW1xOWk2WnJNSWdOeUZAhdzZAaMUhGVkZALY0VXdVBfMUl1aERLTmRpczdtRERvYVBubElpVzZAn")
        #expect(requests[0].query["fields"] == FacebookAdapter.postFields)
        #expect(requests[0].query["limit"] == "25")
        #expect(requests[2].query["fields"] == "id,name,username,link,picture.type(large),overall_star_rating,rating_count")
        #expect(requests.allSatisfy { $0.query["access_token"] == Self.token && $0.answeredBy != nil })
    }

    @Test("An album: every photo of its subattachments, message with linked hashtags")
    func album() async throws {
        let harness = try AdapterHarness(FacebookAdapter())
        try await harness.run { client in
            let post = try #require(try await harness.fetch(Self.feed, credentials: Self.credentials, client: client).posts.first)
            #expect(post.sourceUrl == "https://www.facebook.com/kettleandcrow/posts/pfbid0be38030aa8efb1cfeb5c8b8db33d19ba5f7507c2")
            #expect(post.textPlain == "Friday pour-off results ☕🦢 Rosetta by Maya vs. tulip stack by the new kid. Which one wins? Vote in the comments!\n\n#LatteArt #FlatWhiteFriday")
            #expect(post.textRich == "Friday pour-off results ☕🦢 Rosetta by Maya vs. tulip stack by the new kid. Which one wins? Vote in the comments!<br><br>"
                + "<a href=\"https://www.facebook.com/hashtag/LatteArt\">#LatteArt</a> <a href=\"https://www.facebook.com/hashtag/FlatWhiteFriday\">#FlatWhiteFriday</a>")
            #expect(post.tags == ["LatteArt", "FlatWhiteFriday"])
            #expect(iso(post.publishedAt) == "2026-09-14T16:45:20.000Z")
            #expect(post.images == [
                PostImage(url: Self.cdn + "/v/t39.30808-6/459811456864_354763453310148_3840371605423251358_n.jpg?stp=dst-jpg_s720x720_tt6&_nc_cat=103&ccb=1-7&_nc_sid=127cfc&_nc_ohc=ecdef4001ceQ7kNvgE&_nc_zt=23&_nc_ht=scontent.fhel6-1.fna&_nc_gid=A40799d11551ec8f00de5ba&oh=00_AYD2516434592368eac552e321488abc92e1288aee0&oe=6AAF9280"),
                PostImage(url: Self.cdn + "/v/t39.30808-6/459887821934_109393220615022_1103970190816184887_n.jpg?stp=dst-jpg_s720x720_tt6&_nc_cat=103&ccb=1-7&_nc_sid=127cfc&_nc_ohc=d4478d6e19bQ7kNvgE&_nc_zt=23&_nc_ht=scontent.fhel6-1.fna&_nc_gid=A33875ee461481a122c7435&oh=00_AYD15fd128d78b6254a00201b45695e0dce62e1fe48&oe=6AAF9280"),
                PostImage(url: Self.cdn + "/v/t39.30808-6/459817553463_115553497531359_1161150586205236228_n.jpg?stp=dst-jpg_s720x720_tt6&_nc_cat=103&ccb=1-7&_nc_sid=127cfc&_nc_ohc=c13d99ddfe7Q7kNvgE&_nc_zt=23&_nc_ht=scontent.fhel6-1.fna&_nc_gid=A0a9e03abbee0ee92f16ba0&oh=00_AYD39ab6d49f4e27df7bf3a0da75476e8799ec138ca&oe=6AAF9280"),
            ])
            #expect(post.videos.isEmpty)
            #expect(post.attachments.isEmpty)
            #expect(post.ctaLink == nil)
            #expect(post.postType == .image)
        }
    }

    @Test("A reel: the signed mp4 as file, its image as poster")
    func reel() async throws {
        let harness = try AdapterHarness(FacebookAdapter())
        try await harness.run { client in
            let posts = try await harness.fetch(Self.feed, credentials: Self.credentials, client: client).posts
            try #require(posts.count == 5)
            let reel = posts[1]
            #expect(reel.sourceUrl == "https://www.facebook.com/reel/7603839181252009/")
            #expect(reel.textPlain == "60 seconds of milk texturing, slowed down 👂")
            #expect(reel.textRich == "60 seconds of milk texturing, slowed down 👂")
            #expect(reel.tags.isEmpty)
            #expect(iso(reel.publishedAt) == "2026-09-13T09:07:12.000Z")
            #expect(reel.images == [PostImage(url: Self.cdn + "/v/t15.5256-10/459953377258_541449994887700_3267477715360043459_n.jpg?stp=dst-jpg_s720x720_tt6&_nc_cat=105&ccb=1-7&_nc_sid=50ce42&_nc_ht=scontent.fhel6-1.fna&oh=00_AYE8cc6e97385532a2ebc403dac04bd040e4af40e4f&oe=6AAF9280")])
            #expect(reel.videos == [PostVideo(type: .file, url: "https://video.fhel6-1.fna.fbcdn.net/o1/v/t2/f2/m69/AQM926fce99b5647551439063319745356d35dbbe49.mp4?strext=1&_nc_cat=104&_nc_sid=8bf8fe&_nc_ht=video.fhel6-1.fna.fbcdn.net&_nc_ohc=1c07481895e&efg=eyJ2ZW5jb2RlX3RhZyI6Inhwdl9wcm9ncmVzc2l2ZS5GQUNFQk9PSy4uQzMuNzIwLmRhc2hfaDI2NC1iYXNpYy1nZW4yXzcyMHAiLCJ4cHZfYXNzZXRfaWQiOjEyMzQ1Njc4OTAxMjM0NTZ9&oh=00_AYF317afa23885ceb61520c1535b67de32fdbbb09d7&oe=6AAF9280")])
            #expect(reel.attachments.isEmpty)
            #expect(reel.postType == .video)
        }
    }

    @Test("A link share: the unshimmed URL, title and description as a link attachment, the emg1 image, kind link")
    func share() async throws {
        let harness = try AdapterHarness(FacebookAdapter())
        try await harness.run { client in
            let posts = try await harness.fetch(Self.feed, credentials: Self.credentials, client: client).posts
            try #require(posts.count == 5)
            let share = posts[2]
            #expect(share.sourceUrl == "https://www.facebook.com/kettleandcrow/posts/pfbid04336d88a7d72f164bcc31aa04405050dcdacae84")
            #expect(share.textPlain == "Why does our latte art look different since August? We changed our milk. The full story, with numbers 👇")
            #expect(share.images == [PostImage(url: "https://external.fhel6-1.fna.fbcdn.net/emg1/v/t13/6796696798086593609?url=https%3A%2F%2Fkettleandcrow.example%2Fimg%2Fog%2Fnew-milk.jpg&fb_obo=1&utld=kettleandcrow.example&stp=c0.5000x0.5000f_dst-emg0_p720x720_q75_tt6&ccb=13-1&oh=06_Q3-1A40dc0f8e0fa353413fbbe0e828bcfa&oe=6AAF9280&_nc_sid=16bd5c")])
            #expect(share.videos.isEmpty)
            #expect(share.attachments == [PostAttachment(type: "link", fields: [
                ("url", .string("https://kettleandcrow.example/journal/new-milk-new-foam")),
                ("title", .string("New milk, new foam: re-tuning our steam wands")),
                ("snippet", .string("Why our latte art changed in August, and what we measured.")),
            ])])
            #expect(share.postType == .link)
            #expect(iso(share.publishedAt) == "2026-09-11T18:25:00.000Z")
        }
    }

    @Test("A text-only post is text although it has a permalink; a photo-only post has no text")
    func textAndPhoto() async throws {
        let harness = try AdapterHarness(FacebookAdapter())
        try await harness.run { client in
            let posts = try await harness.fetch(Self.feed, credentials: Self.credentials, client: client).posts
            try #require(posts.count == 5)
            let text = posts[3]
            #expect(text.sourceUrl == "https://www.facebook.com/kettleandcrow/posts/pfbid00e63fc673dba74647222a483e242ce46b60fbfe4")
            #expect(text.textPlain == "Closed Tuesday for a machine service 🛠️ See you Wednesday!")
            #expect(text.textRich == "Closed Tuesday for a machine service 🛠️ See you Wednesday!")
            #expect(text.images.isEmpty && text.videos.isEmpty && text.attachments.isEmpty)
            #expect(text.postType == .text)
            #expect(iso(text.publishedAt) == "2026-09-09T06:30:41.000Z")

            let photo = posts[4]
            #expect(photo.sourceUrl == "https://www.facebook.com/photo.php?fbid=3989813653391573&set=a.581907024983487&type=3")
            #expect(photo.textPlain == nil)
            #expect(photo.textRich == nil)
            #expect(photo.tags.isEmpty)
            #expect(photo.images == [PostImage(url: Self.cdn + "/v/t39.30808-6/459830975699_689696591656122_3116965867958273332_n.jpg?stp=dst-jpg_s720x720_tt6&_nc_cat=103&ccb=1-7&_nc_sid=127cfc&_nc_ohc=95b50ccd9d7Q7kNvgE&_nc_zt=23&_nc_ht=scontent.fhel6-1.fna&_nc_gid=A8f6915acf1099a995099ed&oh=00_AYDafcb4b4064f86732602853dcb03d35e98990aa5e&oe=6AAF9280")])
            #expect(photo.postType == .image)
            #expect(iso(photo.publishedAt) == "2026-09-08T15:50:02.000Z")
        }
    }

    @Test("With include_reviews, recommendations join the posts by date: kind review, no author, a review attachment")
    func reviews() async throws {
        let harness = try AdapterHarness(FacebookAdapter())
        try await harness.run { client in
            let posts = try await harness.fetch(Self.withReviews, credentials: Self.credentials, client: client).posts
            #expect(posts.map(\.sourceId) == [
                "104512398765432_122866837248508519", "1098371932433758", "104512398765432_122934984040071691", "104512398765432_122108134627691984",
                "104512398765432_122130275943673708", "104512398765432_122309756994707422", "1098752687959433", "1098451257824971",
            ])
            let reviews = posts.filter { $0.postType == .review }
            try #require(reviews.count == 3)
            let positive = reviews[0]
            #expect(positive.channel == "facebook")
            #expect(positive.sourceUrl == "https://www.facebook.com/kettleandcrow/reviews")
            #expect(positive.from == PostAuthor())
            #expect(positive.title == nil)
            #expect(positive.textPlain == "Best flat white on the pier, and they remembered my order on the second visit. The cardamom buns sell out early – go before 10!")
            #expect(positive.textRich == positive.textPlain)
            #expect(positive.tags.isEmpty && positive.images.isEmpty && positive.videos.isEmpty)
            #expect(iso(positive.publishedAt) == "2026-09-13T11:02:44.000Z")
            #expect(positive.attachments == [PostAttachment(type: "review", fields: [
                ("pageName", .string("Kettle & Crow Roasters")), ("pageUrl", .string("https://www.facebook.com/kettleandcrow")),
                ("recommendationType", .string("positive")),
            ])])

            let negative = reviews[1]
            #expect(negative.textPlain == "Coffee is great but the queue on Saturday was 25 minutes and there is nowhere to sit.")
            #expect(negative.attachments.first?.fields.last?.1 == .string("negative"))
            #expect(iso(negative.publishedAt) == "2026-09-06T17:20:10.000Z")

            let silent = reviews[2]
            #expect(silent.textPlain == nil)
            #expect(silent.textRich == nil)
            #expect(silent.sourceUrl == "https://www.facebook.com/kettleandcrow/reviews")
            #expect(iso(silent.publishedAt) == "2026-08-30T08:41:57.000Z")
        }
        let ratings = harness.replay.requests.filter { $0.path.hasSuffix("/ratings") }
        #expect(ratings.count == 1)
        #expect(ratings.first?.query["fields"] == "created_time,recommendation_type,review_text,open_graph_story{id}")
        #expect(ratings.first?.query["limit"] == "25")
        #expect(ratings.first?.answeredBy == "page recommendations (reviews)")
    }

    @Test("A recommendation without open_graph_story gets a stable id from its date and text")
    func reviewHash() {
        let rating = FacebookRating(createdTime: "2026-09-13T11:02:44+0000", recommendationType: "positive", reviewText: "Great coffee")
        let id = FacebookMapping.reviewId(rating)
        #expect(id.count == 16 && id.allSatisfy(\.isHexDigit))
        #expect(FacebookMapping.reviewId(rating) == id)
        #expect(FacebookMapping.reviewId(FacebookRating(createdTime: "2026-09-13T11:02:44+0000", reviewText: "Great tea")) != id)
        #expect(FacebookMapping.reviewId(FacebookRating(createdTime: "x", openGraphStory: .init(id: "42"))) == "42")
    }

    @Test("A later fetch does not read past the page holding a stored id")
    func incremental() async throws {
        let harness = try AdapterHarness(FacebookAdapter())
        try await harness.run { client in
            let result = try await harness.fetch(Self.feed, credentials: Self.credentials, known: ["104512398765432_122309756994707422"], client: client)
            #expect(result.posts.count == 5)
        }
        #expect(harness.replay.requests.filter { $0.path.hasSuffix("/published_posts") }.count == 1)
    }

    @Test("An invalidated Page token (190/460) asks to reconnect the Page, without the token in the message")
    func invalidatedToken() async throws {
        let harness = try AdapterHarness(FacebookAdapter())
        harness.replay.prefer("page token invalidated (admin changed password / removed the app)")
        try await harness.run { client in
            let error = await failure { () async throws(PlatformError) in
                try await harness.fetch(Self.feed, credentials: Self.credentials, client: client)
            }
            guard case .reconnect(let message) = error else {
                Issue.record("expected reconnect, got \(String(describing: error))")
                return
            }
            #expect(message.contains("reconnect the Facebook Page"))
            #expect(message.contains(Self.pageId))
            #expect(message.contains("190/460"))
            #expect(!message.contains(Self.token))
        }
    }

    @Test("A Page BUC limit (80001) waits the header's 9 minutes")
    func rateLimited() async throws {
        let harness = try AdapterHarness(FacebookAdapter())
        harness.replay.prefer("Page BUC limit reached")
        try await harness.run { client in
            let error = await failure { () async throws(PlatformError) in
                try await harness.fetch(Self.feed, credentials: Self.credentials, client: client)
            }
            guard case .rateLimited(let until, let message) = error else {
                Issue.record("expected rateLimited, got \(String(describing: error))")
                return
            }
            #expect(until == AdapterHarness.recordedAt.addingTimeInterval(9 * 60))
            #expect(message.contains("Facebook rate limit reached"))
            #expect(message.contains("80001"))
        }
    }

    @Test("Attributes that make a feed", arguments: [
        ["page_id": FeedAttribute.string("104512398765432")],
        ["page_id": .number(104_512_398_765_432)],
        ["page_id": .string("104512398765432"), "include_reviews": .bool(true)],
        ["page_id": .string(" 104512398765432 "), "include_reviews": .string("false")],
    ])
    func goodAttributes(_ attributes: [String: FeedAttribute]) {
        #expect(FacebookAdapter().problems(in: attributes).isEmpty)
        #expect(FacebookAdapter.pageId(attributes) == "104512398765432")
    }

    @Test("Attributes that do not, each naming the attribute", arguments: [
        ([:], "page_id"),
        (["page_id": FeedAttribute.string("")], "page_id"),
        (["page_id": .string("kettleandcrow")], "page_id"),
        (["page_id": .string("https://www.facebook.com/kettleandcrow")], "page_id"),
        (["page_id": .string("104512398765432"), "include_reviews": .string("sometimes")], "include_reviews"),
    ] as [([String: FeedAttribute], String)])
    func badAttributes(_ attributes: [String: FeedAttribute], _ name: String) {
        #expect(FacebookAdapter().problems(in: attributes).map(\.attribute) == [name])
    }

    @Test("The adapter's service, channel and credentials")
    func description() {
        let adapter = FacebookAdapter()
        #expect(adapter.service == "facebook")
        #expect(adapter.channel == "facebook")
        #expect(adapter.attributeNames == ["page_id", "include_reviews"])
        #expect(adapter.credentialFields == [CredentialField("access_token", aliases: ["page_access_token", "token"]), CredentialField("expires_at", required: false, secret: false)])
        #expect(PlatformAdapters.adapter(for: "facebook") is FacebookAdapter)
    }
}
