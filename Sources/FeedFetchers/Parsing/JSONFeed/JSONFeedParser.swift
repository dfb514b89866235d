import Foundation

/// JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1) into the same raw entries the
/// XML formats produce, so that one normalizer serves every format.
enum JSONFeedParser {
    /// Parses a JSON Feed document.
    static func parse(_ bytes: [UInt8], url: String?) throws(FeedParseError) -> ParsedFeed {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            throw .invalidJSON(detail: (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "syntax error")
        }
        guard let feed = object as? [String: Any] else { throw .notAJSONFeed }
        let version = feed["version"] as? String ?? ""
        // The URL form is the standard; bare "1" / "1.1" occur in the wild (gofeed accepts them).
        let knownVersion = version.contains("jsonfeed.org/version/1") || version == "1" || version.hasPrefix("1.")
        guard knownVersion || (version.isEmpty && feed["items"] is [Any]) else {
            throw .notAJSONFeed
        }
        let documentURL = url ?? string(feed["feed_url"])
        let base = documentURL ?? string(feed["home_page_url"])
        let siteLink = string(feed["home_page_url"]).flatMap { URLResolver.resolve($0, against: documentURL) }.flatMap { URLResolver.isHTTP($0) ? $0 : nil }
        let feedAuthor = authors(in: feed).first
        let items = feed["items"] as? [Any] ?? []
        let normalizer = EntryNormalizer(feedAuthor: feedAuthor)
        let posts = items.compactMap { $0 as? [String: Any] }.map { item in
            var entry = rawEntry(item)
            entry.siteLink = siteLink
            entry.documentURL = documentURL
            var post = normalizer.post(from: entry)
            post.from.profileImageUrl = avatar(of: item) ?? (post.from.name == PlainTextRenderer.line(feedAuthor?.name) ? avatar(of: feed) : nil)
            return post
        }
        return ParsedFeed(info: info(feed, base: base), posts: posts)
    }

    private static func info(_ feed: [String: Any], base: String?) -> FeedInfo {
        let http: (String?) -> String? = { value in
            value.flatMap { URLResolver.resolve($0, against: base) }.flatMap { URLResolver.isHTTP($0) ? $0 : nil }
        }
        return FeedInfo(
            format: .jsonFeed1,
            title: PlainTextRenderer.line(string(feed["title"])),
            link: http(string(feed["home_page_url"])),
            description: PlainTextRenderer.line(string(feed["description"])),
            language: string(feed["language"]),
            imageUrl: http(string(feed["icon"])) ?? http(string(feed["favicon"]))
        )
    }

    /// One item as written; its URLs resolve in `EntryNormalizer` (the item's url against the
    /// home page, else the feed's address; its HTML and media against the item's url first).
    private static func rawEntry(_ item: [String: Any]) -> RawEntry {
        let link = string(item["url"])
        var entry = RawEntry()
        entry.id = string(item["id"]) ?? (item["id"] as? NSNumber)?.stringValue
        entry.hasExplicitId = entry.id != nil
        entry.rssLink = link
        // Titles are plain text (JSON Feed 1.1), yet some feeds put HTML in them: it goes.
        if let title = PlainTextRenderer.line(string(item["title"])) { entry.title = RawText(value: title, kind: .text) }
        if let html = string(item["content_html"]) { entry.content = RawText(value: html, kind: .html) }
        if let text = string(item["content_text"]) { entry.summary = RawText(value: text, kind: .text) }
        if entry.summary == nil, let summary = string(item["summary"]) {
            entry.summary = RawText(value: summary, kind: .text)
        }
        entry.publishedDates = [string(item["date_published"])].compactMap { $0 }
        entry.updatedDates = [string(item["date_modified"])].compactMap { $0 }
        entry.authors = authors(in: item)
        entry.categories = (item["tags"] as? [Any] ?? []).compactMap { string($0)?.trimmedWhitespace }.filter { !$0.isEmpty }
        entry.media = media(of: item)
        return entry
    }

    /// `image`, `banner_image`, then attachments, as media the normalizer sorts into images and videos.
    private static func media(of item: [String: Any]) -> [RawMedia] {
        var media: [RawMedia] = []
        for key in ["image", "banner_image"] {
            if let url = string(item[key]) {
                media.append(RawMedia(source: .mediaContent, url: url, type: nil, medium: "image", altText: nil))
            }
        }
        for case let attachment as [String: Any] in item["attachments"] as? [Any] ?? [] {
            guard let url = string(attachment["url"]) else { continue }
            let type = string(attachment["mime_type"])?.lowercased()
            media.append(RawMedia(source: .enclosure, url: url, type: type, medium: nil, altText: string(attachment["title"])))
        }
        return media
    }

    /// JSON Feed 1.1 `authors`, else 1.0 `author`.
    private static func authors(in object: [String: Any]) -> [RawAuthor] {
        let list = (object["authors"] as? [Any]) ?? [object["author"]].compactMap { $0 }
        return list.compactMap { $0 as? [String: Any] }.compactMap { author in
            let raw = RawAuthor(name: string(author["name"])?.trimmedWhitespace, uri: string(author["url"]))
            return raw.isEmpty ? nil : raw
        }
    }

    private static func avatar(of object: [String: Any]) -> String? {
        let list = (object["authors"] as? [Any]) ?? [object["author"]].compactMap { $0 }
        return list.compactMap { ($0 as? [String: Any]).flatMap { string($0["avatar"]) } }.first { URLResolver.isHTTP($0) }
    }

    private static func string(_ value: Any?) -> String? {
        guard let text = value as? String, !text.trimmedWhitespace.isEmpty else { return nil }
        return text
    }
}
