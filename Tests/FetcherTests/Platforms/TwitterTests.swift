import Foundation
import Testing
@testable import FeedFetchers

/// The feed the `twitter_v2` fixtures answer.
private let latteArt: [String: FeedAttribute] = [
    "author": .string("kettleandcrow"), "hashtag_or_keyword": .string("#LatteArt"), "include_replies": .bool(false),
]
private let bearer = ["bearer_token": "AAAAFIXTUREBEARER"]

/// An instant as the fixtures write it.
private func at(_ text: String) -> Date? { FeedDate.parse(text) }

/// The error a fetch ends with, nil when it succeeds.
private func failure(_ harness: AdapterHarness, credentials: [String: String] = bearer, client: PlatformClient) async -> PlatformError? {
    do {
        _ = try await harness.fetch(latteArt, credentials: credentials, client: client)
        return nil
    } catch {
        return error
    }
}

private let author = PostAuthor(
    name: "Kettle & Crow Roasters", username: "kettleandcrow", profileUrl: "https://x.com/kettleandcrow",
    profileImageUrl: "https://pbs.twimg.com/profile_images/1765432109876543210/kQ3vX9aB_400x400.jpg")

private func hashtag(_ tag: String) -> String { "<a href=\"https://x.com/hashtag/\(tag)\">#\(tag)</a>" }

@Suite struct TwitterTests {
    @Test("The fixture feed's attributes make exactly the README's query")
    func fixtureQuery() {
        #expect(TwitterQuery(latteArt).text == "from:kettleandcrow #LatteArt -is:retweet -is:reply")
    }

    @Test("Terms are ORed, phrases quoted, replies kept on request and both media flags mean any media")
    func queryVariants() {
        let several = TwitterQuery(["hashtag_or_keyword": .string("#a #b"), "include_replies": .bool(true)])
        #expect(several.text == "(#a OR #b) -is:retweet")
        let phrases = TwitterQuery(["author": .string("@Crow_9"), "hashtag_or_keyword": .string("#a, two words")])
        #expect(phrases.text == "from:Crow_9 (#a OR \"two words\") -is:retweet -is:reply")
        let quoted = TwitterQuery(["hashtag_or_keyword": .string("\"flat white\""), "videos_required": .bool(true)])
        #expect(quoted.text == "\"flat white\" -is:retweet -is:reply has:videos")
        let pictures = TwitterQuery(["author": .string("crow"), "pictures_required": .string("true")])
        #expect(pictures.text == "from:crow -is:retweet -is:reply has:images")
        let both = TwitterQuery(["author": .string("crow"), "videos_required": .bool(true), "pictures_required": .bool(true)])
        #expect(both.text == "from:crow -is:retweet -is:reply (has:images OR has:videos)")
    }

    @Test("Attributes are checked: a username, something to search for, flags, and 512 characters at most")
    func attributeProblems() {
        let adapter = TwitterAdapter()
        #expect(adapter.problems(in: latteArt).isEmpty)
        #expect(adapter.problems(in: ["hashtag_or_keyword": .string("coffee")]).isEmpty)
        #expect(adapter.problems(in: ["author": .string("@kettleandcrow")]).isEmpty)
        #expect(adapter.problems(in: ["author": .string("kettle and crow")]).map(\.attribute) == ["author"])
        #expect(adapter.problems(in: ["author": .string("a_name_longer_than_15")]).map(\.attribute) == ["author"])
        #expect(adapter.problems(in: [:]).map(\.attribute) == ["author"])
        #expect(adapter.problems(in: ["include_replies": .bool(true)]).map(\.attribute) == ["author"])
        #expect(adapter.problems(in: ["hashtag_or_keyword": .string(" , ")]).map(\.attribute) == ["hashtag_or_keyword"])
        #expect(adapter.problems(in: ["author": .string("crow"), "videos_required": .string("maybe")]).map(\.attribute) == ["videos_required"])
        let long = Array(repeating: "#coffee", count: 70).joined(separator: " ")
        let tooLong = adapter.problems(in: ["hashtag_or_keyword": .string(long)])
        #expect(tooLong.map(\.attribute) == ["hashtag_or_keyword"])
        #expect(tooLong.first?.message.contains("512") == true)
        #expect(adapter.credentialFields == [CredentialField("bearer_token", aliases: ["access_token", "token"])])
        #expect(adapter.channel == "twitter")
    }

