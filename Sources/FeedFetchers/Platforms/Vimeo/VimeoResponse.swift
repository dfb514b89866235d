import Foundation

/// Vimeo API 3.4 wire types for `/users/{user}/videos` with the `fields` Roost asks for;
/// every member optional.
struct VimeoVideoPage: Decodable {
    var total: Int?
    var page: Int?
    var paging: VimeoPaging?
    @LossyList var data: [VimeoVideo]?
}

/// Relative links to the other pages; `next` is null on the last one.
struct VimeoPaging: Decodable {
    var next: String?
}

/// One video.
struct VimeoVideo: Decodable {
    /// `/videos/{id}`.
    var uri: String?
    var name: String?
    var description: String?
    var link: String?
    var playerEmbedUrl: String?
    var createdTime: String?
    var releaseTime: String?
    var pictures: VimeoPictures?
    var tags: [VimeoTag]?
    var user: VimeoUser?
    var privacy: VimeoPrivacy?
    var status: String?

    enum CodingKeys: String, CodingKey {
        case uri, name, description, link, pictures, tags, user, privacy, status
        case playerEmbedUrl = "player_embed_url", createdTime = "created_time", releaseTime = "release_time"
    }
}

/// A set of sizes of one picture.
struct VimeoPictures: Decodable {
    var sizes: [VimeoPictureSize]?
}

/// One size of a picture.
struct VimeoPictureSize: Decodable {
    var width: Int?
    var link: String?
}

/// A tag: `name` as the owner wrote it ("latte art"), `tag` normalised.
struct VimeoTag: Decodable {
    var name: String?
}

/// The owner of a video.
struct VimeoUser: Decodable {
    var name: String?
    var link: String?
    var pictures: VimeoPictures?
}

/// Who may watch a video (`view`) and where it may be embedded (`embed`).
struct VimeoPrivacy: Decodable {
    var view: String?
    var embed: String?
}

/// An error body (`application/vnd.vimeo.error+json`).
struct VimeoErrorBody: Decodable {
    var error: String?
    var developerMessage: String?
    var errorCode: Int?

    enum CodingKeys: String, CodingKey {
        case error
        case developerMessage = "developer_message", errorCode = "error_code"
    }
}
