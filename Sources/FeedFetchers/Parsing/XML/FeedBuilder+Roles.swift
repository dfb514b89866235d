/// Which role each element plays, by where it stands. The vocabularies are RSS 0.9x/2.0
/// (no namespace), RSS 1.0 and 0.90 (RDF), Atom 1.0 (RFC 4287) and 0.3, and the modules
/// SPEC §2 names: content, dc/dcterms, media (Media RSS, incl. media:group), itunes.
extension FeedBuilder {
    func rootRole(_ namespace: XMLNamespace, _ tag: FeedTag, _ attributes: XMLAttributes,
                  declared: [XMLNamespace]) -> FeedElementRole {
        switch (tag, namespace) {
        case (.rss, _):
            let version = attributes.value("version")?.trimmedWhitespace ?? ""
            refineFormat(version.hasPrefix("0.9") ? .rss09x : .rss20)
            return .container(.rssRoot)
        case (.RDF, _):
            refineFormat(declared.contains(.rss090) ? .rss09x : .rss10)
            return .container(.rdfRoot)
        case (.feed, .atom03):
            refineFormat(.atom03)
            return .container(.atomRoot)
        case (.feed, _):
            refineFormat(attributes.value("version")?.hasPrefix("0.3") == true ? .atom03 : .atom10)
            return .container(.atomRoot)
        case (.entry, .atom10), (.entry, .atom03):
            // A lone Atom entry document (RFC 4287 §4.1.2): a feed of one entry.
            refineFormat(namespace == .atom03 ? .atom03 : .atom10)
            return .container(.entry)
        case (.channel, .none), (.channel, .rss10), (.channel, .rss090):
            refineFormat(namespace == .rss10 ? .rss10 : .rss09x)
            return .container(.channel)
        default:
            return .skip
        }
    }

    /// The feed's own vocabulary: no namespace, RSS 1.0/0.90, Atom, or the root's namespace.
    private func isCore(_ namespace: XMLNamespace) -> Bool {
        namespace.isCore || (namespace == .other && rootNamespace == .other)
    }

    /// Atom elements: in an Atom namespace, or un-namespaced inside an Atom document.
    private func isAtom(_ namespace: XMLNamespace) -> Bool {
        namespace == .atom10 || namespace == .atom03 || (isCore(namespace) && (format == .atom10 || format == .atom03))
    }

    func childRole(of container: FeedElementRole.Container, _ namespace: XMLNamespace, _ tag: FeedTag,
                   _ attributes: XMLAttributes, base: String?) -> FeedElementRole {
        switch container {
        case .rssRoot, .rdfRoot:
            guard isCore(namespace) else { return .skip }
            switch tag {
            case .channel:
                if namespace == .rss090 { refineFormat(.rss09x) }
                return .container(.channel)
            case .item: return .container(.entry)
            case .image: return .container(.channelImage)
            default: return .skip
            }
        case .atomRoot, .channel:
            if (tag == .item || tag == .entry) && isCore(namespace) { return .container(.entry) }
            return feedChildRole(namespace, tag, attributes, base: base)
        case .entry:
            return entryChildRole(namespace, tag, attributes, base: base)
        case .author:
            guard isCore(namespace) else { return .skip }
            switch tag {
            case .name: return .field(.authorName, .text)
            case .uri, .url, .homepage: return .field(.authorURI, .text)
            case .email: return .field(.authorEmail, .text)
            default: return .skip
            }
        case .channelImage:
            return tag == .url && isCore(namespace) ? .field(.feedImageURL, .text) : .skip
        case .mediaGroup, .mediaContent:
            return mediaRole(namespace, tag, attributes, base: base)
        }
    }

