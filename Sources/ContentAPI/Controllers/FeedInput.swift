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

    /// How a request names the section: by id, by UUID, or by a name to find or create.
    enum SectionReference {
        case id(Int64), uuid(String), name(String)
    }

    private static let feedKeys: Set<String> = ["name", "service", "feed_attributes", "moderation_type", "enabled"]

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
        if let value = feed["service"] {
            if let text = value as? String { service = text } else { problems.append(.init(field: prefix + "service", message: "must be a string")) }
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
        guard let object = value as? [String: Any], object.count == 1, let (key, member) = object.first else {
            throw .invalidField("section", "must name exactly one of id, uuid or name")
        }
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
