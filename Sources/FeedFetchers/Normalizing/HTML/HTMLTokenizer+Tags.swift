extension HTMLTokenizer {
    /// Reads a start or end tag whose name starts at `position`; `.eof` (and the tag dropped)
    /// when the input ends inside it, as WHATWG's "EOF in tag" says.
    mutating func readTag(isEnd: Bool) -> Kind {
        var name = HTMLName.Accumulator()
        let end = input.count
        let nameStart = position
        while position < end {
            let byte = input[position]
            if Self.isSpace(byte) || byte == 0x2F || byte == 0x3E { break }
            name.add(byte)
            position += 1
        }
        nameKey = name.key(UnsafeBufferPointer(rebasing: input[nameStart..<position]))
        tag = HTMLTag(rawValue: tagTable.lookup(nameKey)) ?? .unknown
        selfClosing = false
        attributes.removeAll(keepingCapacity: true)
        guard readAttributes(keep: !isEnd) else {
            position = end
            return .eof
        }
        if isEnd { return .endTag }
        // `<iframe …/>` and `<script/>` are closed, not raw-text openers: feeds carry XHTML
        // (Atom type="xhtml" is re-serialized XML), where browsers would swallow the rest.
        if selfClosing { return .startTag }
        switch tag {
        case .script, .style, .xmp, .iframe, .noembed, .noframes, .textarea, .title:
            rawTextTag = tag
        default:
            break
        }
        return .startTag
    }

    /// Reads attributes up to and including `>`; false when the input ends first.
    private mutating func readAttributes(keep: Bool) -> Bool {
        let end = input.count
        while true {
            while position < end, Self.isSpace(input[position]) { position += 1 }
            guard position < end else { return false }
            let byte = input[position]
            if byte == 0x3E {
                position += 1
                return true
            }
            if byte == 0x2F {
                position += 1
                if position < end, input[position] == 0x3E {
                    selfClosing = true
                    position += 1
                    return true
                }
                continue
            }
            guard readAttribute(keep: keep) else { return false }
        }
    }

    /// Reads one attribute at `position` (WHATWG: the first character may be `=`; names end at
    /// space, `/`, `>` or `=`); false when the input ends inside a quoted value.
    private mutating func readAttribute(keep: Bool) -> Bool {
        let end = input.count
        var name = HTMLName.Accumulator()
        let nameStart = position
        name.add(input[position])
        position += 1
        while position < end {
            let byte = input[position]
            if Self.isSpace(byte) || byte == 0x2F || byte == 0x3E || byte == 0x3D { break }
            name.add(byte)
            position += 1
        }
        let nameKey = name.key(UnsafeBufferPointer(rebasing: input[nameStart..<position]))
        var scan = position
        while scan < end, Self.isSpace(input[scan]) { scan += 1 }
        guard scan < end, input[scan] == 0x3D else {
            record(nameKey, valueStart: 0, valueEnd: 0, keep: keep)
            return true
        }
        scan += 1
        while scan < end, Self.isSpace(input[scan]) { scan += 1 }
        guard scan < end else {
            position = scan
            return true
        }
        let quote = input[scan]
        if quote == 0x22 || quote == 0x27 {
            guard let close = find(quote, from: scan + 1) else { return false }
            record(nameKey, valueStart: scan + 1, valueEnd: close, keep: keep)
            position = close + 1
            return true
        }
        var stop = scan
        while stop < end, !Self.isSpace(input[stop]), input[stop] != 0x3E { stop += 1 }
        record(nameKey, valueStart: scan, valueEnd: stop, keep: keep)
        position = stop
        return true
    }

    /// Stores a kept attribute's decoded value unless an earlier one had the same name.
    private mutating func record(_ nameKey: UInt64, valueStart: Int, valueEnd: Int, keep: Bool) {
        guard keep else { return }
        let attr = HTMLAttr(rawValue: attrTable.lookup(nameKey)) ?? .other
        guard attr != .other, !attributes.contains(where: { $0.name == attr }) else { return }
        let start = bytes.count
        decodeAttributeValue(valueStart, valueEnd)
        attributes.append(HTMLAttribute(name: attr, start: Int32(start), count: Int32(bytes.count - start)))
    }

    /// Appends the value `input[from..<to]` with character references decoded and NUL → U+FFFD.
    private mutating func decodeAttributeValue(_ from: Int, _ to: Int) {
        var index = from
        var run = from
        while index < to {
            let byte = input[index]
            if byte != 0x26 && byte != 0 {
                index += 1
                continue
            }
            appendInput(run, index)
            if byte == 0 {
                bytes.append(contentsOf: [0xEF, 0xBF, 0xBD])
                index += 1
            } else {
                index = decodeReference(at: index, limit: to, inAttribute: true)
            }
            run = index
        }
        appendInput(run, to)
    }

    /// Reads `<!…` at `position`: a comment, CDATA (whose content becomes text), a doctype or a
    /// bogus comment.
    mutating func readDeclaration() -> Kind? {
        let start = position + 2
        if hasPrefix("--", at: start) {
            skipComment(from: start + 2)
            return .comment
        }
        if hasPrefix("[CDATA[", at: start) {
            let contentStart = start + 7
            let close = findSequence(0x5D, 0x5D, 0x3E, from: contentStart)
            let contentEnd = close ?? input.count
            let textStart = bytes.count
            var run = contentStart
            for index in contentStart..<contentEnd where input[index] == 0 {
                appendInput(run, index)
                run = index + 1
            }
            appendInput(run, contentEnd)
            position = close.map { $0 + 3 } ?? input.count
            text = textStart..<bytes.count
            return text.isEmpty ? nil : .text
        }
        let isDoctype = hasPrefix("doctype", at: start, ignoringCase: true)
        skipBogusComment(from: start)
        return isDoctype ? .doctype : .comment
    }

    /// Skips a comment body starting at `from` (just after `<!--`) through `-->` or `--!>`;
    /// `<!-->` and `<!--->` are empty comments; an unclosed comment runs to the end.
    private mutating func skipComment(from: Int) {
        let end = input.count
        if from < end, input[from] == 0x3E { position = from + 1; return }
        if from + 1 < end, input[from] == 0x2D, input[from + 1] == 0x3E { position = from + 2; return }
        var index = from
        while let dash = find(0x2D, from: index) {
            if dash + 2 < end, input[dash + 1] == 0x2D {
                if input[dash + 2] == 0x3E { position = dash + 3; return }
                if input[dash + 2] == 0x21, dash + 3 < end, input[dash + 3] == 0x3E { position = dash + 4; return }
            }
            index = dash + 1
        }
        position = end
    }

    /// The index of the three-byte sequence `a b c` at or after `from`, or nil.
    func findSequence(_ a: UInt8, _ b: UInt8, _ c: UInt8, from: Int) -> Int? {
        var index = from
        while let hit = find(a, from: index) {
            if hit + 2 < input.count, input[hit + 1] == b, input[hit + 2] == c { return hit }
            index = hit + 1
        }
        return nil
    }

    /// Whether the input at `index` starts with the ASCII `prefix`.
    func hasPrefix(_ prefix: StaticString, at index: Int, ignoringCase: Bool = false) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard index + count <= input.count else { return false }
        let expected = UnsafeBufferPointer(start: prefix.utf8Start, count: count)
        for offset in 0..<count {
            let byte = input[index + offset]
            let want = expected[offset]
            if byte == want { continue }
            if ignoringCase, Self.isAlpha(byte), byte | 0x20 == want | 0x20 { continue }
            return false
        }
        return true
    }
}
