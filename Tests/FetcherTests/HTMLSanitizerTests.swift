import Testing
@testable import FeedFetchers

/// Sanitizes `html` against a fixed base.
private func clean(_ html: String, base: String? = "https://example.com/blog/post/") -> SanitizedHTML {
    HTMLSanitizer.sanitize(html, baseURL: base)
}

@Suite("HTMLSanitizer: keep and drop rules")
struct HTMLSanitizerRuleTests {
    @Test("keeps text formatting, structure and tables as they are", arguments: [
        "<p><b>b</b> <i>i</i> <em>em</em> <strong>s</strong> <u>u</u> <s>s</s> <sub>1</sub><sup>2</sup></p>",
        "<p><small>s</small> <mark>m</mark> <code>c</code> <kbd>k</kbd> <samp>s</samp> <var>v</var> <q>q</q> <cite>c</cite></p>",
        "<blockquote><p>quote</p></blockquote>", "<h1>1</h1><h2>2</h2><h3>3</h3><h4>4</h4><h5>5</h5><h6>6</h6>",
        "<ul><li>a</li><li>b</li></ul>", "<dl><dt>t</dt><dd>d</dd></dl>", "<pre>x  y</pre>", "<p>a<br>b</p><hr>",
        "<figure><img src=\"https://example.com/a.png\"><figcaption>cap</figcaption></figure>",
        "<table><caption>c</caption><thead><tr><th>h</th></tr></thead><tbody><tr><td>d</td></tr></tbody></table>",
        "<div><span>s</span></div>", "<p><abbr title=\"t\">a</abbr> <dfn>d</dfn> <time datetime=\"2024-01-01\">t</time></p>",
    ])
    func keeps(html: String) {
        #expect(clean(html).html == html)
    }

    @Test("drops dangerous elements together with their content", arguments: [
        "script", "style", "template", "object", "applet", "form", "button", "select", "textarea", "noembed",
        "noframes", "svg", "math", "title", "canvas", "dialog", "iframe",
    ])
    func dropsWithContent(tag: String) {
        let result = clean("<div>before<\(tag)>secret</\(tag)>after</div>")
        #expect(result.html == "<div>beforeafter</div>")
        #expect(!result.plainText.contains("secret"))
    }

    @Test("drops void elements that load or run things", arguments: [
        "<embed src=\"https://x.com/a.swf\">", "<input type=\"image\" src=\"https://x.com/a.png\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=https://x.com\">", "<base href=\"https://evil.com/\">",
        "<link rel=\"stylesheet\" href=\"https://x.com/a.css\">", "<param name=\"a\" value=\"b\">",
    ])
    func dropsVoid(html: String) {
        #expect(clean("a\(html)b").html == "ab")
    }

    @Test("unwraps unknown and presentational elements, keeping their children", arguments: [
        ("<font color=red>x</font>", "x"), ("<center><b>x</b></center>", "<b>x</b>"), ("<section><p>x</p></section>", "<p>x</p>"),
        ("<custom-element>x</custom-element>", "x"), ("<picture><img src=\"https://x.com/a.jpg\"></picture>", "<img src=\"https://x.com/a.jpg\">"),
        ("<noscript><img src=\"https://x.com/a.jpg\"></noscript>", "<img src=\"https://x.com/a.jpg\">"), ("<html><body>x</body></html>", "x"),
    ])
    func unwraps(html: String, expected: String) {
        #expect(clean(html).html == expected)
    }

    @Test("removes style, class, id, event handlers, srcdoc and srcset")
    func dropsAttributes() {
        let result = clean("<p style=\"color:red\" class=\"c\" id=\"i\" onclick=\"x()\" title=\"t\" lang=\"en\" dir=\"rtl\">p</p>"
            + "<img src=\"https://x.com/a.jpg\" srcset=\"https://x.com/b.jpg 2x\" onerror=\"x()\" loading=\"lazy\">")
        #expect(result.html == "<p title=\"t\" lang=\"en\" dir=\"rtl\">p</p><img src=\"https://x.com/a.jpg\">")
    }

