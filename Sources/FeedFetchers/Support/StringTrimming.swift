extension UInt8 {
    /// Space, tab, line feed, carriage return or form feed.
    var isASCIIWhitespace: Bool {
        self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D || self == 0x0C
    }
}

extension Unicode.Scalar {
    /// White space as feeds use it: ASCII white space, NBSP and the Unicode spaces.
    var isFeedWhitespace: Bool {
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        return properties.isWhitespace
    }
}

extension StringProtocol {
    /// The string without leading and trailing white space. Hot in the parser: the common
    /// case, nothing to trim, costs two byte reads.
    var trimmedWhitespace: String {
        let text = Substring(self)
        let bytes = text.utf8
        guard let first = bytes.first, let last = bytes.last else { return "" }
        if first < 0x80 && !first.isASCIIWhitespace && last < 0x80 && !last.isASCIIWhitespace {
            return String(text)
        }
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.isFeedWhitespace }),
              let end = scalars.lastIndex(where: { !$0.isFeedWhitespace }) else { return "" }
        return String(text[start...end])
    }

    /// Runs of white space as one space, trimmed at both ends.
    func collapsingWhitespace() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var pendingSpace = false
        for scalar in unicodeScalars {
            if scalar.isFeedWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            if scalar.value < 0x80 {
                out.append(UInt8(scalar.value))
            } else {
                out.append(contentsOf: UTF8.encode(scalar).map { Array($0) } ?? [])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
