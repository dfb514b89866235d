import Crypto
import FeedFetchers
import Foundation

/// How a post's list-valued members are kept in their JSON columns. This is a storage
/// format, not the wire format (that lives in ContentAPI/Wire).
enum PostColumns {
    private struct Image: Codable { var u: String; var a: String? }
    private struct Video: Codable { var t: String; var u: String }
    private struct Attachment: Codable { var t: String; var f: [Field] }
    private struct Field: Codable { var k: String; var s: String?; var n: Double?; var b: Bool? }

    static func encode(tags: [String]) -> String { json(tags) }
    static func encode(images: [PostImage]) -> String { json(images.map { Image(u: $0.url, a: $0.altText) }) }
    static func encode(videos: [PostVideo]) -> String { json(videos.map { Video(t: $0.type.rawValue, u: $0.url) }) }
    static func encode(attachments: [PostAttachment]) -> String {
        json(attachments.map { attachment in
            Attachment(t: attachment.type, f: attachment.fields.map { key, value in
                switch value {
                case .string(let text): return Field(k: key, s: text)
                case .number(let number): return Field(k: key, n: number)
                case .bool(let flag): return Field(k: key, b: flag)
                case .null: return Field(k: key)
                }
            })
        })
    }

    static func tags(_ json: String) -> [String] { decode([String].self, json) ?? [] }
    static func images(_ json: String) -> [PostImage] {
        (decode([Image].self, json) ?? []).map { PostImage(url: $0.u, altText: $0.a) }
    }
    static func videos(_ json: String) -> [PostVideo] {
        (decode([Video].self, json) ?? []).compactMap { video in PostVideo.Kind(rawValue: video.t).map { PostVideo(type: $0, url: video.u) } }
    }
    static func attachments(_ json: String) -> [PostAttachment] {
        (decode([Attachment].self, json) ?? []).map { attachment in
            PostAttachment(type: attachment.t, fields: attachment.f.map { field in
                if let text = field.s { return (field.k, .string(text)) }
                if let number = field.n { return (field.k, .number(number)) }
                if let flag = field.b { return (field.k, .bool(flag)) }
                return (field.k, .null)
            })
        }
    }

    /// The identity of a post within a section and channel: its source id, else its link,
    /// else a digest of its content (SPEC: a re-fetch updates rather than duplicates).
    static func dedupeKey(_ post: Post) -> String {
        if let id = post.sourceId, !id.isEmpty { return "id:" + id }
        if let url = post.sourceUrl, !url.isEmpty { return "url:" + url }
        return "sha:" + digest([post.title ?? "", post.textPlain ?? "", post.images.map(\.url).joined(separator: " ")])
    }

    /// A digest of everything a post shows, to tell a real edit from a re-fetch.
    static func contentHash(_ post: Post) -> String {
        digest([post.sourceUrl ?? "", post.title ?? "", post.textRich ?? "", post.textPlain ?? "",
                post.publishedAt.map { String($0.millis) } ?? "", post.from.name ?? "", post.from.username ?? "",
                post.from.profileUrl ?? "", post.from.profileImageUrl ?? "", encode(tags: post.tags),
                encode(images: post.images), encode(videos: post.videos), encode(attachments: post.attachments),
                post.ctaLink ?? ""])
    }

    private static func digest(_ parts: [String]) -> String {
        var hasher = SHA256()
        for part in parts {
            hasher.update(data: Data(part.utf8))
            hasher.update(data: Data([0]))
        }
        return hasher.finalize().prefix(16).map { String(format: "%02x", $0) }.joined()
    }

    private static func json<T: Encodable>(_ value: T) -> String {
        guard let data = try? JSONEncoder().encode(value) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Reads a column this store wrote; a damaged value reads as empty rather than failing a page.
    private static func decode<T: Decodable>(_ type: T.Type, _ json: String) -> T? {
        try? JSONDecoder().decode(type, from: Data(json.utf8))
    }
}