    @Test("keeps only numeric sizes and spans")
    func numbers() {
        #expect(clean("<img src=\"https://x.com/a.jpg\" width=\"640\" height=\"100%\">").html
            == "<img src=\"https://x.com/a.jpg\" width=\"640\" height=\"100%\">")
        #expect(clean("<img src=\"https://x.com/a.jpg\" width=\"expression(1)\">").html == "<img src=\"https://x.com/a.jpg\">")
        #expect(clean("<table><tr><td colspan=\"2\" rowspan=x>a</td></tr></table>").html
            == "<table><tbody><tr><td colspan=\"2\">a</td></tr></tbody></table>")
        #expect(clean("<ol start=\"-3\"><li>a</li></ol>").html == "<ol start=\"-3\"><li>a</li></ol>")
    }

    @Test("resolves relative links and images against the base")
    func relativeURLs() {
        let result = clean("<a href=\"../other/\">o</a><a href=\"/root\">r</a><img src=\"img/a.png\"><a href=\"#top\">t</a>")
        #expect(result.html == "<a href=\"https://example.com/blog/other/\">o</a><a href=\"https://example.com/root\">r</a>"
            + "<img src=\"https://example.com/blog/post/img/a.png\"><a href=\"https://example.com/blog/post/#top\">t</a>")
    }

    @Test("drops relative links and images when there is no base")
    func noBase() {
        #expect(clean("<a href=\"/x\">x</a><img src=\"/a.png\">", base: nil).html == "<a>x</a>")
    }

    @Test("keeps mailto links but not mailto images")
    func mailto() {
        #expect(clean("<a href=\"mailto:a@b.c\">m</a><img src=\"mailto:a@b.c\">").html == "<a href=\"mailto:a@b.c\">m</a>")
    }

    @Test("keeps iframes of well-known video players only", arguments: [
        ("https://www.youtube.com/embed/abc", true), ("//www.youtube-nocookie.com/embed/abc", true),
        ("https://player.vimeo.com/video/1", true), ("https://www.dailymotion.com/embed/video/x", true),
        ("https://player.twitch.tv/?video=1", true), ("https://www.youtube.com/watch?v=abc", false),
        ("https://www.youtube.com.evil.com/embed/abc", false), ("https://www.youtube.com@evil.com/embed/abc", false),
        ("https://www.youtube.com:8080/embed/abc", false), ("javascript:alert(1)", false), ("https://example.com/embed/", false),
    ])
    func iframes(src: String, kept: Bool) {
        let result = clean("<iframe src=\"\(src)\" width=\"560\" height=\"315\" allowfullscreen srcdoc=\"x\" style=\"x\">fallback</iframe>")
        #expect(result.html.contains("<iframe") == kept)
        #expect(!result.html.contains("srcdoc"))
        #expect(!result.html.contains("fallback"))
    }

    @Test("writes a kept iframe with its allowed attributes")
    func iframeOutput() {
        #expect(clean("<iframe src=\"https://www.youtube.com/embed/abc\" width=\"560\" allowfullscreen></iframe>").html
            == "<iframe src=\"https://www.youtube.com/embed/abc\" width=\"560\" allowfullscreen></iframe>")
    }

    @Test("keeps video and audio with http(s) sources")
    func media() {
        let result = clean("<video controls poster=\"p.jpg\"><source src=\"v.mp4\"><source src=\"data:video/mp4,x\"></video>")
        #expect(result.html == "<video controls poster=\"https://example.com/blog/post/p.jpg\"><source src=\"https://example.com/blog/post/v.mp4\"></video>")
    }

    @Test("drops a source outside video and audio")
    func straySource() {
        #expect(clean("<p><source src=\"https://x.com/a.mp4\">x</p>").html == "<p>x</p>")
    }
}

@Suite("HTMLSanitizer: hostile markup")
struct HTMLSanitizerXSSTests {
    /// Classic filter-evasion vectors (after the OWASP XSS filter evasion cheat sheet).
    static let vectors: [String] = [
        "<script>alert(1)</script>", "<SCRIPT SRC=http://xss.rocks/xss.js></SCRIPT>", "<IMG SRC=\"javascript:alert('XSS');\">",
        "<IMG SRC=JaVaScRiPt:alert('XSS')>", "<a onmouseover=\"alert(document.cookie)\">link</a>",
        "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>", "<IMG SRC=# onmouseover=\"alert('xxs')\">",
        "<IMG SRC=/ onerror=\"alert(String.fromCharCode(88,83,83))\"></img>",
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
        "<a href=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)\">x</a>",
        "<a href=\"&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)\">x</a>",
        "<a href=\"jav\tascript:alert(1);\">x</a>", "<a href=\"jav&#x09;ascript:alert(1);\">x</a>",
        "<a href=\"jav&#x0A;ascript:alert(1);\">x</a>", "<a href=\" &#14;  javascript:alert(1);\">x</a>",
        "<a href=\"javascript&colon;alert(1)\">x</a>", "<a href=\"javas&Tab;cript:alert(1)\">x</a>",
        "<SCRIPT/XSS SRC=\"http://xss.rocks/xss.js\"></SCRIPT>", "<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(\"XSS\")>",
        "<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>", "<SCRIPT SRC=http://xss.rocks/xss.js?< B >",
        "</TITLE><SCRIPT>alert(\"XSS\");</SCRIPT>", "<INPUT TYPE=\"IMAGE\" SRC=\"javascript:alert('XSS');\">",
        "<BODY BACKGROUND=\"javascript:alert('XSS')\">", "<svg/onload=alert('XSS')>",
        "<STYLE>li {list-style-image: url(\"javascript:alert('XSS')\");}</STYLE><UL><LI>XSS</br>",
        "<LINK REL=\"stylesheet\" HREF=\"javascript:alert('XSS');\">",
        "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">",
        "<IFRAME SRC=\"javascript:alert('XSS');\"></IFRAME>", "<iframe src=http://xss.rocks/scriptlet.html <",
        "<FRAMESET><FRAME SRC=\"javascript:alert('XSS');\"></FRAMESET>", "<TABLE BACKGROUND=\"javascript:alert('XSS')\">",
        "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">", "<BASE HREF=\"javascript:alert('XSS');//\">",
        "<OBJECT TYPE=\"text/x-scriptlet\" DATA=\"http://xss.rocks/scriptlet.html\"></OBJECT>",
        "<EMBED SRC=\"data:image/svg+xml;base64,PHN2Zz4=\" AllowScriptAccess=\"always\"></EMBED>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>", "<img src=\"data:image/png;base64,AAAA\">",
        "<a href=\"vbscript:msgbox(1)\">x</a>", "<scr<script>ipt>alert(1)</script>", "<img src=x on error=alert(1)>",
        "<textarea></textarea><script>alert(1)</script></textarea>", "<title><script>alert(1)</script></title>",
        "<!--<script>alert(1)--><script>alert(2)</script>", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<form><button formaction=javascript:alert(1)>x</button></form>", "<template><script>alert(1)</script></template>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>", "<img src=\"https://x.com/a.png\" style=\"x:expression(alert(1))\">",
    ]

