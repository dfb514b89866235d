import FeedFetchers
import Foundation

/// Feed attributes that carry credentials (an `access_token` pasted into a feed) become a
/// connection of the site, which the feed then names in `connection_id`: secrets are stored
/// once, with the other connections, and never shown with the feed (SPEC §3.6).
public enum FeedCredentials {
    /// The feed's attributes without secrets, creating the connection they imply; a
    /// `connection_id` given must name a connection of the same service of the site.
    /// Throws `FeedProblems` naming the field (`feed.feed_attributes.<name>`) when something is wrong.
    public static func store(service: FeedService, attributes: [String: FeedAttribute], feedName: String?, siteId: Int64,
                             store: any RoostStore, now: Date, prefix: String = "feed.") throws -> [String: FeedAttribute] {
        guard service != .rss else { return attributes }
        var (plain, credentials) = FeedValidation.splitCredentials(service: service, attributes: attributes)
        let field = prefix + "feed_attributes."
        if let linked = plain[Feed.connectionAttribute]?.textValue {
            guard let connection = try store.connection(siteId: siteId, idOrUUID: linked), connection.service == service else {
                throw FeedProblems([FieldProblem(field: field + Feed.connectionAttribute, message: "names no \(service.rawValue) connection of this site")])
            }
            plain[Feed.connectionAttribute] = .string(String(connection.id))
        }
        guard !credentials.isEmpty else { return plain }
        let problems = ConnectionValidation.problems(service: service.rawValue, credentials: credentials)
        guard problems.isEmpty else {
            throw FeedProblems(problems.map {
                FieldProblem(field: field + $0.field.replacingOccurrences(of: "credentials.", with: ""), message: $0.message)
            })
        }
        let connection = try store.createConnection(
            NewConnection(siteId: siteId, service: service, name: feedName.map { "feed: \($0)" }, credentials: credentials), now: now)
        plain[Feed.connectionAttribute] = .string(String(connection.id))
        return plain
    }
}

/// Problems with a feed's configuration, each naming its field.
public struct FeedProblems: Error, Sendable, CustomStringConvertible {
    public var problems: [FieldProblem]

    /// Creates the error.
    public init(_ problems: [FieldProblem]) { self.problems = problems }

    public var description: String { problems.map { "\($0.field) \($0.message)" }.joined(separator: "; ") }
}
