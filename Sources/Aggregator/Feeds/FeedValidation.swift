import FeedFetchers

/// One thing wrong with a feed's configuration, naming the field (SPEC §3.4: a 422 naming it).
public struct FieldProblem: Sendable, Equatable {
    public var field: String
    public var message: String

    /// Creates a problem.
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}

/// Checks a feed's service and attributes before anything is created.
public enum FeedValidation {
    /// Services this build can fetch. The platform fetchers of SPEC §3.6 come with their own change.
    public static let fetchableServices: [FeedService] = [.rss]

    /// The problems with `service` and `attributes`; empty when the feed can be created.
    public static func problems(service name: String, attributes: [String: FeedAttribute], policy: NetworkPolicy,
                                prefix: String = "feed.") -> [FieldProblem] {
        guard let service = FeedService(rawValue: name) else {
            let known = FeedService.allCases.map(\.rawValue).joined(separator: ", ")
            return [FieldProblem(field: prefix + "service", message: "is not a feed type Roost knows (\(known))")]
        }
        if service == .instagramBasicDisplay {
            return [FieldProblem(field: prefix + "service", message: "instagram_basic_display was retired by Meta on 4 December 2024; create an instagram_graph_api feed with a professional account instead")]
        }
        guard fetchableServices.contains(service) else {
            return [FieldProblem(field: prefix + "service", message: "\(name) feeds are not supported by this Roost build yet; supported: \(fetchableServices.map(\.rawValue).joined(separator: ", "))")]
        }
        switch service {
        case .rss: return rssProblems(attributes, policy: policy, prefix: prefix)
        default: return []
        }
    }

    private static func rssProblems(_ attributes: [String: FeedAttribute], policy: NetworkPolicy, prefix: String) -> [FieldProblem] {
        let field = prefix + "feed_attributes.url"
        var problems: [FieldProblem] = []
        for key in attributes.keys where key != "url" {
            problems.append(FieldProblem(field: prefix + "feed_attributes.\(key)", message: "is not an attribute of rss feeds (only url)"))
        }
        guard let value = attributes["url"] else {
            return problems + [FieldProblem(field: field, message: "is required: the address of the RSS, Atom or JSON feed")]
        }
        guard let url = value.stringValue?.trimmingWhitespaceForURL(), !url.isEmpty else {
            return problems + [FieldProblem(field: field, message: "must be a string holding an http(s) URL")]
        }
        guard url.utf8.count <= 2048 else { return problems + [FieldProblem(field: field, message: "is longer than 2048 characters")] }
        if let violation = policy.check(url: url) {
            problems.append(FieldProblem(field: field, message: violation.description))
        }
        return problems
    }
}

extension String {
    /// The string without surrounding ASCII white space, as URLs are pasted.
    func trimmingWhitespaceForURL() -> String {
        let bytes = Array(utf8)
        guard let start = bytes.firstIndex(where: { !$0.isASCIISpace }), let end = bytes.lastIndex(where: { !$0.isASCIISpace }) else {
            return ""
        }
        return String(decoding: bytes[start...end], as: UTF8.self)
    }
}

extension UInt8 {
    fileprivate var isASCIISpace: Bool { self == 0x20 || (self >= 0x09 && self <= 0x0D) }
}