    private func feedChildRole(_ namespace: XMLNamespace, _ tag: FeedTag, _ attributes: XMLAttributes,
                               base: String?) -> FeedElementRole {
        let atom = isAtom(namespace)
        if isCore(namespace) || atom {
            switch tag {
            case .title: return textField(.feedTitle, attributes, atom: atom, rssKind: .html)
            case .link:
                guard let link = attributeLink(attributes, base: base ?? documentBase) else {
                    return atom ? .field(.feedLinkText(rel: rel(attributes), type: type(attributes)), .text)
                                : .field(.feedLink, .text)
                }
                header.links.append(link)
                return .skip
            case .description: return .field(.feedDescription, .html)
            case .subtitle, .tagline, .info: return atom ? textField(.feedDescription, attributes, atom: true, rssKind: .text) : .skip
            case .language: return .field(.feedLanguage, .text)
            case .ttl: return .field(.feedTTL, .text)
            case .image: return .container(.channelImage)
            case .logo: return .field(.feedLogo, .text)
            case .icon: return .field(.feedIcon, .text)
            case .author where atom: return .container(.author)
            case .managingEditor, .author: return .field(.feedAuthorText(rank: 0), .text)
            default: return .skip
            }
        }
        switch (namespace, tag) {
        case (.dc, .language): return .field(.feedLanguage, .text)
        case (.dc, .title): return .field(.feedFallbackTitle, .html)
        case (.dc, .creator): return .field(.feedAuthorText(rank: 1), .text)
        case (.itunes, .author): return .field(.feedAuthorText(rank: 2), .text)
        case (.itunes, .image), (.itunes, .link):
            let isImage = tag == .image || attributes.value("rel")?.lowercased() == "image"
            if isImage, header.itunesImageURL == nil, let href = attributes.value("href") {
                header.itunesImageURL = URLResolver.resolve(href, against: base ?? documentBase)
            }
            return .skip
        default: return .skip
        }
    }

    private func entryChildRole(_ namespace: XMLNamespace, _ tag: FeedTag, _ attributes: XMLAttributes,
                                base: String?) -> FeedElementRole {
        let atom = isAtom(namespace)
        if isCore(namespace) || atom {
            switch tag {
            case .title: return textField(.entryTitle, attributes, atom: atom, rssKind: .html)
            case .link: return entryLinkRole(attributes, atom: atom, base: base)
            case .description: return .field(.entrySummary, .html)
            case .summary: return textField(.entrySummary, attributes, atom: true, rssKind: .text)
            case .content: return textField(.entryContent, attributes, atom: true, rssKind: .text)
            case .guid:
                let permalink = attributes.value("isPermaLink")?.trimmedWhitespace.lowercased() ?? "true"
                entry?.idIsPermalink = permalink != "false"
                return .field(.entryId, .text)
            case .id: return .field(.entryId, .text)
            case .pubDate, .published, .issued: return .field(.entryPublished, .text)
            case .updated, .modified: return .field(.entryUpdated, .text)
            case .author where atom: return .container(.author)
            case .author: return .field(.entryAuthorText(rank: 0), .text)
            case .category:
                if let term = attributes.value("term")?.trimmedWhitespace {
                    if !term.isEmpty { entry?.categories.append(term) }
                    return .skip
                }
                return .field(.entryCategory, .text)
            case .enclosure:
                appendMedia(.enclosure, url: attributes.value("url"), attributes, base: base)
                return .skip
            default: return .skip
            }
        }
        switch (namespace, tag) {
        case (.content, .encoded): return .field(.entryContentEncoded, .html)
        case (.dc, .title): return .field(.entryFallbackTitle, .html)
        case (.dc, .creator): return .field(.entryAuthorText(rank: 1), .text)
        case (.dc, .date), (.dcterms, .issued): return .field(.entryPublished, .text)
        case (.dcterms, .modified): return .field(.entryUpdated, .text)
        case (.dc, .subject): return .field(.entryCategory, .text)
        case (.itunes, .author): return .field(.entryAuthorText(rank: 2), .text)
        case (.media, _): return mediaRole(namespace, tag, attributes, base: base)
        default: return .skip
        }
    }

