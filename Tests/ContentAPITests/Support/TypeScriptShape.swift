import FeedFetchers
import Foundation

/// The TypeScript types of Flockler's Content API v2 page, written out member for member, to
/// check a response as a client compiled against those types would read it: every member
/// present, no other member, each of its declared type.
indirect enum TypeScriptShape: Sendable {
    case string, number, boolean
    /// A string from a union of literals (`'rss' | 'twitter' | ...`).
    case literal([String])
    case nullable(TypeScriptShape)
    case array(TypeScriptShape)
    /// An object with exactly these members.
    case object([String: TypeScriptShape])
    /// Any value (the page's `PostAttachment` union is checked by the OpenAPI schema).
    case any

    /// Every way `value` differs from the shape, as `path: problem`.
    func problems(_ value: Any?, at path: String) -> [String] {
        guard let value else { return ["\(path): missing"] }
        switch self {
        case .any: return []
        case .string: return value is String ? [] : ["\(path): not a string"]
        case .number: return JSONScalar.number(value) != nil ? [] : ["\(path): not a number"]
        case .boolean: return JSONScalar.isBoolean(value) ? [] : ["\(path): not a boolean"]
        case .literal(let options):
            guard let text = value as? String, options.contains(text) else { return ["\(path): \(value) is not one of \(options)"] }
            return []
        case .nullable(let inner): return value is NSNull ? [] : inner.problems(value, at: path)
        case .array(let element):
            guard let array = value as? [Any] else { return ["\(path): not an array"] }
            return array.enumerated().flatMap { element.problems($1, at: "\(path)[\($0)]") }
        case .object(let members):
            guard let object = value as? [String: Any] else { return ["\(path): not an object"] }
            let extra = Set(object.keys).subtracting(members.keys).sorted().map { "\(path).\($0): not a member of the type" }
            return extra + members.sorted(by: { $0.key < $1.key }).flatMap { name, shape in shape.problems(object[name], at: "\(path).\(name)") }
        }
    }

    /// `FlocklerPost`, with the channel union extended by `bluesky` (SPEC §3.6).
    static let flocklerPost = TypeScriptShape.object([
        "attachments": .array(.any),
        "flocklerId": .number,
        "from": .object(["name": .nullable(.string), "username": .nullable(.string),
                         "profileUrl": .nullable(.string), "profileImageUrl": .nullable(.string)]),
        "channel": .literal(["facebook", "flickr", "flockler", "google_review", "instagram", "link", "linkedin", "pinterest",
                             "review", "rss", "tiktok", "twitter", "vimeo", "youtube", "bluesky"]),
        "ctaLink": .nullable(.object(["url": .string, "title": .nullable(.string)])),
        "images": .array(.object(["altText": .nullable(.string), "url": .string])),
        "pinnedIndex": .nullable(.number),
        "postType": .string,
        "publishedAt": .string,
        "sourceId": .nullable(.string),
        "sourceUrl": .string,
        "tags": .array(.string),
        "textRich": .nullable(.string),
        "textPlain": .nullable(.string),
        "title": .nullable(.string),
        "videos": .array(.object(["type": .literal(["file", "iframe", "link"]), "url": .string])),
    ])

    /// `FeedService`.
    static let feedService = TypeScriptShape.literal(["twitter_v2", "instagram_graph_api", "instagram_basic_display", "facebook",
                                                      "pinterest", "youtube", "rss", "tiktok", "google_review", "linkedin", "bluesky",
                                                      "flickr", "vimeo"])

    /// `Section`.
    static let section = TypeScriptShape.object(["id": .number, "uuid": .string, "name": .string])

    /// `ListFeedsResponse`.
    static let listFeedsResponse = TypeScriptShape.object(["result": .object([
        "success": .boolean,
        "data": .object(["feeds": .array(.object([
            "feed": .object([
                "id": .number, "uuid": .string, "name": .string, "service": feedService, "created_at": .string,
                "status": .object(["is_healthy": .boolean, "error_message": .string]),
                "configuration": .object(["moderation": .literal(["saved_to_inbox", "ai_moderation", "auto_publish"]), "enabled": .boolean]),
            ]),
            "section": section,
        ]))]),
    ])])

    /// The create example's response.
    static let createFeedResponse = TypeScriptShape.object(["result": .object([
        "success": .boolean,
        "data": .object(["feed": .object(["id": .number, "uuid": .string, "name": .string, "service": feedService]), "section": section]),
    ])])
}
