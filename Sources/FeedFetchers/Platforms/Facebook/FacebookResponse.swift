/// A Page's profile: `GET /{page-id}?fields=id,name,username,link,picture.type(large),overall_star_rating,rating_count`.
struct FacebookPage: Decodable, Sendable {
    /// `picture`: `{"data": {"url": …}}`.
    struct Picture: Decodable, Sendable {
        /// The picture itself.
        struct Data: Decodable, Sendable {
            var url: String?
        }
        var data: Data?
    }
    var id: String?
    var name: String?
    var username: String?
    var link: String?
    var picture: Picture?
    var overallStarRating: Double?
    var ratingCount: Int?

    enum CodingKeys: String, CodingKey {
        case id, name, username, link, picture
        case overallStarRating = "overall_star_rating"
        case ratingCount = "rating_count"
    }
}

/// One Page post from `/{page-id}/published_posts`.
struct FacebookPost: Decodable, Sendable {
    /// `{page-id}_{post-id}`.
    var id: String
    /// `2026-09-14T16:45:20+0000`.
    var createdTime: String?
    /// Absent for photo-only posts.
    var message: String?
    var permalinkUrl: String?
    var fullPicture: String?
    var statusType: String?
    var attachments: MetaList<FacebookAttachment>?

    enum CodingKeys: String, CodingKey {
        case id, message, attachments
        case createdTime = "created_time"
        case permalinkUrl = "permalink_url"
        case fullPicture = "full_picture"
        case statusType = "status_type"
    }
}

/// A post's attachment (`album`, `photo`, `video_inline`, `share`, ...), or one of an album's subattachments.
struct FacebookAttachment: Decodable, Sendable {
    /// `media`: the image, and a video's file.
    struct Media: Decodable, Sendable {
        /// `media.image`.
        struct Image: Decodable, Sendable {
            var src: String?
            var width: Int?
            var height: Int?
        }
        var image: Image?
        /// A video's signed mp4.
        var source: String?
    }
    /// `target`: the object the attachment points at.
    struct Target: Decodable, Sendable {
        var id: String?
        var url: String?
    }
    var type: String?
    var mediaType: String?
    var title: String?
    var description: String?
    /// For shares, Facebook's `l.facebook.com/l.php?u=…` redirector.
    var url: String?
    /// For shares, the link itself.
    var unshimmedUrl: String?
    var target: Target?
    var media: Media?
    var subattachments: MetaList<FacebookAttachment>?

    enum CodingKeys: String, CodingKey {
        case type, title, description, url, target, media, subattachments
        case mediaType = "media_type"
        case unshimmedUrl = "unshimmed_url"
    }
}

/// One recommendation from `/{page-id}/ratings`; Meta returns no reviewer and no id of its own.
struct FacebookRating: Decodable, Sendable {
    /// `open_graph_story`: the story of the recommendation, the only id there is.
    struct Story: Decodable, Sendable {
        var id: String?
    }
    var createdTime: String?
    /// `positive` or `negative`.
    var recommendationType: String?
    /// Absent for a recommendation without text.
    var reviewText: String?
    var openGraphStory: Story?

    enum CodingKeys: String, CodingKey {
        case createdTime = "created_time"
        case recommendationType = "recommendation_type"
        case reviewText = "review_text"
        case openGraphStory = "open_graph_story"
    }
}
