import Aggregator
import FeedFetchers
import Foundation

/// A webhook as a request body describes it: `{"url", "events", "description", "active"}`
/// (or the same inside `"webhook"`), checked before anything is stored.
struct WebhookInput {
    var url: String?
    var events: [String]?
    var description: String??
    var active: Bool?

    private static let fields: Set<String> = ["url", "events", "description", "active"]

    /// Reads and checks a body; `creating` requires `url` and `events`.
    init(_ body: [String: Any], policy: NetworkPolicy, creating: Bool) throws(APIError) {
        let object = body["webhook"] as? [String: Any] ?? body
        var problems: [APIError.Detail] = []
        for key in object.keys where !Self.fields.contains(key) {
            problems.append(.init(field: key, message: "is not a field of a webhook (url, events, description, active)"))
        }
        if let value = object["url"] {
            if let text = value as? String, case let trimmed = text.trimmingCharacters(in: .whitespaces), !trimmed.isEmpty,
               trimmed.utf8.count <= 2048 {
                if let violation = policy.check(url: trimmed) {
                    problems.append(.init(field: "url", message: violation.description))
                } else {
                    url = trimmed
                }
            } else {
                problems.append(.init(field: "url", message: "must be an http(s) URL of at most 2048 characters"))
            }
        } else if creating {
            problems.append(.init(field: "url", message: "is required: the address Roost posts events to"))
        }
        if let value = object["events"] {
            if let list = value as? [Any], !list.isEmpty, list.count <= 20 {
                var events: [String] = []
                for (index, element) in list.enumerated() {
                    guard let name = element as? String, Webhook.eventTypes.contains(name) else {
                        problems.append(.init(field: "events[\(index)]", message: "must be one of \(Webhook.eventTypes.joined(separator: ", "))"))
                        continue
                    }
                    if !events.contains(name) { events.append(name) }
                }
                self.events = events
            } else {
                problems.append(.init(field: "events", message: "must be a non-empty list of event types"))
            }
        } else if creating {
            problems.append(.init(field: "events", message: "is required: the event types to receive, e.g. [\"post.published\"]"))
        }
        if let value = object["description"] {
            if value is NSNull { description = .some(nil) } else if let text = value as? String, text.count <= 500 {
                description = .some(text.isEmpty ? nil : text)
            } else { problems.append(.init(field: "description", message: "must be a string of at most 500 characters")) }
        }
        if let value = object["active"] {
            if let flag = FeedInput.bool(value) { active = flag } else { problems.append(.init(field: "active", message: "must be true or false")) }
        }
        guard problems.isEmpty else { throw .invalidFields(problems) }
    }
}
