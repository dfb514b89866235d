/// The markup the balancer steps over rather than balances: comments, CDATA sections,
/// processing instructions and declarations, and the `<` that starts no markup at all.
extension TagBalancerPass {
    /// Writes a `<` that starts no markup as `&lt;`.
    mutating func escapeLessThan(at index: Int) -> Int {
        guard !open.isEmpty else { return index + 1 }
        replace(index..<index + 1, with: Array("&lt;".utf8))
        return index + 1
    }

    /// Whether anything but white space, comments and processing instructions follows `index`.
    func hasContent(after index: Int) -> Bool {
        var cursor = index
        while cursor < bytes.count {
            if XMLDeclaration.isSpace(bytes[cursor]) {
                cursor += 1
            } else if matches("<!--", at: cursor) {
                cursor = scanner.indexAfter("-->", from: cursor + 4)
            } else if matches("<?", at: cursor) {
                cursor = scanner.indexAfter("?>", from: cursor + 2)
            } else {
                return true
            }
        }
        return false
    }

    /// Skips to just after `terminator`, searching from `after`; records a cut-off construct.
    mutating func skip(from start: Int, past terminator: StaticString, after: Int) -> Int {
        let end = scanner.indexAfter(terminator, from: min(after, bytes.count))
        if end == bytes.count, !endsWith(terminator) { truncated = (start, terminator) }
        return end
    }

    /// Skips a DOCTYPE (through its internal subset) or another `<!` declaration.
    mutating func skipDeclaration(from start: Int) -> Int {
        var repairer = scanner
        let end = repairer.skipDoctype(from: start + 2)
        if end == bytes.count, bytes.last != MarkupByte.greaterThan { truncated = (start, nil) }
        return end
    }

    /// Whether the input ends with `literal`.
    func endsWith(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        return bytes.count >= count && scanner.matches(literal, at: bytes.count - count)
    }

    /// Whether the input at `index` starts with `literal`.
    func matches(_ literal: StaticString, at index: Int) -> Bool {
        scanner.matches(literal, at: index)
    }
}
