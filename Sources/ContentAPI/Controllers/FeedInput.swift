import Aggregator
import FeedFetchers
import Foundation
import Moderation

/// A feed as a request body describes it, before validation against the site.
struct FeedInput {
    var name: String??
    var service: String?
    var attributes: [String: FeedAttribute]?
    var moderationType: ModerationType?
    var enabled: Bool?
    var section: SectionReference?

    /// How a request names the section: by id, by UUID, both (the seed's TypeScript `Section`
    /// has both; they must agree), or by a name to find or create.
    enum SectionReference {
        case id(Int64), uuid(String), idAndUUID(Int64, String), name(String)
    }

    /// `feed_type` is the seed's name for the service; `service` is accepted as an alias
    /// (SPEC §3.4). `id` is in the seed's TypeScript type of a create request, so a client
    /// typed from it may send one: accepted and not used, since Roost assigns ids.
    private static let feedKeys: Set<String> = ["name", "feed_type", "service", "feed_attributes", "moderation_type", "enabled", "id"]

    /// Reads `{"feed": {...}, "section": {...}}`, or the feed's members at the top level.
    init(_ body: [String: Any]) throws(APIError) {
        var problems: [APIError.Detail] = []
        let nested = body["feed"] as? [String: Any]
        let feed = nested ?? body.filter { $0.key != "section" }
        let prefix = nested == nil ? "" : "feed."
        for key in feed.keys where !Self.feedKeys.contains(key) {
            problems.append(.init(field: prefix + key, message: "is not a field of a feed"))
        }
        for key in body.keys where nested != nil && key != "feed" && key != "section" {
            problems.append(.init(field: key, message: "is not a field of this request"))
        }
        if let value = feed["name"] {
            if value is NSNull { name = .some(nil) } else if let text = value as? String, text.count <= 200 {
                name = .some(text.isEmpty ? nil : text)
            } else { problems.append(.init(field: prefix + "name", message: "must be a string of at most 200 characters")) }
        }
        for field in ["feed_type", "service"] {
            guard let value = feed[field] else { continue }
            guard let text = value as? String else {
                problems.append(.init(field: prefix + field, message: "must be a string: the feed type, e.g. rss"))
                continue
            }
            if let earlier = service, earlier != text {
                problems.append(.init(field: prefix + field, message: "names \(text.prefix(40)) but feed_type names \(earlier.prefix(40)); send one of them"))
            }
            service = service ?? text
        }
        if let value = feed["id"], !(value is NSNull), JSONScalar.integer(value) == nil, Int64(value as? String ?? "") == nil {
            problems.append(.init(field: prefix + "id", message: "must be a number if sent (Roost assigns ids; it may be left out)"))
        }
        if let value = feed["feed_attributes"] {
            do { attributes = try Self.attributes(value, field: prefix + "feed_attributes") } catch { problems.append(contentsOf: error.details) }
        }
        if let value = feed["moderation_type"] {
            if let text = value as? String, let type = ModerationType(rawValue: text) { moderationType = type } else {
                problems.append(.init(field: prefix + "moderation_type", message: "must be saved_to_inbox, ai_moderation or auto_publish"))
            }
        }
        if let value = feed["enabled"] {
            if let flag = FeedInput.bool(value) { enabled = flag } else { problems.append(.init(field: prefix + "enabled", message: "must be true or false")) }
        }
        if let value = body["section"] {
            do { section = try Self.section(value) } catch { problems.append(contentsOf: error.details) }
        }
        guard problems.isEmpty else { throw .invalidFields(problems) }
    }

    private static func attributes(_ value: Any, field: String) throws(APIError) -> [String: FeedAttribute] {
        guard let object = value as? [String: Any] else { throw .invalidField(field, "must be an object") }
        var attributes: [String: FeedAttribute] = [:]
        for (key, member) in object {
            if let flag = JSONScalar.boolean(member) {
                attributes[key] = .bool(flag)
            } else if let text = member as? String {
                attributes[key] = .string(text)
            } else if let number = JSONScalar.number(member) {
                attributes[key] = .number(number)
            } else {
                throw .invalidField("\(field).\(key)", "must be a string, number or boolean")
            }
        }
        return attributes
    }

    private static func section(_ value: Any) throws(APIError) -> SectionReference {
        if let object = value as? [String: Any], object.count == 2, let id = object["id"], let uuid = object["uuid"] {
            guard case .id(let number) = try member("id", id), case .uuid(let text) = try member("uuid", uuid) else {
                throw .invalidField("section", "must name a section by id, uuid or name")
            }
            return .idAndUUID(number, text)
        }
        guard let object = value as? [String: Any], object.count == 1, let (key, member) = object.first else {
            throw .invalidField("section", "must name exactly one of id, uuid or name (or id and uuid of the same section)")
        }
        return try Self.member(key, member)
    }

    private static func member(_ key: String, _ member: Any) throws(APIError) -> SectionReference {
        switch key {
        case "id":
            if let id = JSONScalar.integer(member), id > 0 { return .id(id) }
            if let text = member as? String, let id = Int64(text), id > 0 { return .id(id) }
            throw .invalidField("section.id", "must be a positive integer")
        case "uuid":
            guard let text = member as? String, !text.isEmpty, text.count <= 64 else { throw .invalidField("section.uuid", "must be a section UUID") }
            return .uuid(text)
        case "name":
            guard let text = member as? String, !text.trimmingCharacters(in: .whitespaces).isEmpty, text.count <= 200 else {
                throw .invalidField("section.name", "must be a non-empty string of at most 200 characters")
            }
            return .name(text.trimmingCharacters(in: .whitespaces))
        default:
            throw .invalidField("section.\(key)", "is not a way to name a section (id, uuid or name)")
        }
    }

    /// A boolean from JSON or from a form's "true"/"false".
    static func bool(_ value: Any) -> Bool? {
        if let text = value as? String { return FeedAttribute.string(text).boolValue }
        return JSONScalar.boolean(value)
    }
}