    /// Atom links carry `href`; an enclosure link is media, not the entry's address. RSS
    /// links, and Atom 0.3 links written as text, carry the URL as content.
    private func entryLinkRole(_ attributes: XMLAttributes, atom: Bool, base: String?) -> FeedElementRole {
        guard let link = attributeLink(attributes, base: base) else {
            return atom ? .field(.entryLinkText(rel: rel(attributes), type: type(attributes)), .text) : .field(.entryLink, .text)
        }
        if link.rel == "enclosure" {
            appendMedia(.enclosure, url: link.href, attributes, base: nil)
        } else {
            entry?.links.append(link)
        }
        return .skip
    }

    /// Media RSS inside an entry, a media:group or a media:content.
    private func mediaRole(_ namespace: XMLNamespace, _ tag: FeedTag, _ attributes: XMLAttributes,
                           base: String?) -> FeedElementRole {
        guard namespace == .media else { return .skip }
        switch tag {
        case .group: return .container(.mediaGroup)
        case .content:
            appendMedia(.mediaContent, url: attributes.value("url"), attributes, base: base)
            return .container(.mediaContent)
        case .thumbnail:
            appendMedia(.mediaThumbnail, url: attributes.value("url"), attributes, base: base)
            return .skip
        case .description:
            return .field(.entryMediaDescription, type(attributes) == "html" ? .html : .text)
        default: return .skip
        }
    }

    /// A child element inside a field: its markup becomes part of the field's text.
    func markupRole(_ namespace: XMLNamespace, _ localName: String, _ attributes: XMLAttributes,
                    base: String?, parent: FeedElementRole?) -> FeedElementRole {
        if case .field(_, let kind, _)? = parent, kind != .html {
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

    private func appendMedia(_ source: RawMedia.Source, url raw: String?, _ attributes: XMLAttributes, base: String?) {
        guard let raw, !raw.trimmedWhitespace.isEmpty else { return }
        let media = RawMedia(source: source, url: URLResolver.combine(raw, base: base), type: type(attributes), medium: attributes.value("medium")?.trimmedWhitespace.lowercased(),
                             altText: nil)
        entry?.media.append(media)
    }

    private func attributeLink(_ attributes: XMLAttributes, base: String?) -> RawLink? {
        guard let href = attributes.value("href") else { return nil }
        return RawLink(href: URLResolver.combine(href, base: base), rel: rel(attributes), type: type(attributes))
    }

    private func rel(_ attributes: XMLAttributes) -> String? {
        attributes.value("rel")?.trimmedWhitespace.lowercased()
    }

    private func type(_ attributes: XMLAttributes) -> String? {
        attributes.value("type")?.trimmedWhitespace.lowercased()
    }

    /// A text construct: Atom's `type`/`mode` decide how to read it; RSS has a fixed habit.
    private func textField(_ field: FeedField, _ attributes: XMLAttributes, atom: Bool, rssKind: TextKind) -> FeedElementRole {
        guard atom else { return .field(field, rssKind) }
        let (kind, base64) = textKind(attributes)
        return .field(field, kind, base64: base64)
    }

    /// Atom 1.0 `type` (text, html, xhtml or a MIME type: RFC 4287 §3.1.1, §4.1.3.3) and Atom
    /// 0.3 `mode` (xml, escaped, base64).
    private func textKind(_ attributes: XMLAttributes) -> (TextKind, base64: Bool) {
        let mode = attributes.value("mode")?.trimmedWhitespace.lowercased()
        let type = type(attributes) ?? ""
        let kind: TextKind
        var base64 = mode == "base64"
        switch type {
        case "", "text", "plain", "text/plain": kind = .text
        case "html", "text/html": kind = .html
        case "xhtml", "application/xhtml+xml": kind = .xhtml
        default:
            if type.hasPrefix("text/") || type.hasSuffix("+xml") || type.hasSuffix("/xml") {
                kind = .text
            } else {
                // Binary content (RFC 4287 §4.1.3.3): base64, read as HTML once decoded, as feedparser does.
                kind = .html
                base64 = true
            }
        }
        if mode == "escaped" { return (.html, base64) }
        if mode == "xml" && kind == .text && type.isEmpty { return (.xhtml, base64) }
        return (kind, base64)
    }
}
