/// The local names of elements the feed builder acts on. Names are interned once per
/// document (libxml2 hands out one pointer per distinct name), so the builder switches on
/// this small enum instead of comparing strings for every element.
enum FeedTag: UInt8, Sendable {
    case other
    // document roots and containers
    case rss, channel, item, items, feed, entry, RDF, image, textinput, textInput, source, author, contributor
    case group, owner, category
    // text fields
    case title, link, description, guid, pubDate, language, ttl, url, id, published, updated, issued, modified
    case created, content, summary, subtitle, tagline, name, uri, email, encoded, creator, date, subject
    case thumbnail, enclosure, logo, icon, info, keywords, managingEditor, webMaster, lastBuildDate
    case player, div, body, fullitem, homepage, about, href, rights, copyright, generator

    /// Interns a local name.
    init(localName: String) {
        self = FeedTag.byName[localName] ?? .other
    }

    private static let byName: [String: FeedTag] = {
        let all: [FeedTag] = [
            .rss, .channel, .item, .items, .feed, .entry, .RDF, .image, .textinput, .textInput, .source, .author,
            .contributor, .group, .owner, .category, .title, .link, .description, .guid, .pubDate, .language, .ttl,
            .url, .id, .published, .updated, .issued, .modified, .created, .content, .summary, .subtitle, .tagline,
            .name, .uri, .email, .encoded, .creator, .date, .subject, .thumbnail, .enclosure, .logo, .icon, .info,
            .keywords, .managingEditor, .webMaster, .lastBuildDate, .player, .div, .body, .fullitem, .homepage,
            .about, .href, .rights, .copyright, .generator,
        ]
        var table: [String: FeedTag] = [:]
        for tag in all { table[String(describing: tag)] = tag }
        return table
    }()
}
