extension UInt8 {
    /// Space, tab, line feed, carriage return or form feed.
    var isASCIIWhitespace: Bool {
        self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D || self == 0x0C
    }
}

extension StringProtocol {
    /// The string without leading and trailing white space (ASCII white space and U+00A0).
    var trimmedWhitespace: String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
