/// Why a document could not be read as a feed. Each description is a sentence an operator
/// can act on; `roost parse` exits 65 with it (SPEC §1).
public enum FeedParseError: Error, Equatable, CustomStringConvertible {
    case empty
    case tooLarge(bytes: Int, limit: Int)
    case notXMLOrJSON(detail: String)
    case notAFeed(rootElement: String)
    case invalidJSON(detail: String)
    case notAJSONFeed
    case unreadableEncoding(detail: String)

    public var description: String {
        switch self {
        case .empty:
            return "the document is empty"
        case .tooLarge(let bytes, let limit):
            return "the document is \(bytes) bytes, more than the \(limit)-byte limit for one feed"
        case .notXMLOrJSON(let detail):
            return "the document is not XML or JSON (\(detail))"
        case .notAFeed(let root):
            return "the document is XML but not a feed: its root element is <\(root)>, not <rss>, <rdf:RDF> or <feed>"
        case .invalidJSON(let detail):
            return "the document is not valid JSON: \(detail)"
        case .notAJSONFeed:
            return "the document is JSON but not a JSON Feed (no \"version\" of https://jsonfeed.org/version/1.x and no \"items\")"
        case .unreadableEncoding(let detail):
            return detail
        }
    }
}