    @Test("leaves nothing executable", arguments: vectors)
    func vector(html: String) {
        let output = clean(html).html.lowercased()
        for forbidden in ["<script", "<style", "<svg", "<math", "<object", "<embed", "<form", "<meta", "<base", "<link",
                          "<input", "<button", "<textarea", "<title", "<frame", "<template", "style=", "srcdoc", "href=\"javascript",
                          "href=\"vbscript", "src=\"javascript", "src=\"data", "href=\"data", "onerror=", "onload=", "onmouseover="] {
            #expect(!output.contains(forbidden), "\(forbidden) survived in \(output)")
        }
    }

    @Test("escapes text and attribute values so they cannot break out")
    func escaping() {
        #expect(clean("<p title='a\"b<c>&amp;'>1 &lt; 2 &amp;&amp; 3 &gt; 2</p>").html
            == "<p title=\"a&quot;b&lt;c&gt;&amp;\">1 &lt; 2 &amp;&amp; 3 &gt; 2</p>")
        #expect(clean("&lt;script&gt;alert(1)&lt;/script&gt;").html == "&lt;script&gt;alert(1)&lt;/script&gt;")
        #expect(clean("<xmp><script>alert(1)</script></xmp>").html == "&lt;script&gt;alert(1)&lt;/script&gt;")
    }
}

@Suite("HTMLSanitizer: tree repair")
struct HTMLSanitizerTreeTests {
    @Test("closes and balances tags", arguments: [
        ("<p>a<p>b", "<p>a</p><p>b</p>"), ("<b><i>x</b>y", "<b><i>x</i></b>y"), ("<ul><li>a<li>b</ul>", "<ul><li>a</li><li>b</li></ul>"),
        ("<dl><dt>a<dd>b<dt>c</dl>", "<dl><dt>a</dt><dd>b</dd><dt>c</dt></dl>"), ("<p>a<div>b</div>", "<p>a</p><div>b</div>"),
        ("<h1>a<h2>b", "<h1>a</h1><h2>b</h2>"), ("<a href=\"https://x.com/1\">a<a href=\"https://x.com/2\">b</a>",
        "<a href=\"https://x.com/1\">a</a><a href=\"https://x.com/2\">b</a>"), ("x</b></div></p>y", "xy"),
        ("<div><span>a</div>b", "<div><span>a</span></div>b"), ("a<br/>b</br>c", "a<br>b<br>c"),
        ("<table><tr><td>a<td>b<tr><td>c</table>", "<table><tbody><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></tbody></table>"),
        ("<table>text<b>bold</b></table>", "<table><tbody><tr><td>text<b>bold</b></td></tr></tbody></table>"),
        ("<td>cell</td>", "cell"), ("<div/>x", "<div></div>x"), ("<pre>\nx</pre>", "<pre>\n\nx</pre>"),
    ])
    func repairs(html: String, expected: String) {
        #expect(clean(html).html == expected)
    }

