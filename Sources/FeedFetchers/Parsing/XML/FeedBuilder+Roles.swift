/// Which role each element plays, by where it stands. The vocabularies are RSS 0.9x/2.0
/// (no namespace), RSS 1.0 and 0.90 (RDF), Atom 1.0 (RFC 4287) and 0.3, and the modules
/// SPEC §2 names: content, dc/dcterms, media (Media RSS, incl. media:group), itunes.
extension FeedBuilder {
    func rootRole(_ namespace: XMLNamespace, _ tag: FeedTag, _ attributes: XMLAttributes) -> FeedElementRole {
        switch (tag, namespace) {
        case (.rss, _):
            let version = attributes.value("version")?.trimmedWhitespace ?? ""
            refineFormat(version.hasPrefix("0.9") ? .rss09x : .rss20)
            return .container(.rssRoot)
        case (.RDF, _):
            refineFormat(.rss10)
            return .container(.rdfRoot)
        case (.feed, .atom03):
            refineFormat(.atom03)
            return .container(.atomRoot)
        case (.feed, _):
            refineFormat(.atom10)
            return .container(.atomRoot)
        case (.channel, .none), (.channel, .rss10), (.channel, .rss090):
            refineFormat(namespace == .rss10 ? .rss10 : .rss09x)
            return .container(.channel)
        default:
            return .skip
        }
    }

    func childRole(of container: FeedElementRole.Container, _ namespace: XMLNamespace, _ tag: FeedTag,
                   _ attributes: XMLAttributes, base: String?) -> FeedElementRole {
        switch container {
        case .rssRoot, .rdfRoot:
            if tag == .channel {
                if namespace == .rss090 { refineFormat(.rss09x) }
                return .container(.channel)
            }
            if tag == .item && namespace.isCore { return .container(.entry) }
            if tag == .image && namespace.isCore { return .container(.channelImage) }
            return .skip
        case .atomRoot, .channel:
            if (tag == .item || tag == .entry) && namespace.isCore { return .container(.entry) }
            return feedChildRole(namespace, tag, attributes, base: base)
        case .entry:
            return entryChildRole(namespace, tag, attributes, base: base)
        case .author:
            guard namespace.isCore else { return .skip }
            switch tag {
            case .name: return .field(.authorName, .text)
            case .uri, .url, .homepage: return .field(.authorURI, .text)
            case .email: return .field(.authorEmail, .text)
            default: return .skip
            }
        case .channelImage:
            return tag == .url && namespace.isCore ? .field(.feedImageURL, .text) : .skip
        case .mediaGroup, .mediaContent:
            return mediaRole(namespace, tag, attributes, base: base)
        }
    }

    private func feedChildRole(_ namespace: XMLNamespace, _ tag: FeedTag, _ attributes: XMLAttributes,
                               base: String?) -> FeedElementRole {
        let isAtom = namespace == .atom10 || namespace == .atom03
        if namespace.isCore {
            switch tag {
            case .title: return .field(.feedTitle, isAtom ? textKind(attributes, default: .text) : .html)
            case .link:
                if let link = attributeLink(attributes, base: base) {
                    header.links.append(link)
                    return .skip
                }
                return .field(.feedLink, .text)
            case .description: return .field(.feedDescription, .html)
            case .subtitle, .tagline, .info:
                return isAtom ? .field(.feedDescription, textKind(attributes, default: .text)) : .skip
            case .language: return .field(.feedLanguage, .text)
            case .ttl: return .field(.feedTTL, .text)
            case .image: return .container(.channelImage)
            case .logo: return .field(.feedLogo, .text)
            case .icon: return .field(.feedIcon, .text)
            case .author where isAtom: return .container(.author)
            case .managingEditor, .author: return .field(.feedAuthorText(rank: 0), .text)
            default: return .skip
            }
        }
        switch (namespace, tag) {
        case (.dc, .language): return .field(.feedLanguage, .text)
        case (.dc, .creator): return .field(.feedAuthorText(rank: 1), .text)
        case (.itunes, .author): return .field(.feedAuthorText(rank: 2), .text)
        case (.itunes, .image):
            if header.itunesImageURL == nil, let href = attributes.value("href") {
                header.itunesImageURL = URLResolver.resolve(href, against: base)
            }
            return .skip
        default: return .skip
        }
    }

