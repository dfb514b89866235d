/// Skipping the DOCTYPE and learning the entities its internal subset declares.
extension EntityRepairer {
    /// After "<!DOCTYPE": skips to the end of the declaration, through the internal subset if
    /// there is one, recording each general entity it declares. Quoted strings are skipped
    /// whole, so a '>' or ']' inside a system literal or entity value does not end anything.
    mutating func skipDoctype(from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case MarkupByte.greaterThan: return index + 1
            case MarkupByte.doubleQuote, MarkupByte.singleQuote: index = skipQuoted(at: index)
            case MarkupByte.openBracket: index = skipInternalSubset(from: index + 1)
            default: index += 1
            }
        }
        return index
    }

    /// Skips markup declarations, comments and PIs up to the subset's closing ']'.
    private mutating func skipInternalSubset(from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            if bytes[index] == MarkupByte.closeBracket { return index + 1 }
            if matches("<!--", at: index) {
                index = indexAfter("-->", from: index + 4)
            } else if matches("<?", at: index) {
                index = indexAfter("?>", from: index + 2)
            } else if matches("<!ENTITY", at: index) {
                index = recordEntity(from: index + 8)
            } else if matches("<!", at: index) {
                index = skipDeclaration(from: index + 2)
            } else {
                index += 1
            }
        }
        return index
    }

    /// After "<!ENTITY": records a general entity's name (parameter entities, "% name", are
    /// not referenced with '&') and skips the rest of the declaration.
    private mutating func recordEntity(from start: Int) -> Int {
        var index = start
        while index < bytes.count, XMLDeclaration.isSpace(bytes[index]) { index += 1 }
        if index < bytes.count, bytes[index] != MarkupByte.percent {
            let nameStart = index
            while index < bytes.count, Self.isNameByte(bytes[index]) { index += 1 }
            if index > nameStart { declared.insert(Array(bytes[nameStart..<index])) }
        }
        return skipDeclaration(from: index)
    }

    /// Skips to just after the '>' ending a markup declaration, stepping over quoted strings.
    private func skipDeclaration(from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case MarkupByte.greaterThan: return index + 1
            case MarkupByte.doubleQuote, MarkupByte.singleQuote: index = skipQuoted(at: index)
            default: index += 1
            }
        }
        return index
    }

    /// Skips a quoted string starting at `index`; an unclosed quote runs to the end.
    private func skipQuoted(at index: Int) -> Int {
        let quote = bytes[index]
        var cursor = index + 1
        while cursor < bytes.count, bytes[cursor] != quote { cursor += 1 }
        return min(cursor + 1, bytes.count)
    }
}
