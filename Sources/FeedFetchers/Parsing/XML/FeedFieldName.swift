/// The element names the tag balancer knows (RSS 0.9x/1.0/2.0, Atom, dc, content): feed
/// containers, text fields and HTML-bearing fields, which start tags end an unclosed field,
/// and the HTML void elements. Names a body's HTML also uses (`title`, `link`, `summary`,
/// `source`, `image`) never end an HTML-bearing field, so valid HTML is never cut short.
enum FeedFieldName {
    /// What an element is to the balancer.
    struct Kind: OptionSet, Sendable {
        let rawValue: UInt8
        /// channel, feed, item, entry: the parent of fields.
        static let container = Kind(rawValue: 1)
        /// item, entry: they never nest.
        static let entry = Kind(rawValue: 2)
        /// A field of text only (title, link, guid, dates …).
        static let textField = Kind(rawValue: 4)
        /// A field that may hold HTML (description, summary, content, content:encoded).
        static let markupField = Kind(rawValue: 8)
        /// Its start ends an unclosed text field of the same container.
        static let closesTextField = Kind(rawValue: 16)
        /// Its start ends an unclosed HTML-bearing field of the same container.
        static let closesMarkupField = Kind(rawValue: 32)
    }

    private static let entryKind: Kind = [.container, .entry, .closesTextField, .closesMarkupField]
    private static let textKind: Kind = [.textField, .closesTextField, .closesMarkupField]
    private static let htmlNamedTextKind: Kind = [.textField, .closesTextField]
    private static let markupKind: Kind = [.markupField, .closesTextField, .closesMarkupField]

    /// The kind of an element by its qualified name: unprefixed, or in a feed vocabulary's
    /// usual prefix; other prefixes (media, itunes …) are none of the balancer's business.
    static func kind(qualifiedName name: UnsafeBufferPointer<UInt8>) -> Kind {
        guard let colon = name.firstIndex(of: UInt8(ascii: ":")) else { return kind(local: name) }
        let prefix = UnsafeBufferPointer(rebasing: name[..<colon])
        guard equals(prefix, "dc") || equals(prefix, "dcterms") || equals(prefix, "content") || equals(prefix, "atom") else {
            return []
        }
        return kind(local: UnsafeBufferPointer(rebasing: name[(colon + 1)...]))
    }

    /// Whether an unprefixed name is an HTML void element (any ASCII case).
    static func isHTMLVoid(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        switch name.count {
        case 2: return equals(name, "br", ignoringCase: true) || equals(name, "hr", ignoringCase: true)
        case 3: return equals(name, "img", ignoringCase: true) || equals(name, "col", ignoringCase: true)
                    || equals(name, "wbr", ignoringCase: true)
        case 4: return equals(name, "area", ignoringCase: true) || equals(name, "base", ignoringCase: true)
                    || equals(name, "link", ignoringCase: true) || equals(name, "meta", ignoringCase: true)
        case 5: return equals(name, "embed", ignoringCase: true) || equals(name, "input", ignoringCase: true)
                    || equals(name, "param", ignoringCase: true) || equals(name, "track", ignoringCase: true)
        case 6: return equals(name, "source", ignoringCase: true)
        default: return false
        }
    }

    private static func kind(local name: UnsafeBufferPointer<UInt8>) -> Kind {
        switch name.count {
        case 2: return equals(name, "id") ? textKind : []
        case 3: return equals(name, "ttl") ? textKind : []
        case 4:
            if equals(name, "item") { return entryKind }
            if equals(name, "feed") { return .container }
            if equals(name, "link") { return htmlNamedTextKind }
            return (equals(name, "guid") ||
                    equals(name, "date") ||
                    equals(name, "logo") ||
                    equals(name, "icon") ||
                    equals(name, "docs")) ? textKind : []
        case 5:
            if equals(name, "entry") { return entryKind }
            if equals(name, "title") { return htmlNamedTextKind }
            if equals(name, "image") { return .closesTextField }
            return []
        case 6:
            if equals(name, "source") { return .closesTextField }
            return (equals(name, "author") || equals(name, "rights") || equals(name, "issued")) ? textKind : []
        case 7:
            if equals(name, "channel") { return .container }
            if equals(name, "summary") { return [.markupField, .closesTextField] }
            if equals(name, "content") || equals(name, "encoded") { return markupKind }
            return (equals(name, "pubDate") ||
                    equals(name, "updated") ||
                    equals(name, "created") ||
                    equals(name, "creator") ||
                    equals(name, "subject") ||
                    equals(name, "tagline")) ? textKind : []
        case 8: return (equals(name, "comments") ||
                equals(name, "language") ||
                equals(name, "modified") ||
                equals(name, "category") ||
                equals(name, "subtitle")) ? textKind : []
        case 9: return (equals(name, "published") ||
                equals(name, "enclosure") ||
                equals(name, "generator") ||
                equals(name, "copyright") ||
                equals(name, "webMaster")) ? textKind : []
        case 11: return equals(name, "description") ? markupKind : []
        case 13: return equals(name, "lastBuildDate") ? textKind : []
        case 14: return equals(name, "managingEditor") ? textKind : []
        default: return []
        }
    }

    private static func equals(_ name: UnsafeBufferPointer<UInt8>, _ literal: StaticString, ignoringCase: Bool = false) -> Bool {
        guard name.count == literal.utf8CodeUnitCount else { return false }
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: name.count)
        for index in 0..<name.count {
            let byte = ignoringCase && name[index] >= 0x41 && name[index] <= 0x5A ? name[index] | 0x20 : name[index]
            if byte != expected[index] { return false }
        }
        return true
    }
}
