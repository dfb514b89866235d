import Foundation

/// Turns the SAX events of an RSS 0.9x/1.0/2.0 or Atom 0.3/1.0 document into a feed header
/// and a stream of raw entries. One pass, no tree: each element gets a role when it opens
/// (`FeedBuilder+Roles.swift`), text is collected only inside fields, and each entry is
/// handed on as soon as it closes so that large documents need little memory.
final class FeedBuilder: SAXDelegate {
    /// The format, known once the root element (and for RDF, the channel) has been seen.
    private(set) var format: FeedFormat?
    /// The root element's name, for the error when the document is not a feed.
    private(set) var rootName: String?
    /// The feed-level elements collected so far.
    var header = RawFeedHeader()
    /// `xml:lang` of the root or feed element, the language when the feed names none.
    var rootLanguage: String?

    /// The namespace of the root element: a feed in an unknown namespace still uses its own
    /// vocabulary (feedparser's "Atom namespace (example.com)" case).
    var rootNamespace: XMLNamespace = .none

    var entry: RawEntry?
    var author: RawAuthor?
    private let onEntry: (RawEntry) -> Void

    private struct Frame {
        var role: FeedElementRole
        /// The xml:base in force, resolved against the document's address when there is one
        /// (relative when nothing absolute is above it); nil when no xml:base is in force.
        var base: String?
        /// Inside a field, the xml:base declared within the field itself, relative to the field.
        var innerBase: String?
        var textStart: Int
    }
    private var frames: [Frame] = []
    /// Character data of the open field, with any child markup re-serialized into it.
    private var text: [UInt8] = []
    /// The kind of the open field's text; nil when no field is open.
    private var fieldKind: TextKind?
    /// The document's own address, the last base for relative links (SPEC §2).
    let documentBase: String?

    /// Creates a builder; `baseURL` is the document's own address, `onEntry` gets each entry.
    init(baseURL: String?, onEntry: @escaping (RawEntry) -> Void) {
        self.documentBase = baseURL
        self.onEntry = onEntry
    }

    /// Marks the document as RSS 0.90 once its channel shows the 0.90 namespace.
    func refineFormat(_ newFormat: FeedFormat) {
        format = newFormat
    }

    func startElement(namespace: XMLNamespace, tag: FeedTag, localName: String, prefix: String?, attributes: XMLAttributes,
                      declaredNamespaces: [XMLNamespace]) {
        let parent = frames.last
        let base = elementBase(attributes, parentBase: parent?.base)
        var innerBase: String?
        let role: FeedElementRole
        switch parent?.role {
        case nil:
            rootName = prefix.map { "\($0):\(localName)" } ?? localName
            rootNamespace = namespace
            role = rootRole(namespace, tag, attributes, declared: declaredNamespaces)
        case .skip?:
            role = .skip
        case .field?, .markup?, .transparentMarkup?:
            // URLs in inline markup resolve now when an absolute base is in force; otherwise
            // they stay relative to the field, which resolves once the entry's link is known.
            innerBase = attributes.xmlValue("base").map { URLResolver.combine($0, base: parent?.innerBase) } ?? parent?.innerBase
            let urlBase = base.flatMap { URLResolver.isAbsolute($0) ? $0 : nil } ?? innerBase
            role = markupRole(namespace, localName, attributes, base: urlBase, parent: parent?.role)
        case .container(let container)?:
            role = childRole(of: container, namespace, tag, attributes, base: base)
        }
        if case .container(let container) = role { open(container, attributes, base: base) }
        if case .field(_, let kind, _) = role { fieldKind = kind }
        frames.append(Frame(role: role, base: base, innerBase: innerBase, textStart: text.count))
    }

    func endElement() {
        guard let frame = frames.popLast() else { return }
        switch frame.role {
        case .field(let field, _, let base64):
            var value = String(decoding: text[frame.textStart...], as: UTF8.self)
            let kind = fieldKind ?? .text
            // A value that does not decode to text (a custom type holding plain words) stays as written.
            if base64, let decoded = Self.decodeBase64(value) { value = decoded }
            text.removeSubrange(frame.textStart...)
            fieldKind = nil
            assign(field, RawText(value: value, kind: kind, base: frame.base))
        case .markup(let name, let isVoid):
            if !isVoid { appendASCII("</\(name)>") }
        case .container(let container):
            close(container)
        case .transparentMarkup, .skip:
            break
        }
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let kind = fieldKind else { return }
        if kind == .xhtml {
            _ = HTMLEscaper.appendText(bytes, to: &text)
        } else {
            text.append(contentsOf: bytes)
        }
    }

