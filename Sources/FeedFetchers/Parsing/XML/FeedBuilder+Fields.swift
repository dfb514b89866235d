/// Where each collected field goes. The first occurrence of a single-valued field wins,
/// as feed readers do when a document repeats an element. Feed-level URLs resolve against
/// xml:base, else the document's address; an entry's stay relative where no absolute
/// xml:base is in force, for `EntryNormalizer` to resolve against the entry's own link.
extension FeedBuilder {
    func assign(_ field: FeedField, _ raw: RawText) {
        let trimmed = raw.value.trimmedWhitespace
        let feedBase = raw.base ?? documentBase
        switch field {
        case .feedTitle: if header.title == nil { header.title = raw }
        case .feedFallbackTitle: if header.fallbackTitle == nil { header.fallbackTitle = raw }
        case .feedLinkText(let rel, let type):
            if !trimmed.isEmpty, let href = URLResolver.resolve(trimmed, against: feedBase) {
                header.links.append(RawLink(href: href, rel: rel, type: type))
            }
        case .feedLink: if header.link == nil, !trimmed.isEmpty { header.link = URLResolver.resolve(trimmed, against: feedBase) }
        case .feedDescription: if header.description == nil { header.description = raw }
        case .feedLanguage: if header.language == nil, !trimmed.isEmpty { header.language = trimmed }
        case .feedTTL: if header.ttl == nil { header.ttl = trimmed }
        case .feedLogo: if header.logoURL == nil { header.logoURL = URLResolver.resolve(trimmed, against: feedBase) }
        case .feedIcon: if header.iconURL == nil { header.iconURL = URLResolver.resolve(trimmed, against: feedBase) }
        case .feedImageURL: if header.imageURL == nil { header.imageURL = URLResolver.resolve(trimmed, against: feedBase) }
        case .feedAuthorText(let rank):
            if var parsed = RawAuthor.parsing(trimmed) { parsed.rank = rank; header.authors.append(parsed) }
        case .authorName: if author?.name == nil, !trimmed.isEmpty { author?.name = trimmed }
        case .authorURI: if author?.uri == nil, !trimmed.isEmpty { author?.uri = URLResolver.resolve(trimmed, against: feedBase) }
        case .authorEmail: if author?.email == nil, !trimmed.isEmpty { author?.email = trimmed }
        default: assignEntryField(field, raw, trimmed: trimmed)
        }
    }

    private func assignEntryField(_ field: FeedField, _ raw: RawText, trimmed: String) {
        guard entry != nil else { return }
        switch field {
        case .entryTitle: if entry?.title == nil { entry?.title = raw }
        case .entryFallbackTitle: if entry?.fallbackTitle == nil { entry?.fallbackTitle = raw }
        case .entryMediaDescription: if entry?.mediaDescription == nil { entry?.mediaDescription = raw }
        case .entryLinkText(let rel, let type):
            guard !trimmed.isEmpty else { return }
            let href = URLResolver.combine(trimmed, base: raw.base)
            if rel == "enclosure" {
                entry?.media.append(RawMedia(source: .enclosure, url: href, type: type, medium: nil, altText: nil))
            } else {
                entry?.links.append(RawLink(href: href, rel: rel, type: type))
            }
        case .entryLink:
            if entry?.rssLink == nil, !trimmed.isEmpty { entry?.rssLink = URLResolver.combine(trimmed, base: raw.base) }
        case .entryId:
            // A guid or atom:id replaces the rdf:about fallback; a second id does not.
            if !trimmed.isEmpty, entry?.hasExplicitId == false {
                entry?.id = trimmed
                entry?.hasExplicitId = true
            }
        case .entryContentEncoded: if entry?.contentEncoded == nil { entry?.contentEncoded = raw }
        case .entryContent: if entry?.content == nil { entry?.content = raw }
        case .entrySummary: entry?.summary = raw  // description and summary are one field; the last wins, as in feedparser
        case .entryPublished: if !trimmed.isEmpty { entry?.publishedDates.append(trimmed) }
        case .entryUpdated: if !trimmed.isEmpty { entry?.updatedDates.append(trimmed) }
        case .entryCategory: if !trimmed.isEmpty { entry?.categories.append(trimmed) }
        case .entryAuthorText(let rank):
            if var parsed = RawAuthor.parsing(trimmed) { parsed.rank = rank; entry?.authors.append(parsed) }
        default: break
        }
    }
}

extension RawAuthor {
    /// Reads the author strings RSS uses: `jo@example.com (Jo Doe)`, `Jo Doe <jo@example.com>`,
    /// a bare address, or just a name.
    static func parsing(_ text: String) -> RawAuthor? {
        guard !text.isEmpty else { return nil }
        if text.hasSuffix(")"), let open = text.lastIndex(of: "(") {
            let inside = text[text.index(after: open)..<text.index(before: text.endIndex)].trimmedWhitespace
            let outside = text[..<open].trimmedWhitespace
            if outside.contains("@"), !inside.isEmpty { return RawAuthor(name: inside, email: outside) }
            if inside.contains("@"), !outside.isEmpty { return RawAuthor(name: outside, email: inside) }
        }
        if text.hasSuffix(">"), let open = text.lastIndex(of: "<") {
            let inside = text[text.index(after: open)..<text.index(before: text.endIndex)].trimmedWhitespace
            let outside = text[..<open].trimmedWhitespace
            if inside.contains("@") { return RawAuthor(name: outside.isEmpty ? nil : outside, email: inside) }
        }
        return RawAuthor(name: text)
    }
}
