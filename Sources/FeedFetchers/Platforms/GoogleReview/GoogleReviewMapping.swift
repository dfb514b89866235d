import Foundation

/// Turns reviews of the three Google routes into `Post`s of kind `review`, per the mapping
/// table of fixtures/platforms/google_review/README.md.
enum GoogleReviewMapping {
    static let channel = "google_review"

    /// A Places (New) review: the original text (the translation is `text`), its own Maps link.
    static func post(_ review: GooglePlaceReview, place: GooglePlace) -> Post? {
        guard let id = SocialText.nonEmpty(review.name) else { return nil }
        let author = review.authorAttribution
        return post(id: id, url: SocialText.nonEmpty(review.googleMapsUri) ?? place.googleMapsUri,
                    author: PostAuthor(name: PlainTextRenderer.line(author?.displayName), profileUrl: SocialText.nonEmpty(author?.uri),
                                       profileImageUrl: SocialText.nonEmpty(author?.photoUri)),
                    text: review.originalText?.text ?? review.text?.text,
                    published: review.publishTime.flatMap(FeedDate.parse), rating: review.rating)
    }

    /// A legacy review: no id, so a stable hash of the author's URL and the time; the place's URL.
    static func post(_ review: GoogleLegacyReview, place: GoogleLegacyPlace) -> Post? {
        guard let time = review.time else { return nil }
        let who = review.authorURL ?? review.authorName ?? ""
        return post(id: legacyId(author: who, time: time), url: SocialText.nonEmpty(place.url),
                    author: PostAuthor(name: PlainTextRenderer.line(review.authorName), profileUrl: SocialText.nonEmpty(review.authorURL),
                                       profileImageUrl: SocialText.nonEmpty(review.profilePhotoURL)),
                    text: review.text, published: Date(timeIntervalSince1970: time), rating: review.rating)
    }

    /// A Business Profile review: the original part of a translated comment, the place's review page.
    static func post(_ review: GoogleBusinessReview, placeId: String?) -> Post? {
        guard let id = SocialText.nonEmpty(review.reviewId) else { return nil }
        let reviewer = review.reviewer
        let name = PlainTextRenderer.line(reviewer?.displayName) ?? (reviewer?.isAnonymous == true ? "A Google user" : nil)
        return post(id: id, url: placeId.map { "https://search.google.com/local/reviews?placeid=\(PlatformQuery.escape($0))" },
                    author: PostAuthor(name: name, profileImageUrl: SocialText.nonEmpty(reviewer?.profilePhotoUrl)),
                    text: review.comment.map(originalComment), published: review.createTime.flatMap(FeedDate.parse),
                    rating: starRating(review.starRating))
    }

    /// `ONE` … `FIVE` as 1–5; nil for anything else (`STAR_RATING_UNSPECIFIED`).
    static func starRating(_ value: String?) -> Double? {
        guard let value, let index = ["ONE", "TWO", "THREE", "FOUR", "FIVE"].firstIndex(of: value.uppercased()) else { return nil }
        return Double(index + 1)
    }

    /// The original text of a Business Profile comment Google translated, in either order Google writes:
    /// `{translation}\n\n(Translated by Google)\n\n(Original)\n{original}` or
    /// `(Original)\n{original}\n\n(Translated by Google)\n{translation}`. Other comments as they are.
    static func originalComment(_ comment: String) -> String {
        guard let translated = comment.range(of: "(Translated by Google)"), let original = comment.range(of: "(Original)") else {
            return comment
        }
        let text = translated.lowerBound < original.lowerBound
            ? comment[original.upperBound...]
            : comment[original.upperBound..<translated.lowerBound]
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? comment : trimmed
    }

    /// A stable id for a legacy review, which has none: a hash of the author's URL and the epoch seconds.
    static func legacyId(author: String, time: Double) -> String {
        PostOrdering.stableId("\(author)|\(Int64(time))")
    }

    private static func post(id: String, url: String?, author: PostAuthor, text: String?, published: Date?, rating: Double?) -> Post {
        let plain = SocialText.nonEmpty(text)
        return Post(channel: channel, sourceId: id, sourceUrl: url, textRich: plain.map { SocialText.richText($0) }, textPlain: plain,
                    publishedAt: published, from: author,
                    attachments: [PostAttachment(type: "rating", fields: [("rating", rating.map(AttachmentValue.number) ?? .null)])],
                    kind: .review)
    }
}