    // MARK: containers

    private func open(_ container: FeedElementRole.Container, _ attributes: XMLAttributes, base: String?) {
        switch container {
        case .entry:
            entry = RawEntry(base: base)
            // RSS 1.0 items name their resource in rdf:about; the fallback id when there is no guid.
            if let about = attributes.rdfValue("about") { entry?.id = about.trimmedWhitespace }
        case .author:
            author = RawAuthor()
        case .atomRoot, .rssRoot, .rdfRoot, .channel:
            if rootLanguage == nil, let lang = attributes.xmlValue("lang")?.trimmedWhitespace, !lang.isEmpty {
                rootLanguage = lang
            }
        case .channelImage, .mediaGroup, .mediaContent:
            break
        }
    }

    private func close(_ container: FeedElementRole.Container) {
        switch container {
        case .entry:
            if var finished = entry {
                finished.siteLink = siteLink
                finished.documentURL = documentBase
                onEntry(finished)
            }
            entry = nil
        case .author:
            guard let finished = author, !finished.isEmpty else { author = nil; return }
            author = nil
            if entry != nil { entry?.authors.append(finished) } else { header.authors.append(finished) }
        default:
            break
        }
    }

    // MARK: text buffer

    /// Re-serializes a child element of a field as an HTML start tag. URL attributes are
    /// resolved here, against the base in force at that very element (xml:base may change
    /// inside XHTML content).
    func appendStartTag(_ name: String, _ attributes: XMLAttributes, base: String?) {
        appendASCII("<")
        appendASCII(name)
        attributes.forEach { prefix, localName, value in
            guard prefix == nil else { return }
            var value = value
            if Self.urlAttributes.contains(localName) { value = URLResolver.combine(value, base: base) }
            appendASCII(" ")
            appendASCII(localName)
            appendASCII("=\"")
            value.withUTF8 { HTMLEscaper.appendAttribute($0, to: &text) }
            appendASCII("\"")
        }
        appendASCII(">")
    }

    private static let urlAttributes: Set<String> = ["href", "src", "poster", "cite", "longdesc", "background"]

    /// Switches the open field to markup mode when its first child element appears: literal
    /// text collected so far is escaped so that it stays text once read as HTML.
    func enterMarkupMode() {
        guard fieldKind == .text, let start = frames.last(where: { if case .field = $0.role { return true }; return false })?.textStart else {
            return
        }
        let literal = Array(text[start...])
        text.removeSubrange(start...)
        literal.withUnsafeBufferPointer { _ = HTMLEscaper.appendText($0, to: &text) }
        fieldKind = .xhtml
    }

    /// Atom content in a non-text MIME type, or Atom 0.3 `mode="base64"`, is base64 (RFC 4287 §4.1.3.3).
    private static func decodeBase64(_ value: String) -> String? {
        let compact = value.filter { !$0.isWhitespace }
        guard let data = Data(base64Encoded: compact), let text = String(data: data, encoding: .utf8) else { return nil }
        let isText = text.unicodeScalars.allSatisfy { $0.value >= 0x20 || $0 == "\n" || $0 == "\r" || $0 == "\t" }
        return isText ? text : nil
    }

    /// True when the open field already holds text other than white space.
    func fieldHasText() -> Bool {
        guard let start = frames.last?.textStart else { return false }
        return text[start...].contains { !$0.isASCIIWhitespace }
    }

    private func appendASCII(_ string: String) {
        text.append(contentsOf: string.utf8)
    }

    /// The feed's site link so far (channel link, else the alternate link), when absolute.
    private var siteLink: String? {
        [header.link, header.links.first { $0.rel == nil || $0.rel == "alternate" }?.href]
            .lazy.compactMap { $0 }.first { URLResolver.isHTTP($0) }
    }

    /// An element's xml:base: its own resolved against the parent's (or the document's
    /// address at the top, XML Base §4), else the parent's.
    private func elementBase(_ attributes: XMLAttributes, parentBase: String?) -> String? {
        guard let declared = attributes.xmlValue("base") else { return parentBase }
        return URLResolver.combine(declared, base: parentBase ?? documentBase)
    }
}
