import Testing
@testable import FeedFetchers

/// A token as tests compare it.
private enum TestToken: Equatable, CustomStringConvertible {
    case start(HTMLTag, [String: String], selfClosing: Bool = false)
    case end(HTMLTag)
    case text(String)
    case comment, doctype

    var description: String {
        switch self {
        case let .start(tag, attributes, selfClosing): "<\(tag.name) \(attributes)\(selfClosing ? "/" : "")>"
        case let .end(tag): "</\(tag.name)>"
        case let .text(text): text.debugDescription
        case .comment: "<!---->"
        case .doctype: "<!doctype>"
        }
    }
}

/// All tokens of `html`, text tokens merged.
private func tokens(_ html: String) -> [TestToken] {
    Array(html.utf8).withUnsafeBufferPointer { buffer in
        var tokenizer = HTMLTokenizer(input: buffer)
        var result: [TestToken] = []
        while true {
            let kind = tokenizer.next()
            switch kind {
            case .eof:
                return result
            case .startTag:
                var attributes: [String: String] = [:]
                for attribute in tokenizer.attributes {
                    let range = Int(attribute.start)..<Int(attribute.start + attribute.count)
                    attributes[attribute.name.name] = String(decoding: tokenizer.bytes[range], as: UTF8.self)
                }
                result.append(.start(tokenizer.tag, attributes, selfClosing: tokenizer.selfClosing))
            case .endTag:
                result.append(.end(tokenizer.tag))
            case .text:
                let text = String(decoding: tokenizer.bytes[tokenizer.text], as: UTF8.self)
                if case let .text(previous)? = result.last {
                    result[result.count - 1] = .text(previous + text)
                } else {
                    result.append(.text(text))
                }
            case .comment:
                result.append(.comment)
            case .doctype:
                result.append(.doctype)
            }
        }
    }
}

/// The text of `html`'s text tokens, concatenated.
private func decodedText(_ html: String) -> String {
    tokens(html).map { if case let .text(text) = $0 { text } else { "" } }.joined()
}

@Suite("HTMLTokenizer")
struct HTMLTokenizerTests {
    @Test("reads start tags, end tags and text")
    func basics() {
        #expect(tokens("<p>Hi <B>there</b></P>") == [
            .start(.p, [:]), .text("Hi "), .start(.b, [:]), .text("there"), .end(.b), .end(.p),
        ])
    }

    @Test("reads quoted, unquoted and missing attribute values")
    func attributes() {
        #expect(tokens("<img src=a.png alt='x y' title=\"q\" width>") == [
            .start(.img, ["src": "a.png", "alt": "x y", "title": "q", "width": ""]),
        ])
    }

    @Test("keeps the first of duplicate attributes")
    func duplicates() {
        #expect(tokens("<a href=\"/1\" HREF=\"/2\">") == [.start(.a, ["href": "/1"])])
    }

    @Test("does not store attributes the sanitizer never keeps")
    func droppedAttributes() {
        #expect(tokens("<a onclick=\"x\" style=\"y\" class=z href=h>") == [.start(.a, ["href": "h"])])
    }

    @Test("splits `on error=` into two attributes, neither stored")
    func spacedEventHandler() {
        #expect(tokens("<img src=x on error=alert(1)>") == [.start(.img, ["src": "x"])])
    }

    @Test("notes self-closing tags")
    func selfClosing() {
        #expect(tokens("<br/><img src=x />") == [.start(.br, [:], selfClosing: true), .start(.img, ["src": "x"], selfClosing: true)])
    }

    @Test("skips script and style content up to their end tag, in any case and with trailing space")
    func rawText() {
        #expect(tokens("<script>if (a < b) { x = '</p>' }</SCRIPT >after") == [.start(.script, [:]), .end(.script), .text("after")])
        #expect(tokens("<style>p { color: red }</style>") == [.start(.style, [:]), .end(.style)])
        #expect(tokens("<script>never closed <b>") == [.start(.script, [:])])
    }

    @Test("reads textarea and title content as text with references decoded")
    func rcdata() {
        #expect(tokens("<title>a <b> &amp; c</title>") == [.start(.title, [:]), .text("a <b> & c"), .end(.title)])
    }

    @Test("reads `<scr<script>ipt>` as an unknown tag and text")
    func nestedScriptName() {
        let result = tokens("<scr<script>ipt>alert(1)</script>")
        #expect(result.first == .start(.unknown, [:]))
        #expect(result.contains(.text("ipt>alert(1)")))
    }

    @Test("skips comments, doctypes and bogus comments")
    func comments() {
        #expect(tokens("a<!-- <script> -->b<!DOCTYPE html>c<?xml x?>d<!-->e</3>f") == [
            .text("a"), .comment, .text("b"), .doctype, .text("c"), .comment, .text("d"), .comment, .text("e"), .comment, .text("f"),
        ])
    }

    @Test("turns CDATA sections into text")
    func cdata() {
        #expect(tokens("<![CDATA[<b>x</b>]]>") == [.text("<b>x</b>")])
    }

    @Test("keeps a `<` that opens no tag as text")
    func looseLessThan() {
        #expect(decodedText("a < b <3 c <") == "a < b <3 c <")
    }

    @Test("decodes character references", arguments: [
        ("&amp;&lt;&gt;&quot;&apos;", "&<>\"'"), ("&nbsp;", "\u{A0}"), ("&#233;&#xE9;&#XE9;", "ééé"),
        ("&copy 2024", "© 2024"), ("&notit;", "¬it;"), ("&notin;", "∉"), ("&hellip;", "…"), ("&NotEqualTilde;", "≂̸"),
        ("&#0;", "\u{FFFD}"), ("&#xD800;", "\u{FFFD}"), ("&#x110000;", "\u{FFFD}"), ("&#99999999999;", "\u{FFFD}"),
        ("&#128;", "€"), ("&#150;", "–"), ("&#65", "A"), ("&bogus;", "&bogus;"), ("& x", "& x"), ("&#;", "&#;"), ("&#x;", "&#x;"),
    ])
    func references(html: String, expected: String) {
        #expect(decodedText(html) == expected)
    }

    @Test("decodes legacy references in attributes only when no `=` or alphanumeric follows")
    func attributeReferences() {
        #expect(tokens("<a href=\"?a=1&copy=2&amp;b=3&copy;\">") == [.start(.a, ["href": "?a=1&copy=2&b=3©"])])
    }

    @Test("drops NUL in text and makes it U+FFFD in attributes")
    func nul() {
        #expect(tokens("a\u{0}b<a title=\"x\u{0}y\">") == [.text("ab"), .start(.a, ["title": "x\u{FFFD}y"])])
    }

    @Test("drops a tag the input ends inside")
    func eofInTag() {
        #expect(tokens("text<a href=\"x") == [.text("text")])
        #expect(tokens("text<img src=x") == [.text("text")])
    }

    @Test("consumes hostile input in one pass", arguments: [
        String(repeating: "<", count: 50_000), String(repeating: "<!--", count: 50_000),
        String(repeating: "<a b=\"", count: 20_000), String(repeating: "&#", count: 50_000),
        String(repeating: "</", count: 50_000), String(repeating: "<script>", count: 20_000),
    ])
    func hostile(html: String) {
        _ = tokens(html)
    }
}
