import Foundation

/// What a YouTube channel page (`/@handle`, `/c/name`, `/user/name`) says about its channel:
/// the `UC…` id, the handle and the avatar (fixtures README: the id is in the canonical link,
/// `<meta itemprop="identifier">`, the RSS alternate link or `"externalId"`).
struct YouTubeChannelPage: Sendable, Equatable {
    /// The channel id, when the page names one.
    var channelId: String?
    /// The channel's handle without `@`.
    var handle: String?
    /// `og:image`: the channel's avatar.
    var imageURL: String?

    /// Reads a page's HTML.
    init(html: String) {
        let head = html.range(of: "</head>").map { html[..<$0.lowerBound] } ?? html[...]
        let links = Self.tags("link", in: head)
        let metas = Self.tags("meta", in: head)
        // In the README's order: canonical link, identifier meta, RSS alternate, then ytInitialData.
        let candidates: [String?] = [
            links.first { $0["rel"]?.lowercased() == "canonical" }?["href"].flatMap(Self.channelId(inURL:)),
            metas.first { $0["itemprop"] == "identifier" }?["content"],
            metas.first { $0["itemprop"] == "channelId" }?["content"],
            links.first { $0["type"]?.lowercased() == "application/rss+xml" }?["href"].flatMap { PlatformQuery.value("channel_id", inURL: $0) },
            Self.jsonString("externalId", in: html),
        ]
        channelId = candidates.lazy.compactMap { $0 }.first(where: YouTubeSource.isChannelId)
        let handleURLs: [String?] = [
            links.first { $0["rel"]?.lowercased() == "alternate" && $0["media"] == "handheld" }?["href"],
            Self.jsonString("vanityChannelUrl", in: html),
            Self.jsonString("canonicalBaseUrl", in: html),
        ]
        handle = handleURLs.lazy.compactMap { $0.flatMap(Self.handle(inURL:)) }.first
        imageURL = metas.first { $0["property"] == "og:image" }?["content"].flatMap { URLResolver.isHTTP($0) ? $0 : nil }
    }

    /// The `UC…` id in a `/channel/UC…` address.
    static func channelId(inURL url: String) -> String? {
        guard let range = url.range(of: "/channel/") else { return nil }
        let id = String(url[range.upperBound...].prefix(24))
        return YouTubeSource.isChannelId(id) ? id : nil
    }

    /// The handle in a `…/@handle` address or path, without `@`.
    static func handle(inURL url: String) -> String? {
        guard let at = url.range(of: "/@") else { return nil }
        let rest = url[at.upperBound...]
        let handle = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != "\"" }
        let decoded = String(handle).removingPercentEncoding ?? String(handle)
        return decoded.isEmpty ? nil : decoded
    }

    /// The attributes of every `<name …>` tag in `html`, entities decoded, names lower-cased.
    static func tags(_ name: String, in html: Substring) -> [[String: String]] {
        var found: [[String: String]] = []
        var rest = html
        while let open = rest.range(of: "<" + name, options: .caseInsensitive) {
            let after = rest[open.upperBound...]
            guard let next = after.first, next == " " || next == "\t" || next == "\n" || next == "/" || next == ">" else {
                rest = after
                continue
            }
            let end = after.firstIndex(of: ">") ?? after.endIndex
            found.append(attributes(in: after[..<end]))
            rest = after[end...]
        }
        return found
    }

    /// `name="value"`, `name='value'` and `name=value` pairs of one tag.
    static func attributes(in tag: Substring) -> [String: String] {
        var attributes: [String: String] = [:]
        var index = tag.startIndex
        func skipSpace() { while index < tag.endIndex, tag[index].isWhitespace || tag[index] == "/" { index = tag.index(after: index) } }
        while true {
            skipSpace()
            guard index < tag.endIndex else { break }
            let nameStart = index
            while index < tag.endIndex, !tag[index].isWhitespace, tag[index] != "=" { index = tag.index(after: index) }
            let name = tag[nameStart..<index].lowercased()
            skipSpace()
            guard index < tag.endIndex, tag[index] == "=" else {
                if !name.isEmpty { attributes[name] = "" }
                continue
            }
            index = tag.index(after: index)
            skipSpace()
            var value: Substring = ""
            if index < tag.endIndex, tag[index] == "\"" || tag[index] == "'" {
                let quote = tag[index]
                let start = tag.index(after: index)
                let close = tag[start...].firstIndex(of: quote) ?? tag.endIndex
                value = tag[start..<close]
                index = close < tag.endIndex ? tag.index(after: close) : close
            } else {
                let start = index
                while index < tag.endIndex, !tag[index].isWhitespace { index = tag.index(after: index) }
                value = tag[start..<index]
            }
            if attributes[name] == nil { attributes[name] = SocialText.decodeEntities(String(value)) }
        }
        return attributes
    }

    /// The string value of `"key":"…"` in the page's embedded JSON (`\/` and `\u0026` undone).
    static func jsonString(_ key: String, in html: String) -> String? {
        guard let range = html.range(of: "\"\(key)\":\"") else { return nil }
        let rest = html[range.upperBound...]
        var value = ""
        var index = rest.startIndex
        while index < rest.endIndex, rest[index] != "\"" {
            if rest[index] == "\\", rest.index(after: index) < rest.endIndex {
                index = rest.index(after: index)
                if rest[index] == "u", let end = rest.index(index, offsetBy: 5, limitedBy: rest.endIndex),
                   let code = UInt32(rest[rest.index(after: index)..<end], radix: 16), let scalar = Unicode.Scalar(code) {
                    value.unicodeScalars.append(scalar)
                    index = end
                    continue
                }
            }
            value.append(rest[index])
            index = rest.index(after: index)
        }
        return value.isEmpty ? nil : value
    }
}