    private func entryChildRole(_ namespace: XMLNamespace, _ tag: FeedTag, _ attributes: XMLAttributes,
                                base: String?) -> FeedElementRole {
        let isAtom = namespace == .atom10 || namespace == .atom03
        if namespace.isCore {
            switch tag {
            case .title: return .field(.entryTitle, isAtom ? textKind(attributes, default: .text) : .html)
            case .link:
                if let link = attributeLink(attributes, base: base) {
                    entry?.links.append(link)
                    return .skip
                }
                return .field(.entryLink, .text)
            case .description: return .field(.entrySummary, .html)
            case .summary: return .field(.entrySummary, textKind(attributes, default: .text))
            case .content: return .field(.entryContent, textKind(attributes, default: .text))
            case .guid:
                let permalink = attributes.value("isPermaLink")?.trimmedWhitespace.lowercased() ?? "true"
                entry?.idIsPermalink = permalink != "false"
                return .field(.entryId, .text)
            case .id: return .field(.entryId, .text)
            case .pubDate, .published, .issued: return .field(.entryPublished, .text)
            case .updated, .modified: return .field(.entryUpdated, .text)
            case .author where isAtom: return .container(.author)
            case .author: return .field(.entryAuthorText(rank: 0), .text)
            case .category:
                if let term = attributes.value("term")?.trimmedWhitespace {
                    if !term.isEmpty { entry?.categories.append(term) }
                    return .skip
                }
                return .field(.entryCategory, .text)
            case .enclosure:
                appendMedia(.enclosure, attributes, base: base)
                return .skip
            default: return .skip
            }
        }
        switch (namespace, tag) {
        case (.content, .encoded): return .field(.entryContentEncoded, .html)
        case (.dc, .creator): return .field(.entryAuthorText(rank: 1), .text)
        case (.dc, .date), (.dcterms, .issued): return .field(.entryPublished, .text)
        case (.dcterms, .modified): return .field(.entryUpdated, .text)
        case (.dc, .subject): return .field(.entryCategory, .text)
        case (.itunes, .author): return .field(.entryAuthorText(rank: 2), .text)
        case (.media, _): return mediaRole(namespace, tag, attributes, base: base)
        default: return .skip
        }
    }

    /// Media RSS inside an entry, a media:group or a media:content.
    private func mediaRole(_ namespace: XMLNamespace, _ tag: FeedTag, _ attributes: XMLAttributes,
                           base: String?) -> FeedElementRole {
        guard namespace == .media else { return .skip }
        switch tag {
        case .group: return .container(.mediaGroup)
        case .content:
            appendMedia(.mediaContent, attributes, base: base)
            return .container(.mediaContent)
        case .thumbnail:
            appendMedia(.mediaThumbnail, attributes, base: base)
            return .skip
        default: return .skip
        }
    }

    /// A child element inside a field: its markup becomes part of the field's text.
    func markupRole(_ namespace: XMLNamespace, _ localName: String, _ attributes: XMLAttributes,
                    base: String?, parent: FeedElementRole?) -> FeedElementRole {
        if case .field(_, let kind)? = parent, kind != .html {
            // The first child of Atom XHTML content is the wrapper div, which is not content.
            if kind == .xhtml, namespace == .xhtml, localName == "div", !fieldHasText() { return .transparentMarkup }
            enterMarkupMode()
        }
        let name = localName.lowercased()
        appendStartTag(name, attributes, base: base)
        return .markup(name: name, isVoid: Self.voidElements.contains(name))
    }

    private static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    ]

    private func appendMedia(_ source: RawMedia.Source, _ attributes: XMLAttributes, base: String?) {
        guard let raw = attributes.value("url"), let url = URLResolver.resolve(raw, against: base) else { return }
        let media = RawMedia(source: source, url: url, type: attributes.value("type")?.trimmedWhitespace.lowercased(),
                             medium: attributes.value("medium")?.trimmedWhitespace.lowercased(), altText: nil)
        entry?.media.append(media)
    }

    private func attributeLink(_ attributes: XMLAttributes, base: String?) -> RawLink? {
        guard let href = attributes.value("href") else { return nil }
        guard let resolved = URLResolver.resolve(href, against: base) else { return nil }
        return RawLink(href: resolved, rel: attributes.value("rel")?.trimmedWhitespace.lowercased(),
                       type: attributes.value("type")?.trimmedWhitespace.lowercased())
    }

    /// Atom 1.0 `type` (text, html, xhtml or a MIME type) and Atom 0.3 `mode` (xml, escaped, base64).
    private func textKind(_ attributes: XMLAttributes, default fallback: TextKind) -> TextKind {
        if let mode = attributes.value("mode")?.trimmedWhitespace.lowercased() {
            if mode == "escaped" { return .html }
            if mode == "xml" { return .xhtml }
        }
        guard let type = attributes.value("type")?.trimmedWhitespace.lowercased(), !type.isEmpty else { return fallback }
        switch type {
        case "text", "plain", "text/plain": return .text
        case "html", "text/html": return .html
        case "xhtml", "application/xhtml+xml": return .xhtml
        default: return type.hasPrefix("text/") ? .text : fallback
        }
    }
}
