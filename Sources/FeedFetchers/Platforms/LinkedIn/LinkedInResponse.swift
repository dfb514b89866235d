import Foundation

// Wire types of LinkedIn's Community Management API (Rest.li 2.0), as in
// fixtures/platforms/linkedin/: only the members Roost reads, all optional.

/// `GET /rest/organizations/{id}`: the page whose posts the feed shows.
struct LinkedInOrganization: Decodable, Sendable {
    var id: Int?
    var vanityName: String?
    var localizedName: String?
}

/// `GET /rest/posts?q=author`: one page of an author's posts.
struct LinkedInPostsPage: Decodable, Sendable {
    var paging: LinkedInPaging?
    @LossyList var elements: [LinkedInPost]?
}

/// Offset paging: `start`, `count` and a relative `next` link.
struct LinkedInPaging: Decodable, Sendable {
    var start: Int?
    var count: Int?
    var total: Int?
    var links: [LinkedInLink]?
}

/// One paging link (`rel: "next"`, relative `href`).
struct LinkedInLink: Decodable, Sendable {
    var rel: String?
    var href: String?
}

/// One post (`urn:li:share:…` or `urn:li:ugcPost:…`); times are epoch milliseconds.
struct LinkedInPost: Decodable, Sendable {
    var id: String?
    var author: String?
    /// The text in LinkedIn's "little text" format (templates and backslash escapes).
    var commentary: String?
    var createdAt: Double?
    var publishedAt: Double?
    var lastModifiedAt: Double?
    var lifecycleState: String?
    var content: LinkedInContent?
    /// The link of a text post that points somewhere (no `content`).
    var contentLandingPage: String?
}

/// A post's media: one image or video, several images, or an article card.
struct LinkedInContent: Decodable, Sendable {
    var media: LinkedInMedia?
    var multiImage: LinkedInMultiImage?
    var article: LinkedInArticle?
}

/// One image or video by URN, with its alternative text.
struct LinkedInMedia: Decodable, Sendable {
    var id: String?
    var title: String?
    var altText: String?
}

/// Several images of one post.
struct LinkedInMultiImage: Decodable, Sendable {
    var images: [LinkedInMedia]?
}

/// An article (link) card; `thumbnail` is an image URN.
struct LinkedInArticle: Decodable, Sendable {
    var source: String?
    var thumbnail: String?
    var thumbnailAltText: String?
    var title: String?
    var description: String?
}

/// A BATCH_GET answer: entities by URN (`results`), with per-URN `statuses` and `errors`.
struct LinkedInBatch<Item: Decodable & Sendable>: Decodable, Sendable {
    var results: [String: Item]?
}

/// `GET /rest/images?ids=List(…)`: an image's expiring download URL.
struct LinkedInImage: Decodable, Sendable {
    var id: String?
    var status: String?
    var downloadUrl: String?
}

/// `GET /rest/videos?ids=List(…)`: a video's file and poster.
struct LinkedInVideo: Decodable, Sendable {
    var id: String?
    var status: String?
    var downloadUrl: String?
    var thumbnail: String?
}

/// LinkedIn's error body: `{"status","serviceErrorCode","code","message"}`.
struct LinkedInErrorBody: Decodable, Sendable {
    var status: Int?
    var serviceErrorCode: Int?
    var code: String?
    var message: String?
}
