import Testing
@testable import FeedFetchers

/// RFC 3986 §5 reference resolution and the link-scheme checks used by the sanitizer.
@Suite("URLResolver")
struct URLResolverTests {
    /// RFC 3986 §5.4.1 and §5.4.2 examples against `http://a/b/c/d;p?q`.
    static let rfcExamples: [(String, String)] = [
        ("g:h", "g:h"), ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"),
        ("/g", "http://a/g"), ("//g", "http://g"), ("?y", "http://a/b/c/d;p?y"), ("g?y", "http://a/b/c/g?y"),
        ("#s", "http://a/b/c/d;p?q#s"), ("g#s", "http://a/b/c/g#s"), ("g?y#s", "http://a/b/c/g?y#s"),
        (";x", "http://a/b/c/;x"), ("g;x", "http://a/b/c/g;x"), ("g;x?y#s", "http://a/b/c/g;x?y#s"),
        ("", "http://a/b/c/d;p?q"), (".", "http://a/b/c/"), ("./", "http://a/b/c/"), ("..", "http://a/b/"),
        ("../", "http://a/b/"), ("../g", "http://a/b/g"), ("../..", "http://a/"), ("../../", "http://a/"),
        ("../../g", "http://a/g"), ("../../../g", "http://a/g"), ("../../../../g", "http://a/g"),
        ("/./g", "http://a/g"), ("/../g", "http://a/g"), ("g.", "http://a/b/c/g."), (".g", "http://a/b/c/.g"),
        ("g..", "http://a/b/c/g.."), ("..g", "http://a/b/c/..g"), ("./../g", "http://a/b/g"),
        ("./g/.", "http://a/b/c/g/"), ("g/./h", "http://a/b/c/g/h"), ("g/../h", "http://a/b/c/h"),
        ("g;x=1/./y", "http://a/b/c/g;x=1/y"), ("g;x=1/../y", "http://a/b/c/y"), ("g?y/./x", "http://a/b/c/g?y/./x"),
        ("g?y/../x", "http://a/b/c/g?y/../x"), ("g#s/./x", "http://a/b/c/g#s/./x"), ("g#s/../x", "http://a/b/c/g#s/../x"),
        ("http:g", "http:g"),
    ]

    @Test("resolves the RFC 3986 examples", arguments: rfcExamples)
    func rfcExample(reference: String, expected: String) {
        #expect(URLResolver.resolve(reference, against: "http://a/b/c/d;p?q") == expected)
    }

    @Test("trims surrounding whitespace and drops tabs and newlines inside")
    func whitespace() {
        #expect(URLResolver.resolve("  img/a.png \n", against: "https://example.com/blog/") == "https://example.com/blog/img/a.png")
        #expect(URLResolver.resolve("im\tg/a\n.png", against: "https://example.com/") == "https://example.com/img/a.png")
    }

    @Test("returns absolute references unchanged, even without a base")
    func absolute() {
        #expect(URLResolver.resolve("https://example.com/x?y#z", against: nil) == "https://example.com/x?y#z")
    }

    @Test("gives nil for a relative reference without an absolute base")
    func noBase() {
        #expect(URLResolver.resolve("/x", against: nil) == nil)
        #expect(URLResolver.resolve("x", against: "relative/base") == nil)
    }

    @Test("resolves protocol-relative and host-root references")
    func networkPath() {
        #expect(URLResolver.resolve("//cdn.example.com/a.jpg", against: "https://example.com/p/") == "https://cdn.example.com/a.jpg")
        #expect(URLResolver.resolve("/a.jpg", against: "https://example.com") == "https://example.com/a.jpg")
        #expect(URLResolver.resolve("a.jpg", against: "https://example.com") == "https://example.com/a.jpg")
    }

    @Test("allows only http, https and mailto links", arguments: [
        ("http://x.com", true), ("HTTPS://x.com", true), ("mailto:a@b.c", true), (" https://x.com", true),
        ("javascript:alert(1)", false), ("JaVaScRiPt:alert(1)", false), ("java\tscript:alert(1)", false),
        ("java\nscript:alert(1)", false), ("\u{1}javascript:alert(1)", false), (" \u{E}javascript:x", false),
        ("vbscript:msgbox(1)", false), ("data:text/html,<script>", false), ("file:///etc/passwd", false),
        ("relative/path", false), ("", false),
    ])
    func safeScheme(url: String, safe: Bool) {
        #expect(URLResolver.isSafeLinkScheme(url) == safe)
    }

    @Test("tells http(s) URLs apart", arguments: [
        ("http://x.com/a", true), ("https://x.com", true), ("mailto:a@b.c", false), ("ftp://x.com", false), ("//x.com", false),
    ])
    func http(url: String, isHTTP: Bool) {
        #expect(URLResolver.isHTTP(url) == isHTTP)
    }
}
