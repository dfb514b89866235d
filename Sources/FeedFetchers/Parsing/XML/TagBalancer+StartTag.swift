/// Reading a start tag's attributes as libxml2 would, and writing a repaired tag when they
/// are not XML: what libxml2 cannot read it drops, and the rest of such a tag became text.
extension TagBalancerPass {
    /// Where a start tag ends, whether it closes itself, and whether it must be rewritten.
    struct StartTagScan {
        var end: Int
        var selfClosing: Bool
        var needsRepair: Bool
    }

    /// Scans attributes from after the name to the tag's end; nil when the document ends
    /// inside the tag. A `<` before `>` ends the tag (libxml2 stops there). `collect` fills
    /// `attributes`, which only a tag to be rewritten needs (a second scan, rarely).
    mutating func scanAttributes(from start: Int, collect: Bool = false) -> StartTagScan? {
        if collect { attributes.removeAll(keepingCapacity: true) }
        var cursor = start
        var needsRepair = false
        while true {
            let spaced = skipSpaces(&cursor)
            guard cursor < bytes.count else { return nil }
            switch bytes[cursor] {
            case MarkupByte.greaterThan:
                return StartTagScan(end: cursor + 1, selfClosing: false, needsRepair: needsRepair)
            case UInt8(ascii: "/") where cursor + 1 < bytes.count && bytes[cursor + 1] == MarkupByte.greaterThan:
                return StartTagScan(end: cursor + 2, selfClosing: true, needsRepair: needsRepair)
            case MarkupByte.lessThan:
                return StartTagScan(end: cursor, selfClosing: false, needsRepair: true)
            default:
                break
            }
            let nameStart = cursor
            while cursor < bytes.count, EntityRepairer.isNameByte(bytes[cursor]) { cursor += 1 }
            // Junk where a name should be, or no space before the attribute: not XML.
            guard cursor > nameStart else {
                needsRepair = true
                cursor += 1
                continue
            }
            if !spaced { needsRepair = true }
            var attribute = ScannedAttribute(name: nameStart..<cursor, value: nil, quote: nil)
            defer { if collect { attributes.append(attribute) } }
            var afterName = cursor
            _ = skipSpaces(&afterName)
            guard afterName < bytes.count, bytes[afterName] == UInt8(ascii: "=") else {
                needsRepair = true  // an HTML boolean attribute (`<video controls>`)
                continue
            }
            cursor = afterName + 1
            _ = skipSpaces(&cursor)
            guard cursor < bytes.count else { return nil }
            let quote = bytes[cursor]
            if quote == MarkupByte.doubleQuote || quote == MarkupByte.singleQuote {
                let end = ByteScan.first(quote, MarkupByte.lessThan, quote, quote, in: bytes, from: cursor + 1, to: bytes.count)
                guard end < bytes.count else { return nil }
                attribute.value = cursor + 1..<end
                attribute.quote = quote
                if bytes[end] == MarkupByte.lessThan {
                    // An unterminated quote runs into the next tag: end the value and the tag here.
                    return StartTagScan(end: end, selfClosing: false, needsRepair: true)
                }
                cursor = end + 1
            } else {
                let valueStart = cursor
                while cursor < bytes.count, !XMLDeclaration.isSpace(bytes[cursor]),
                      bytes[cursor] != MarkupByte.greaterThan, bytes[cursor] != MarkupByte.lessThan { cursor += 1 }
                attribute.value = valueStart..<cursor
                needsRepair = true
            }
        }
    }

    /// The start tag `<name …>` written as XML from `attributes`: every value double-quoted
    /// (a `"` inside written `&quot;`, a `<` written `&lt;`), a missing value empty, junk left out.
    func repairedStartTag(_ name: Range<Int>, selfClosing: Bool) -> [UInt8] {
        var tag: [UInt8] = [MarkupByte.lessThan]
        tag.append(contentsOf: bytes[name])
        for attribute in attributes {
            tag.append(0x20)
            tag.append(contentsOf: bytes[attribute.name])
            tag.append(contentsOf: [UInt8(ascii: "="), MarkupByte.doubleQuote])
            for byte in attribute.value.map({ bytes[$0] }) ?? bytes[0..<0] {
                switch byte {
                case MarkupByte.doubleQuote: tag.append(contentsOf: "&quot;".utf8)
                case MarkupByte.lessThan: tag.append(contentsOf: "&lt;".utf8)
                default: tag.append(byte)
                }
            }
            tag.append(MarkupByte.doubleQuote)
        }
        if selfClosing { tag.append(UInt8(ascii: "/")) }
        tag.append(MarkupByte.greaterThan)
        return tag
    }

    /// Skips XML white space; returns whether there was any.
    private func skipSpaces(_ cursor: inout Int) -> Bool {
        let start = cursor
        while cursor < bytes.count, XMLDeclaration.isSpace(bytes[cursor]) { cursor += 1 }
        return cursor > start
    }
}
