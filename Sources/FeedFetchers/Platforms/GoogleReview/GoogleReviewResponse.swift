import Foundation

// Wire types of Google's three review routes (fixtures/platforms/google_review/): Places API
// (New), the legacy Place Details, and Business Profile reviews. Only what Roost reads.

/// Places API (New) `GET /v1/places/{id}` with the reviews field mask.
struct GooglePlace: Decodable, Sendable {
    var id: String?
    var displayName: GoogleLocalizedText?
    var googleMapsUri: String?
    @LossyList var reviews: [GooglePlaceReview]?
}

/// A text with its language (`{text, languageCode}`).
struct GoogleLocalizedText: Decodable, Sendable {
    var text: String?
    var languageCode: String?
}

/// One Places (New) review: `text` is translated to the requested language, `originalText` is not.
struct GooglePlaceReview: Decodable, Sendable {
    var name: String?
    var rating: Double?
    var text: GoogleLocalizedText?
    var originalText: GoogleLocalizedText?
    var authorAttribution: GoogleAuthorAttribution?
    var publishTime: String?
    var googleMapsUri: String?
}

/// Who wrote a Places (New) review.
struct GoogleAuthorAttribution: Decodable, Sendable {
    var displayName: String?
    var uri: String?
    var photoUri: String?
}

/// Legacy `GET /maps/api/place/details/json`: HTTP 200 even on errors, `status` says.
struct GoogleLegacyDetails: Decodable, Sendable {
    var status: String?
    var errorMessage: String?
    var result: GoogleLegacyPlace?

    enum CodingKeys: String, CodingKey {
        case status, result
        case errorMessage = "error_message"
    }
}

/// The legacy place: its Maps URL and up to five reviews.
struct GoogleLegacyPlace: Decodable, Sendable {
    var name: String?
    var url: String?
    @LossyList var reviews: [GoogleLegacyReview]?
}

/// One legacy review; `time` is epoch seconds, `text` is translated when `translated` is true.
struct GoogleLegacyReview: Decodable, Sendable {
    var authorName: String?
    var authorURL: String?
    var profilePhotoURL: String?
    var rating: Double?
    var text: String?
    var time: Double?
    var translated: Bool?

    enum CodingKeys: String, CodingKey {
        case rating, text, time, translated
        case authorName = "author_name"
        case authorURL = "author_url"
        case profilePhotoURL = "profile_photo_url"
    }
}

/// Business Profile `GET /v4/accounts/{a}/locations/{l}/reviews`: one page.
struct GoogleBusinessReviews: Decodable, Sendable {
    @LossyList var reviews: [GoogleBusinessReview]?
    var nextPageToken: String?
}

/// One Business Profile review; `starRating` is `ONE` … `FIVE`.
struct GoogleBusinessReview: Decodable, Sendable {
    var reviewId: String?
    var reviewer: GoogleReviewer?
    var starRating: String?
    var comment: String?
    var createTime: String?
    var updateTime: String?
}

/// A Business Profile reviewer (`isAnonymous` ones show as "A Google user").
struct GoogleReviewer: Decodable, Sendable {
    var displayName: String?
    var profilePhotoUrl: String?
    var isAnonymous: Bool?
}

/// The google.rpc error shape of the v1 and v4 APIs.
struct GoogleRPCErrorBody: Decodable, Sendable {
    var error: GoogleRPCError?
}

/// `{code, message, status, details[{@type, reason}]}`.
struct GoogleRPCError: Decodable, Sendable {
    var code: Int?
    var message: String?
    var status: String?
    var details: [GoogleRPCDetail]?
}

/// One error detail; `ErrorInfo` ones carry a `reason` (`API_KEY_INVALID`, `ACCESS_TOKEN_EXPIRED`).
struct GoogleRPCDetail: Decodable, Sendable {
    var reason: String?
}

/// `POST https://oauth2.googleapis.com/token` with a refresh token.
struct GoogleTokenResponse: Decodable, Sendable {
    var accessToken: String?
    var refreshToken: String?
    var error: String?

    enum CodingKeys: String, CodingKey {
        case error
        case accessToken = "access_token"
        case refreshToken = "refresh_token"
    }
}
