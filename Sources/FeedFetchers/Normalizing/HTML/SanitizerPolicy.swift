/// The sanitizer's allow-list (SPEC §2 "Sanitized HTML"): which elements are kept, unwrapped
/// or dropped with their content, which attributes survive on which element and how their
/// values are checked, which embedded players are allowed, and how elements lay out as text.
enum SanitizerPolicy {
    /// What happens to an element.
    enum ElementRule: Sendable {
        /// Kept with its allowed attributes.
        case keep
        /// The tag goes, its children stay (`<font>`, `<section>`, unknown elements).
        case unwrap
        /// The element goes with everything inside it.
        case drop
    }

    /// How an attribute's value is checked before it is written out.
    enum AttributeRule: Sendable {
        /// Not allowed on this element.
        case none
        /// Any text (escaped on output).
        case text
        /// Digits, optionally with a trailing `%` (sizes) or a leading `-` (`ol start`).
        case number
        /// A present/absent flag, written without a value.
        case boolean
        /// A link: resolved, then kept only when http, https or mailto.
        case link
        /// A media address: resolved, then kept only when http or https (no `data:`).
        case media
    }

    /// How an element separates its text from its neighbours in plain text.
    enum TextLayout: Sendable {
        case inline, cell, line, block, lineBreak
    }

    /// The rule for `tag`; iframes and `source` pass further checks in the sanitizer.
    static func rule(for tag: HTMLTag) -> ElementRule {
        switch tag {
        case .a, .abbr, .b, .bdi, .bdo, .blockquote, .br, .caption, .cite, .code, .col, .colgroup, .dd, .del,
             .dfn, .div, .dl, .dt, .em, .figcaption, .figure, .h1, .h2, .h3, .h4, .h5, .h6, .hr, .i, .img, .ins,
             .kbd, .li, .mark, .ol, .p, .pre, .q, .s, .samp, .small, .span, .strong, .sub, .sup, .table, .tbody,
             .td, .tfoot, .th, .thead, .time, .tr, .u, .ul, .var, .wbr, .iframe, .video, .audio, .source:
            .keep
        default:
            dropsWithContent(tag) ? .drop : .unwrap
        }
    }

    /// Elements removed together with everything inside them: scripts, styles, plugins, forms,
    /// document metadata, foreign content (SVG, MathML) and hidden or fallback content.
    static func dropsWithContent(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .script, .style, .template, .object, .embed, .applet, .form, .input, .button, .select, .option,
             .optgroup, .textarea, .noembed, .noframes, .svg, .math, .frameset, .frame, .head, .title, .meta,
             .link, .base, .param, .datalist, .keygen, .dialog, .portal, .canvas, .map, .area, .track:
            true
        default:
            false
        }
    }

    /// How attribute `attr` is checked on `tag`; `.none` when it is dropped. `style`, `class`,
    /// `id`, `on*`, `srcdoc`, `srcset` and every other attribute never get this far.
    static func attributeRule(_ attr: HTMLAttr, on tag: HTMLTag) -> AttributeRule {
        switch (attr, tag) {
        case (.title, _), (.lang, _), (.dir, _): .text
        case (.href, .a): .link
        case (.src, .img), (.src, .video), (.src, .audio), (.src, .source), (.poster, .video): .media
        case (.src, .iframe): .media
        case (.alt, .img), (.datetime, .time), (.datetime, .del), (.datetime, .ins): .text
        case (.width, .img), (.height, .img), (.width, .iframe), (.height, .iframe), (.width, .video),
             (.height, .video), (.colspan, .td), (.colspan, .th), (.rowspan, .td), (.rowspan, .th), (.start, .ol):
            .number
        case (.allowfullscreen, .iframe), (.controls, .video), (.controls, .audio): .boolean
        default: .none
        }
    }

    /// How `tag` lays out in plain text (SPEC §2: blocks apart by a blank line, `<br>` a line
    /// break; list items, rows and terms one per line; cells apart by a space).
    static func layout(of tag: HTMLTag) -> TextLayout {
        switch tag {
        case .br: .lineBreak
        case .li, .dt, .dd, .tr, .caption, .figcaption, .option: .line
        case .td, .th: .cell
        case .p, .div, .blockquote, .h1, .h2, .h3, .h4, .h5, .h6, .ul, .ol, .dl, .pre, .figure, .table, .hr,
             .address, .article, .aside, .center, .details, .fieldset, .footer, .header, .hgroup, .main, .menu,
             .nav, .section, .summary, .search, .listing, .xmp, .plaintext, .dir, .legend, .video, .audio, .iframe:
            .block
        default: .inline
        }
    }

    /// Embedded players SPEC §2 keeps: `(host, path prefix)` of well-known video hosts.
    static let embedHosts: [(host: String, path: String)] = [
        ("www.youtube.com", "/embed/"), ("youtube.com", "/embed/"), ("m.youtube.com", "/embed/"),
        ("www.youtube-nocookie.com", "/embed/"), ("youtube-nocookie.com", "/embed/"),
        ("player.vimeo.com", "/video/"),
        ("www.dailymotion.com", "/embed/"), ("dailymotion.com", "/embed/"), ("geo.dailymotion.com", "/player"),
        ("player.twitch.tv", "/"), ("clips.twitch.tv", "/embed"),
        ("www.facebook.com", "/plugins/video.php"),
        ("www.tiktok.com", "/embed/"),
    ]

    /// Whether absolute `url` is an http(s) embed of a well-known video host: no user info,
    /// no port, exact host (any case), path starting with the host's embed prefix.
    static func isAllowedEmbed(_ url: String) -> Bool {
        guard URLResolver.isHTTP(url) else { return false }
        let parts = URLParts(Array(url.utf8))
        guard let authority = parts.authority else { return false }
        let host = parts[authority]
        guard !host.contains(UInt8(ascii: "@")), !host.contains(UInt8(ascii: ":")) else { return false }
        let lowerHost = String(decoding: host, as: UTF8.self).lowercased()
        let path = parts[parts.path]
        return embedHosts.contains { $0.host == lowerHost && path.starts(with: $0.path.utf8) }
    }
}