    @Test("flattens nesting past the depth cap without dropping content")
    func deepNesting() {
        let html = String(repeating: "<div>", count: 100_000) + "deep" + String(repeating: "</div>", count: 100_000)
        let tree = HTMLTree.parse(html)
        #expect(tree.depth() <= HTMLTree.maxDepth + 1)
        #expect(clean(html).plainText == "deep")
    }

    @Test("survives hostile input", arguments: [
        String(repeating: "<b>", count: 100_000), String(repeating: "<", count: 100_000),
        String(repeating: "<table><tr><td>", count: 20_000), String(repeating: "<span>", count: 600) + String(repeating: "</x>", count: 50_000),
        String(repeating: "&amp", count: 50_000), "<a href=\"", "<!--", "<script>", "</", "<![CDATA[", "&#x",
    ])
    func hostile(html: String) {
        _ = clean(html)
    }

    @Test("drops NUL and repairs invalid UTF-8 with U+FFFD")
    func invalidBytes() {
        let bytes: [UInt8] = [0x3C, 0x70, 0x3E, 0xFF, 0x41, 0x00, 0x42, 0x3C, 0x2F, 0x70, 0x3E]
        let result = bytes.withUnsafeBufferPointer { HTMLSanitizer.sanitize(utf8: $0, baseURL: nil) }
        #expect(result.html == "<p>\u{FFFD}AB</p>")
        #expect(result.plainText == "\u{FFFD}AB")
    }
}

@Suite("HTMLSanitizer: plain text, media and hashtags")
struct HTMLSanitizerDerivedTests {
    @Test("lays out plain text: blank lines between blocks, line breaks for br, list items and rows")
    func plainLayout() {
        let result = clean("<p>One\n  two</p><p>Three<br>four</p><ul><li>a</li><li>b</li></ul><table><tr><td>1</td><td>2</td></tr></table>")
        #expect(result.plainText == "One two\n\nThree\nfour\n\na\nb\n\n1 2")
    }

    @Test("decodes entities and trims plain text, leaving out dropped content")
    func plainEntities() {
        #expect(clean("  <p> Fish &amp; chips &copy; 2024&nbsp;!</p><script>var x = 1</script><style>p{}</style> ").plainText
            == "Fish & chips © 2024\u{A0}!")
    }

    @Test("takes the fast path for text without markup")
    func plainFastPath() {
        let result = clean("Just text > here,\n\n with #tag")
        #expect(result.html == "Just text &gt; here,\n\n with #tag")
        #expect(result.plainText == "Just text > here, with #tag")
        #expect(result.hashtags == ["tag"])
    }

    @Test("makes titles single-line plain text")
    func titles() {
        #expect(HTMLSanitizer.plainText(fromHTML: "  A <b>bold</b>\n<p>move</p> &amp; more ") == "A bold move & more")
        #expect(HTMLSanitizer.plainText(fromHTML: "AT&T rocks") == "AT&T rocks")
    }

    @Test("lists every kept image once, absolute, with alt text")
    func images() {
        let result = clean("<img src=\"a.png\" alt=\"First\"><img src=\"https://example.com/blog/post/a.png\"><img src=\"b.png\" alt=\" \">"
            + "<img src=\"javascript:x\"><img alt=\"no src\">")
        #expect(result.images == [
            PostImage(url: "https://example.com/blog/post/a.png", altText: "First"),
            PostImage(url: "https://example.com/blog/post/b.png", altText: nil),
        ])
    }

    @Test("lists kept players and video files")
    func videos() {
        let result = clean("<iframe src=\"//www.youtube.com/embed/x\"></iframe><video src=\"/v.mp4\"><source src=\"/w.webm\"></video>"
            + "<audio src=\"/a.mp3\"></audio><iframe src=\"https://evil.com/x\"></iframe>")
        #expect(result.videos == [
            PostVideo(type: .iframe, url: "https://www.youtube.com/embed/x"),
            PostVideo(type: .file, url: "https://example.com/v.mp4"),
            PostVideo(type: .file, url: "https://example.com/w.webm"),
        ])
    }

    @Test("finds hashtags in text but not in attributes, code, URLs or references")
    func hashtags() {
        let result = clean("<p>#Swift is <a href=\"/t#frag\" title=\"#no\">#fun</a>, #swift again, page#anchor, &amp;#123; #123</p>"
            + "<pre>#include</pre><code>#define</code><p>(#日本語) #a_1 http://x.com/#frag</p>")
        #expect(result.hashtags == ["Swift", "fun", "日本語", "a_1"])
    }

    @Test("finds hashtags in plain-text fields", arguments: [
        ("#one #Two #one #two", ["one", "Two"]), ("x#no y", []), ("#1 #2a", ["2a"]), ("&#35;x", []), ("end #é!", ["é"]),
    ])
    func plainHashtags(text: String, expected: [String]) {
        #expect(HTMLSanitizer.hashtags(inPlainText: text) == expected)
    }
}
