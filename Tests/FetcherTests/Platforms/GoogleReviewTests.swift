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

private let placeId = "ChIJx7Qm2K3vkkYR0FqLwA9pZ1s"
private let place: [String: FeedAttribute] = ["place_id": .string(placeId)]
private let legacy: [String: FeedAttribute] = ["place_id": .string(placeId), "api": .string("legacy")]
private let business: [String: FeedAttribute] = ["account_id": .string("112233445566778899001"), "location_id": .string("4455667788990011223")]
private let key = ["api_key": "AIza-FIXTURE-KEY"]
private let oauth = ["access_token": "ya29.FIXTURE"]

/// The star rating of a review post.
private func stars(_ post: Post) -> Double? { GoogleReviewAdapter.rating(of: post) }

@Suite struct GoogleReviewTests {
    @Test("Places (New): five reviews in their original language, with ratings, the review's own Maps link and millisecond times")
    func placesNew() async throws {
        let harness = try AdapterHarness(GoogleReviewAdapter())
        try await harness.run { client in
            let result = try await harness.fetch(place, credentials: key, client: client)
            #expect(result.posts.count == 5)
            #expect(result.posts.allSatisfy { $0.channel == "google_review" && $0.postType == .review && $0.tags.isEmpty && $0.images.isEmpty
                && $0.videos.isEmpty && $0.title == nil && $0.from.username == nil })
            #expect(result.posts.map(stars) == [5, 4, 5, 2, 5])
            let aino = result.posts[0]
            #expect(aino.sourceId == "places/ChIJx7Qm2K3vkkYR0FqLwA9pZ1s/reviews/ChZDSUhNMG9nS0VJQ0FnS5573e39b6600496d40")
            #expect(aino.sourceUrl == "https://www.google.com/maps/reviews/data=!4m6!14m5!1m4!2m3!1sChZDSUhNMG9nS0VJQ0FnS5573e39b6600496d40!2m1!1s0x0:0x92be18198c60f8db")
            #expect(aino.from == PostAuthor(name: "Aino Virtanen", username: nil, profileUrl: "https://www.google.com/maps/contrib/140353892742701585932",
                                            profileImageUrl: "https://lh3.googleusercontent.com/a-/ALV-UjW5573e39b6600496d40f493d00ec7658479a19607aec71b875b87482d34a8=s128-c0x00000000-cc-rp-mo"))
            #expect(aino.textPlain == "Paras flat white koko rannassa. Henkilökunta muisti tilaukseni jo toisella käynnillä!")
            #expect(aino.textRich == aino.textPlain)
            #expect(aino.publishedAt.map(FeedDate.isoString) == "2026-09-14T15:02:10.441Z")
            #expect(aino.attachments == [PostAttachment(type: "rating", fields: [("rating", .number(5))])])

            let priya = result.posts[2]
            #expect(priya.textPlain == nil && priya.textRich == nil)
            #expect(priya.publishedAt.map(FeedDate.isoString) == "2026-08-30T08:41:57.002Z")
            let okafor = result.posts[3]
            #expect(okafor.textRich == "Coffee was fine but my oat latte was lukewarm &amp; the music was very loud.")
            #expect(result.posts[4].textPlain == "Super Cortado, sehr freundlich. Gerne wieder!")
        }
        let request = try #require(harness.replay.requests.first)
        #expect(request.path == "/v1/places/ChIJx7Qm2K3vkkYR0FqLwA9pZ1s" && request.rawQuery == "languageCode=en")
        #expect(request.headers["x-goog-api-key"] == "AIza-FIXTURE-KEY")
        #expect(request.headers["x-goog-fieldmask"] == "id,displayName,rating,userRatingCount,googleMapsUri,reviews")
        #expect(harness.replay.requests.count == 1)
    }

    @Test("min_rating drops the reviews below it")
    func minRating() async throws {
        let harness = try AdapterHarness(GoogleReviewAdapter())
        try await harness.run { client in
            let result = try await harness.fetch(place.merging(["min_rating": .number(4)]) { $1 }, credentials: key, client: client)
            #expect(result.posts.map(stars) == [5, 4, 5, 5])
        }
    }

    @Test("legacy Place Details: translated texts, the place's URL, epoch-second times and stable hashed ids")
    func legacyDetails() async throws {
        let harness = try AdapterHarness(GoogleReviewAdapter())
        try await harness.run { client in
            let result = try await harness.fetch(legacy, credentials: key, client: client)
            #expect(result.posts.count == 5)
            #expect(result.posts.allSatisfy { $0.sourceUrl == "https://maps.google.com/?cid=10573915473120917723" && $0.postType == .review })
            let aino = result.posts[0]
            #expect(aino.sourceId == GoogleReviewMapping.legacyId(author: "https://www.google.com/maps/contrib/140353892742701585932/reviews", time: 1_789_398_130))
            #expect(aino.sourceId?.count == 16)
            #expect(Set(result.posts.compactMap(\.sourceId)).count == 5)
            #expect(aino.textPlain == "Best flat white on the whole waterfront. The staff remembered my order on my second visit!")
            #expect(aino.publishedAt.map(FeedDate.isoString) == "2026-09-14T15:02:10.000Z")
            #expect(aino.from == PostAuthor(name: "Aino Virtanen", profileUrl: "https://www.google.com/maps/contrib/140353892742701585932/reviews",
                                            profileImageUrl: "https://lh3.googleusercontent.com/a-/ALV-UjW5573e39b6600496d40f493d00ec7658479a19607aec71b875b87482d34a8=s128-c0x00000000-cc-rp-mo"))
            #expect(result.posts[2].textPlain == nil)
            #expect(result.posts.map(stars) == [5, 4, 5, 2, 5])
        }
        let request = try #require(harness.replay.requests.first)
        #expect(request.query == ["place_id": placeId, "fields": "name,rating,user_ratings_total,reviews,url", "reviews_sort": "newest",
                                  "language": "en", "key": "AIza-FIXTURE-KEY"])
    }

    @Test("legacy REQUEST_DENIED (HTTP 200) says the key was refused")
    func legacyDenied() async throws {
        let harness = try AdapterHarness(GoogleReviewAdapter())
        harness.replay.prefer("legacy Place Details, bad key: NOTE HTTP 200 with status REQUEST_DENIED")
        try await harness.run { client in
            let error = await failure { () async throws(PlatformError) in try await harness.fetch(legacy, credentials: key, client: client) }
            guard case .reconnect(let message) = error else { Issue.record("expected reconnect, got \(String(describing: error))"); return }
            #expect(message.contains("API key") && message.contains("The provided API key is invalid."))
            #expect(!message.contains("AIza-FIXTURE-KEY"))
        }
    }

    @Test("RESOURCE_EXHAUSTED backs off without a reset time from Google")
    func quotaExhausted() async throws {
        let harness = try AdapterHarness(GoogleReviewAdapter())
        harness.replay.prefer("Places API (New) quota exhausted")
        try await harness.run { client in
            let error = await failure { () async throws(PlatformError) in try await harness.fetch(place, credentials: key, client: client) }
            guard case .rateLimited(let until, let message) = error else { Issue.record("expected rateLimited, got \(String(describing: error))"); return }
            #expect(until == AdapterHarness.recordedAt.addingTimeInterval(15 * 60))
            #expect(message.contains("quota"))
        }
    }

    @Test("Business Profile: original part of translated comments, anonymous reviewers, star enums, and page 2 by token")
    func businessProfile() async throws {
        let harness = try AdapterHarness(GoogleReviewAdapter())
        try await harness.run { client in
            let result = try await harness.fetch(business.merging(["place_id": .string(placeId)]) { $1 }, credentials: oauth, client: client)
            #expect(result.posts.count == 5)
            #expect(result.posts.map(stars) == [5, 4, 5, 3, 2])
            #expect(result.posts.allSatisfy { $0.sourceUrl == "https://search.google.com/local/reviews?placeid=ChIJx7Qm2K3vkkYR0FqLwA9pZ1s" })
            let aino = result.posts[0]
            #expect(aino.sourceId == "AbFvOqn5573e39b6600496d40f493d00ec7658479a19607")
            #expect(aino.textPlain == "Paras flat white koko rannassa. Henkilökunta muisti tilaukseni jo toisella käynnillä!")
            #expect(aino.from == PostAuthor(name: "Aino Virtanen", profileImageUrl: "https://lh3.googleusercontent.com/a-/ALV-UjW5573e39b6600496d40f493d00ec7658479a19607aec71b875b87482d34a8=s128-c0x00000000-cc-rp-mo"))
            #expect(aino.publishedAt.map(FeedDate.isoString) == "2026-09-14T15:02:10.441Z")
            #expect(result.posts[2].textPlain == nil)
            let anonymous = result.posts[3]
            #expect(anonymous.from == PostAuthor(name: "A Google user"))
            #expect(anonymous.textPlain == "ok")
            #expect(anonymous.publishedAt.map(FeedDate.isoString) == "2026-08-20T12:00:01.500Z")
            // An edited review is dated by its creation.
            #expect(result.posts[4].publishedAt.map(FeedDate.isoString) == "2026-08-12T17:20:10.129Z")
            #expect(result.refreshedCredentials.isEmpty)
        }
        let seen = harness.replay.requests
        #expect(seen.count == 2)
        #expect(seen[0].rawQuery == "pageSize=50&orderBy=updateTime%20desc")
        #expect(seen[0].headers["authorization"] == "Bearer ya29.FIXTURE")
        #expect(seen[1].query["pageToken"] == "CiQKIgoaMTc1ODg3MjQ3NzQ1MDAwMDAwMDAwMDAwMDAQABoCCAE")
    }

    @Test("Business Profile without a place_id has no link, and stops at a known review")
    func businessIncremental() async throws {
        let harness = try AdapterHarness(GoogleReviewAdapter())
        try await harness.run { client in
            let result = try await harness.fetch(business, credentials: oauth, known: ["AbFvOqn7e264138d0ca103b872057862b9b0359962ec5d2"], client: client)
            #expect(result.posts.count == 5)
            #expect(result.posts.allSatisfy { $0.sourceUrl == nil })
        }
        #expect(harness.replay.requests.count == 1)
    }

    @Test("an expired OAuth token asks to reconnect; with a refresh token and client pair, renewal is tried first")
    func expiredToken() async throws {
        let harness = try AdapterHarness(GoogleReviewAdapter())
        harness.replay.prefer("Business Profile: expired OAuth token")
        try await harness.run { client in
            let plain = await failure { () async throws(PlatformError) in try await harness.fetch(business, credentials: oauth, client: client) }
            guard case .reconnect(let message) = plain else { Issue.record("expected reconnect, got \(String(describing: plain))"); return }
            #expect(message.contains("reconnect the Google account"))
            #expect(harness.replay.requests.map(\.method) == ["GET"])

            let renewable = oauth.merging(["refresh_token": "1//FIXTURE", "client_id": "roost.apps.googleusercontent.com", "client_secret": "FIXTURE"]) { $1 }
            let renewal = await failure { () async throws(PlatformError) in try await harness.fetch(business, credentials: renewable, client: client) }
            guard case .reconnect(let renewMessage) = renewal else { Issue.record("expected reconnect, got \(String(describing: renewal))"); return }
            #expect(renewMessage.contains("renew"))
            let token = try #require(harness.replay.requests.last)
            #expect(token.method == "POST" && token.path == "/token")
            #expect(token.body.contains("grant_type=refresh_token") && token.body.contains("refresh_token=1%2F%2FFIXTURE"))
        }
    }

    @Test("a Places feed without an API key is misconfigured and sends nothing")
    func missingKey() async throws {
        let harness = try AdapterHarness(GoogleReviewAdapter())
        try await harness.run { client in
            let error = await failure { () async throws(PlatformError) in try await harness.fetch(place, client: client) }
            guard case .misconfigured(let message) = error else { Issue.record("expected misconfigured, got \(String(describing: error))"); return }
            #expect(message.contains("ROOST_GOOGLE_API_KEY"))
        }
        #expect(harness.replay.requests.isEmpty)
    }

    @Test("an unknown place is not found")
    func unknownPlace() async throws {
        let harness = try AdapterHarness(GoogleReviewAdapter())
        try await harness.run { client in
            let error = await failure { () async throws(PlatformError) in
                try await harness.fetch(["place_id": .string("ChIJ0000000000000000000")], credentials: key, client: client)
            }
            guard case .notFound(let message) = error else { Issue.record("expected notFound, got \(String(describing: error))"); return }
            #expect(message.contains("ChIJ0000000000000000000"))
        }
    }

    @Test("attributes: a place id or an account and location; api, language and min_rating checked")
    func validation() {
        let adapter = GoogleReviewAdapter()
        #expect(adapter.problems(in: place).isEmpty)
        #expect(adapter.problems(in: legacy.merging(["language": .string("pt-BR"), "min_rating": .number(4)]) { $1 }).isEmpty)
        #expect(adapter.problems(in: business).isEmpty)
        #expect(adapter.problems(in: ["account_id": .string("accounts/1"), "location_id": .string("locations/2")]).isEmpty)
        #expect(adapter.problems(in: [:]).map(\.attribute) == ["place_id"])
        #expect(adapter.problems(in: ["account_id": .string("1")]).map(\.attribute) == ["location_id"])
        #expect(adapter.problems(in: ["place_id": .string("not a place")]).map(\.attribute) == ["place_id"])
        #expect(adapter.problems(in: place.merging(["api": .string("v2"), "language": .string("english!"), "min_rating": .number(6)]) { $1 })
            .map(\.attribute) == ["api", "language", "min_rating"])
        #expect(adapter.needsCredentials(place) && adapter.needsCredentials(business))
        #expect(GoogleReviewAdapter.route(legacy) == .legacy(placeId: placeId))
        #expect(GoogleReviewAdapter.route(place) == .places(placeId: placeId))
    }

    @Test("transport messages of the legacy route never show the API key")
    func redaction() {
        let error = PlatformError.unavailable("timed out fetching https://maps.googleapis.com/x?key=AIza%2FKEY").redacting(["AIza/KEY"])
        #expect(error == .unavailable("timed out fetching https://maps.googleapis.com/x?key=…"))
    }

    @Test("a translated Business Profile comment keeps its original, in either order Google writes it")
    func translatedComment() {
        #expect(GoogleReviewMapping.originalComment("Great!\n\n(Translated by Google)\n\n(Original)\nMahtava!") == "Mahtava!")
        #expect(GoogleReviewMapping.originalComment("(Original)\nMahtava!\n\n(Translated by Google)\nGreat!") == "Mahtava!")
        #expect(GoogleReviewMapping.originalComment("Plain review") == "Plain review")
        #expect(GoogleReviewMapping.starRating("FOUR") == 4 && GoogleReviewMapping.starRating("STAR_RATING_UNSPECIFIED") == nil)
    }
}
