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
    /// Services this build can fetch: RSS and every platform with an adapter (SPEC §3.6).
    public static var fetchableServices: [FeedService] {
        FeedService.allCases.filter { $0 == .rss || PlatformAdapters.adapter(for: $0.rawValue) != nil }
    }

    /// The problems with `service` and `attributes`; empty when the feed can be created.
    /// Credential fields among the attributes (`access_token`, ...) are allowed: the caller
    /// moves them into a connection with `splitCredentials`.
    public static func problems(service name: String, attributes: [String: FeedAttribute], policy: NetworkPolicy,
                                prefix: String = "feed.") -> [FieldProblem] {
        guard let service = FeedService(rawValue: name) else {
            let known = FeedService.allCases.map(\.rawValue).joined(separator: ", ")
            return [FieldProblem(field: prefix + "feed_type", message: "is not a feed type Roost knows (\(known))")]
        }
        if service == .instagramBasicDisplay {
            return [FieldProblem(field: prefix + "feed_type", message: "instagram_basic_display was retired by Meta on 4 December 2024; connect the account as an Instagram business or creator account and create an instagram_graph_api feed instead")]
        }
        if service == .rss { return rssProblems(attributes, policy: policy, prefix: prefix) }
        guard let adapter = PlatformAdapters.adapter(for: name) else {
            return [FieldProblem(field: prefix + "feed_type", message: "\(name) feeds are not supported by this Roost build; supported: \(fetchableServices.map(\.rawValue).joined(separator: ", "))")]
        }
        let credentialNames = Set(adapter.credentialFields.flatMap { [$0.name] + $0.aliases })
        var problems: [FieldProblem] = []
        for key in attributes.keys.sorted() where !adapter.attributeNames.contains(key) && !credentialNames.contains(key) && key != Feed.connectionAttribute {
            let known = (adapter.attributeNames.sorted() + [Feed.connectionAttribute]).joined(separator: ", ")
            problems.append(FieldProblem(field: prefix + "feed_attributes.\(key)", message: "is not an attribute of \(name) feeds (\(known))"))
        }
        if let connection = attributes[Feed.connectionAttribute], connection.textValue.flatMap({ Int64($0) }) == nil, connection.stringValue?.isEmpty ?? true {
            problems.append(FieldProblem(field: prefix + "feed_attributes.\(Feed.connectionAttribute)", message: "must name a connection of this site by id or uuid"))
        }
        for key in credentialNames.sorted() {
            if let value = attributes[key], value.stringValue?.isEmpty ?? true {
                problems.append(FieldProblem(field: prefix + "feed_attributes.\(key)", message: "must be a non-empty string"))
            }
        }
        let plain = attributes.filter { !credentialNames.contains($0.key) && $0.key != Feed.connectionAttribute }
        for problem in adapter.problems(in: plain) {
            problems.append(FieldProblem(field: prefix + "feed_attributes.\(problem.attribute)", message: problem.message))
        }
        return problems
    }

    /// Splits a platform feed's attributes into the plain ones and the credential fields
    /// (which go into a connection, never into the feed).
    public static func splitCredentials(service: FeedService, attributes: [String: FeedAttribute]) -> (attributes: [String: FeedAttribute], credentials: [String: String]) {
        guard let adapter = PlatformAdapters.adapter(for: service.rawValue) else { return (attributes, [:]) }
        // An attribute of the feed type is never a credential, whatever an alias says.
        let names = Set(adapter.credentialFields.flatMap { [$0.name] + $0.aliases }).subtracting(adapter.attributeNames)
        var plain: [String: FeedAttribute] = [:]
        var credentials: [String: String] = [:]
        for (key, value) in attributes {
            if names.contains(key), let text = value.textValue { credentials[key] = text } else { plain[key] = value }
        }
        return (plain, ConnectionValidation.normalizedCredentials(service: service.rawValue, credentials))
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
