import Crypto
import FeedFetchers
import Foundation
import Moderation

/// How a post's list-valued members are kept in their JSON columns. This is a storage
/// format, not the wire format (that lives in ContentAPI/Wire).
enum PostColumns {
    private struct Attachment: Codable { var t: String; var f: [Field] }
    private struct Field: Codable { var k: String; var s: String?; var n: Double?; var b: Bool? }

    // Lists are stored as fields separated by U+001F and records by U+001E: reading a page
    // of posts is then a few splits, where JSON decoding cost more than the query itself.
    // Those two control characters are replaced in values, which never legitimately hold them.
    private static let unit: Character = "\u{1F}"
    private static let record: Character = "\u{1E}"

    static func encode(tags: [String]) -> String { tags.map(clean).joined(separator: String(record)) }
    static func encode(images: [PostImage]) -> String {
        images.map { clean($0.url) + String(unit) + ($0.altText.map { "a" + clean($0) } ?? "") }.joined(separator: String(record))
    }
    static func encode(videos: [PostVideo]) -> String {
        videos.map { $0.type.rawValue + String(unit) + clean($0.url) }.joined(separator: String(record))
    }
    static func encode(attachments: [PostAttachment]) -> String {
        guard !attachments.isEmpty else { return "" }
        return json(attachments.map { attachment in
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

    static func tags(_ text: String) -> [String] { records(text).map(String.init) }
    static func images(_ text: String) -> [PostImage] {
        records(text).compactMap { item in
            let parts = item.split(separator: unit, maxSplits: 1, omittingEmptySubsequences: false)
            guard let url = parts.first, !url.isEmpty else { return nil }
            let alt = parts.count > 1 && parts[1].hasPrefix("a") ? String(parts[1].dropFirst()) : nil
            return PostImage(url: String(url), altText: alt)
        }
    }
    static func videos(_ text: String) -> [PostVideo] {
        records(text).compactMap { item in
            let parts = item.split(separator: unit, maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, let kind = PostVideo.Kind(rawValue: String(parts[0])) else { return nil }
            return PostVideo(type: kind, url: String(parts[1]))
        }
    }
    static func attachments(_ text: String) -> [PostAttachment] {
        guard !text.isEmpty else { return [] }
        return (decode([Attachment].self, text) ?? []).map { attachment in
            PostAttachment(type: attachment.t, fields: attachment.f.map { field in
                if let text = field.s { return (field.k, .string(text)) }
                if let number = field.n { return (field.k, .number(number)) }
                if let flag = field.b { return (field.k, .bool(flag)) }
                return (field.k, .null)
            })
        }
    }

    static func encode(reasons: [Reason]) -> String {
        reasons.map { [clean($0.rule), clean($0.type), clean($0.detail)].joined(separator: String(unit)) }.joined(separator: String(record))
    }
    static func reasons(_ text: String) -> [Reason] {
        records(text).compactMap { item in
            let parts = item.split(separator: unit, maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3 else { return nil }
            return Reason(rule: String(parts[0]), type: String(parts[1]), detail: String(parts[2]))
        }
    }

    private static func records(_ text: String) -> [Substring] {
        text.isEmpty ? [] : text.split(separator: record, omittingEmptySubsequences: false)
    }

    private static func clean(_ value: String) -> String {
        guard value.contains(where: { $0 == unit || $0 == record }) else { return value }
        return String(value.map { $0 == unit || $0 == record ? " " : $0 })
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
                post.ctaLink ?? ""] + (post.kind.map { [$0.rawValue] } ?? []))
    }

    private static func digest(_ parts: [String]) -> String {
        var hasher = SHA256()
        for part in parts {
            var part = part
            part.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
            hasher.update(data: separator)
        }
        return KeySecrets.hex(hasher.finalize().prefix(16))
    }

    private static let separator = Data([0])

    private static func json<T: Encodable>(_ value: T) -> String {
        guard let data = try? JSONEncoder().encode(value) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Reads a column this store wrote; a damaged value reads as empty rather than failing a page.
    private static func decode<T: Decodable>(_ type: T.Type, _ json: String) -> T? {
        try? JSONDecoder().decode(type, from: Data(json.utf8))
    }
}
