/// The XML namespaces a feed parser cares about, recognised by URI.
enum XMLNamespace: UInt8, Sendable {
    case none, other
    case atom10, atom03, rdf, rss10, rss090, rss20Userland
    case content, dc, dcterms, media, itunes, xhtml, xml, googlePlay, podcast

    /// Classifies a namespace URI; URIs are compared exactly except for the known variants
    /// feeds write (trailing slashes, `www.`, the two Yahoo Media RSS spellings).
    init(uri: String) {
        switch uri {
        case "": self = .none
        case "http://www.w3.org/2005/Atom": self = .atom10
        case "http://purl.org/atom/ns#": self = .atom03
        case "http://www.w3.org/1999/02/22-rdf-syntax-ns#": self = .rdf
        case "http://purl.org/rss/1.0/": self = .rss10
        case "http://my.netscape.com/rdf/simple/0.9/", "http://channel.netscape.com/rdf/simple/0.9/": self = .rss090
        case "http://backend.userland.com/rss2", "http://blogs.law.harvard.edu/tech/rss": self = .rss20Userland
        case "http://purl.org/rss/1.0/modules/content/": self = .content
        case "http://purl.org/dc/elements/1.1/": self = .dc
        case "http://purl.org/dc/terms/": self = .dcterms
        case "http://search.yahoo.com/mrss/", "http://search.yahoo.com/mrss", "http://video.search.yahoo.com/mrss",
             "http://video.search.yahoo.com/mrss/", "http://tools.search.yahoo.com/mrss/": self = .media
        case "http://www.itunes.com/dtds/podcast-1.0.dtd", "http://www.itunes.com/DTDs/Podcast-1.0.dtd",
             "https://www.itunes.com/dtds/podcast-1.0.dtd": self = .itunes
        case "http://www.w3.org/1999/xhtml": self = .xhtml
        case "http://www.w3.org/XML/1998/namespace": self = .xml
        case "http://www.google.com/schemas/play-podcasts/1.0": self = .googlePlay
        case "https://podcastindex.org/namespace/1.0": self = .podcast
        default: self = .other
        }
    }

    /// The namespace a conventional prefix stands for, for documents that use it undeclared.
    init(conventionalPrefix prefix: String) {
        switch prefix.lowercased() {
        case "content": self = .content
        case "dc": self = .dc
        case "dcterms": self = .dcterms
        case "media": self = .media
        case "itunes": self = .itunes
        case "atom": self = .atom10
        case "rdf": self = .rdf
        default: self = .other
        }
    }

    /// True for the namespaces whose elements are the feed's own vocabulary (no prefix in
    /// RSS 0.9x/2.0, the RSS 1.0 and Atom namespaces), as opposed to extension modules.
    var isCore: Bool {
        switch self {
        case .none, .atom10, .atom03, .rss10, .rss090, .rss20Userland: return true
        default: return false
        }
    }
}