    @Test("The first fetch reads page 1, then page 2 with the next_token, and keeps the newest id")
    func firstFetchPages() async throws {
        let harness = try AdapterHarness(TwitterAdapter())
        try await harness.run { client in
            let result = try await harness.fetch(latteArt, credentials: bearer, client: client)
            #expect(result.posts.map(\.sourceId) == [
                "2099539197949436956", "2099062003597660564", "2098476667503044817", "2097951137989214203",
                "2097656274223608893", "2097351121829237239",
            ])
            #expect(result.posts.map(\.postType) == [.image, .video, .link, .video, .text, .link])
            #expect(result.state["since_id"] == "2099539197949436956")
        }
        let requests = harness.replay.requests
        #expect(requests.map(\.answeredBy) == ["first poll (no since_id): newest page", "older page via next_token"])
        #expect(requests.first?.query["next_token"] == nil)
        #expect(requests.last?.query["next_token"] == "b26v89c19zqg8o3fpzdm8c6nq3x7g1kzs1wsl5dpiozr1")
        #expect(requests.first?.query["query"] == "from:kettleandcrow #LatteArt -is:retweet -is:reply")
        #expect(requests.first?.query["max_results"] == "100")
        #expect(requests.first?.headers["authorization"] == "Bearer AAAAFIXTUREBEARER")
    }

    @Test("A photo post: entities decoded, media link dropped, mention and hashtags linked, two photos, a large avatar")
    func photoPost() async throws {
        let harness = try AdapterHarness(TwitterAdapter())
        try await harness.run { client in
            let post = try #require(try await harness.fetch(latteArt, credentials: bearer, client: client).posts.first)
            let plain = "Friday pour-off results are in ☕🦢 Rosetta by @maya_pours & tulip stack by the new kid. Which one wins? #LatteArt #FlatWhiteFriday"
            let rich = "Friday pour-off results are in ☕🦢 Rosetta by <a href=\"https://x.com/maya_pours\">@maya_pours</a> &amp; tulip stack"
                + " by the new kid. Which one wins? \(hashtag("LatteArt")) \(hashtag("FlatWhiteFriday"))"
            #expect(post == Post(
                channel: "twitter", sourceId: "2099539197949436956",
                sourceUrl: "https://x.com/kettleandcrow/status/2099539197949436956",
                textRich: rich, textPlain: plain, publishedAt: at("2026-09-14T16:42:07.000Z"), from: author,
                tags: ["LatteArt", "FlatWhiteFriday"],
                images: [
                    PostImage(url: "https://pbs.twimg.com/media/GXr4kQ2WcAA8nZp.jpg",
                              altText: "Overhead shot of a flat white with a seven-layer rosetta in a blue ceramic cup"),
                    PostImage(url: "https://pbs.twimg.com/media/GXr4kQ3XsAAtB1m.jpg"),
                ],
                kind: .image))
            #expect(post.title == nil && post.ctaLink == nil && post.attachments.isEmpty)
        }
    }

    @Test("A video post has its poster and the highest-bit-rate mp4; an animated GIF its only mp4")
    func videoAndGif() async throws {
        let harness = try AdapterHarness(TwitterAdapter())
        try await harness.run { client in
            let posts = try await harness.fetch(latteArt, credentials: bearer, client: client).posts
            let video = posts[1]
            #expect(video.textPlain == "60 seconds of milk texturing, slowed down. Listen for the paper-tearing sound 👂 #LatteArt #BaristaTips")
            #expect(video.textRich == "60 seconds of milk texturing, slowed down. Listen for the paper-tearing sound 👂 \(hashtag("LatteArt")) \(hashtag("BaristaTips"))")
            #expect(video.images == [PostImage(url: "https://pbs.twimg.com/amplify_video_thumb/2099061319924657161/img/q7Fz0aLk2RbN1sXe.jpg")])
            #expect(video.videos == [PostVideo(type: .file, url: "https://video.twimg.com/amplify_video/2099061319924657161/vid/avc1/720x1280/cX8nF5gA1sKd3PeL.mp4?tag=14")])
            #expect(video.tags == ["LatteArt", "BaristaTips"])
            #expect(video.publishedAt == at("2026-09-13T09:05:55.000Z"))
            let gif = posts[3]
            #expect(gif == Post(
                channel: "twitter", sourceId: "2097951137989214203",
                sourceUrl: "https://x.com/kettleandcrow/status/2097951137989214203",
                textRich: "Monday mood \(hashtag("LatteArt"))", textPlain: "Monday mood #LatteArt",
                publishedAt: at("2026-09-10T07:31:44.000Z"), from: author, tags: ["LatteArt"],
                images: [PostImage(url: "https://pbs.twimg.com/tweet_video_thumb/GXa1bC2WkAAd9Qe.jpg")],
                videos: [PostVideo(type: .file, url: "https://video.twimg.com/tweet_video/GXa1bC2WkAAd9Qe.mp4")],
                kind: .video))
        }
    }

    @Test("A long post uses note_tweet: the full text, its link shown as its display URL, and a link card makes it a link")
    func longPost() async throws {
        let harness = try AdapterHarness(TwitterAdapter())
        try await harness.run { client in
            let post = try await harness.fetch(latteArt, credentials: bearer, client: client).posts[2]
            let plain = "We have been asked a lot why our #LatteArt looks different since August. Short version: we changed our milk. Long version: our dairy partner up the valley switched herds to pasture-only for the autumn, the fat content went up by about 0.3%, and the microfoam now holds its shape a couple of seconds longer before it starts to break. That sounds tiny, it is not. Our baristas re-tuned steam times on both machines and we wrote the whole thing up, with numbers, here: https://t.co/Lm3Rk8PqZe"
            let rich = plain
                .replacingOccurrences(of: "#LatteArt", with: hashtag("LatteArt"))
                .replacingOccurrences(of: "https://t.co/Lm3Rk8PqZe",
                                      with: "<a href=\"https://kettleandcrow.example/journal/new-milk-new-foam\">kettleandcrow.example/journal/new-mi…</a>")
            #expect(post == Post(
                channel: "twitter", sourceId: "2098476667503044817",
                sourceUrl: "https://x.com/kettleandcrow/status/2098476667503044817",
                textRich: rich, textPlain: plain, publishedAt: at("2026-09-11T18:20:00.000Z"), from: author,
                tags: ["LatteArt"], kind: .link))
        }
    }

    @Test("Page 2: escaped text decoded and re-escaped (a text post), and a t.co link with an unwound card (a link post)")
    func secondPage() async throws {
        let harness = try AdapterHarness(TwitterAdapter())
        try await harness.run { client in
            let posts = try await harness.fetch(latteArt, credentials: bearer, client: client).posts
            #expect(posts[4] == Post(
                channel: "twitter", sourceId: "2097656274223608893",
                sourceUrl: "https://x.com/kettleandcrow/status/2097656274223608893",
                textRich: "Guest roaster week starts today: washed Gesha from a tiny farm in Boquete. Ask for it as a cortado, trust us. \(hashtag("LatteArt")) &lt;3",
                textPlain: "Guest roaster week starts today: washed Gesha from a tiny farm in Boquete. Ask for it as a cortado, trust us. #LatteArt <3",
                publishedAt: at("2026-09-09T12:00:03.000Z"), from: author, tags: ["LatteArt"], kind: .text))
            #expect(posts[5] == Post(
                channel: "twitter", sourceId: "2097351121829237239",
                sourceUrl: "https://x.com/kettleandcrow/status/2097351121829237239",
                textRich: "Closed Tuesday for a machine service 🛠️ See you Wednesday for \(hashtag("LatteArt")) and a fresh batch of cardamom buns. Hours: <a href=\"https://kettleandcrow.example/visit\">kettleandcrow.example/visit</a>",
                textPlain: "Closed Tuesday for a machine service 🛠️ See you Wednesday for #LatteArt and a fresh batch of cardamom buns. Hours: https://t.co/Rk2Lp8Nq4d",
                publishedAt: at("2026-09-08T15:47:29.000Z"), from: author, tags: ["LatteArt"], kind: .link))
        }
    }

    @Test("A later fetch sends the stored since_id and an empty answer keeps it")
    func incremental() async throws {
        let harness = try AdapterHarness(TwitterAdapter())
        try await harness.run { client in
            let state = PlatformState(["since_id": "2099539197949436956"])
            let result = try await harness.fetch(latteArt, credentials: bearer, state: state, known: ["2099539197949436956"], client: client)
            #expect(result.posts.isEmpty)
            #expect(result.state["since_id"] == "2099539197949436956")
        }
        #expect(harness.replay.requests.map(\.answeredBy) == ["next poll with since_id = newest_id seen: nothing new"])
        #expect(harness.replay.requests.first?.query["since_id"] == "2099539197949436956")
    }

    @Test("An access_token credential stands in for the bearer token; none at all is a configuration problem")
    func credentialAlias() async throws {
        let harness = try AdapterHarness(TwitterAdapter())
        try await harness.run { client in
            let result = try await harness.fetch(latteArt, credentials: ["access_token": "AAAAALIAS"], client: client)
            #expect(result.posts.count == 6)
            let missing = await failure(harness, credentials: [:], client: client)
            guard case .misconfigured(let message)? = missing else { Issue.record("expected misconfigured, got \(String(describing: missing))"); return }
            #expect(message.contains("bearer token"))
        }
        #expect(harness.replay.requests.first?.headers["authorization"] == "Bearer AAAAALIAS")
    }

    @Test("A 401 asks the operator to reconnect the X account, without the token in the message")
    func unauthorized() async throws {
        let harness = try AdapterHarness(TwitterAdapter())
        harness.replay.prefer("expired/revoked bearer token")
        try await harness.run { client in
            let error = await failure(harness, client: client)
            guard case .reconnect(let message)? = error else { Issue.record("expected reconnect, got \(String(describing: error))"); return }
            #expect(message.contains("reconnect the X account"))
            #expect(message.contains("Unauthorized"))
            #expect(!message.contains("AAAAFIXTUREBEARER"))
        }
    }

    @Test("A 429 waits until x-rate-limit-reset")
    func rateLimited() async throws {
        let harness = try AdapterHarness(TwitterAdapter())
        harness.replay.prefer("window exhausted")
        try await harness.run { client in
            let error = await failure(harness, client: client)
            guard case .rateLimited(let until, let message)? = error else { Issue.record("expected rateLimited, got \(String(describing: error))"); return }
            #expect(until == Date(timeIntervalSince1970: 1_789_460_100))
            #expect(message.contains("X rate limit"))
        }
    }

    @Test("Snowflake ids compare as numbers of any length")
    func snowflakes() {
        #expect(TwitterAdapter.isNewer("2099539197949436956", than: nil))
        #expect(TwitterAdapter.isNewer("2099539197949436956", than: "2097351121829237239"))
        #expect(!TwitterAdapter.isNewer("2097351121829237239", than: "2099539197949436956"))
        #expect(TwitterAdapter.isNewer("10000000000000000000", than: "9999999999999999999"))
        #expect(!TwitterAdapter.isNewer("2099539197949436956", than: "2099539197949436956"))
    }

    @Test("X avatars are asked for at 400×400 and created_at dates are read")
    func helpers() {
        #expect(TwitterMapping.largeAvatar("https://pbs.twimg.com/profile_images/1/a_normal.jpg") == "https://pbs.twimg.com/profile_images/1/a_400x400.jpg")
        #expect(TwitterMapping.largeAvatar("https://pbs.twimg.com/profile_images/1/a_normal") == "https://pbs.twimg.com/profile_images/1/a_400x400")
        #expect(TwitterMapping.largeAvatar("https://pbs.twimg.com/profile_images/1/a.png") == "https://pbs.twimg.com/profile_images/1/a.png")
        #expect(at("2026-09-14T16:42:07.000Z").map(FeedDate.isoString) == "2026-09-14T16:42:07.000Z")
    }
}
