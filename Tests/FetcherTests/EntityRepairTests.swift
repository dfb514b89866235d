import Testing
@testable import FeedFetchers

/// Repairs a document given as a String.
private func repaired(_ xml: String) -> String {
    String(decoding: EntityRepair.repair(Array(xml.utf8)), as: UTF8.self)
}

@Suite("EntityRepair")
struct EntityRepairTests {
    @Test("Rewrites references libxml2 cannot resolve", arguments: [
        ("<t>a&nbsp;b</t>", "<t>a&#xA0;b</t>"),
        ("<t>&eacute;&hellip;&AElig;</t>", "<t>&#xE9;&#x2026;&#xC6;</t>"),
        ("<t>&NotEqualTilde;</t>", "<t>&#x2242;&#x338;</t>"),
        ("<t>&AMP;</t>", "<t>&#x26;</t>"),
        ("<t>a & b</t>", "<t>a &amp; b</t>"),
        ("<t>x&</t>", "<t>x&amp;</t>"),
        ("<link>http://e/?a=1&b=2&c</link>", "<link>http://e/?a=1&amp;b=2&amp;c</link>"),
        ("<a href=\"?a=1&b=2\"/>", "<a href=\"?a=1&amp;b=2\"/>"),
        ("<t>testing &doesnotexist; entity</t>", "<t>testing &amp;doesnotexist; entity</t>"),
        ("<t>&nbsp</t>", "<t>&amp;nbsp</t>"),
        ("<t>&#X41;</t>", "<t>&#x41;</t>"),
        ("<t>&#65 x</t>", "<t>&#x41; x</t>"),
        ("<t>&#146;</t>", "<t>&#x2019;</t>"),
        ("<t>&#0;&#xD800;&#99999999;&#xFFFE;</t>", "<t>&#xFFFD;&#xFFFD;&#xFFFD;&#xFFFD;</t>"),
        ("<t>&#;&#x;</t>", "<t>&amp;#;&amp;#x;</t>"),
    ])
    func rewrites(input: String, output: String) {
        #expect(repaired(input) == output)
    }

    @Test("Leaves good references and unparsed sections alone", arguments: [
        "<t>&amp;&lt;&gt;&quot;&apos;&#65;&#x1F600;</t>",
        "<t><![CDATA[a & b &nbsp;]]></t>",
        "<!-- &nbsp; & --><t/>",
        "<?pi a & b ?><t/>",
        "<!DOCTYPE rss [<!ENTITY mine \"x&amp;y\"> <!ENTITY % pe 'q&'> <!-- & --> ]><t>&mine;</t>",
        "<!DOCTYPE rss SYSTEM \"http://e/x.dtd?a&b\"><t/>",
    ])
    func leavesAlone(input: String) {
        #expect(repaired(input) == input)
    }

    @Test("Returns the same bytes when nothing needs repair")
    func noCopy() {
        let input = Array("<rss><t>plain &amp; simple</t></rss>".utf8)
        #expect(sharesStorage(EntityRepair.repair(input), input))
        #expect(EntityRepair.repair([]) == [])
    }

    @Test("Repairs after a DOCTYPE and a CDATA section")
    func afterSkippedSections() {
        #expect(repaired("<!DOCTYPE t [<!ENTITY a 'b'>]><t><![CDATA[&]]>&copy;&a;</t>") == "<!DOCTYPE t [<!ENTITY a 'b'>]><t><![CDATA[&]]>&#xA9;&a;</t>")
    }

    @Test("Unterminated sections run to the end without trapping", arguments: ["<!--", "<![CDATA[&", "<?pi", "<!DOCTYPE [<!ENTITY", "&#", "&#x", "&", "<!DOCTYPE x \"", "<"])
    func unterminated(input: String) {
        _ = repaired(input)
    }

    @Test("Hostile input stays linear: a quarter megabyte of '&' is repaired at once")
    func hostile() {
        let input = [UInt8](repeating: 0x26, count: 1 << 18)
        #expect(EntityRepair.repair(input).count == 5 << 18)
    }
}
