extension SanitizerWalk {
    /// The value of attribute `name` on `node`, or nil.
    func attribute(_ name: HTMLAttr, of node: HTMLTree.Node) -> [UInt8]? {
        for position in Int(node.start)..<Int(node.start + node.count) where tree.attributes[position].name == name {
            return bytes(of: tree.attributes[position])
        }
        return nil
    }

    /// The decoded value of `attribute`.
    func bytes(of attribute: HTMLAttribute) -> [UInt8] {
        Array(tree.bytes[Int(attribute.start)..<Int(attribute.start + attribute.count)])
    }

    /// The checked absolute URL in attribute `name` of `node`, or nil.
    func url(of name: HTMLAttr, on node: HTMLTree.Node, rule: SanitizerPolicy.AttributeRule) -> [UInt8]? {
        for position in Int(node.start)..<Int(node.start + node.count) where tree.attributes[position].name == name {
            return url(of: tree.attributes[position], rule: rule)
        }
        return nil
    }

    /// The attribute's URL made absolute against the base, or nil when it cannot be, or when its
    /// scheme is not allowed: http/https/mailto for `.link`, http/https for `.media`.
    func url(of attribute: HTMLAttribute, rule: SanitizerPolicy.AttributeRule) -> [UInt8]? {
        let value = bytes(of: attribute)
        if Self.isPlainHTTP(value) { return value }
        let text = String(decoding: value, as: UTF8.self)
        guard let resolved = URLResolver.resolve(text, against: baseURL) else { return nil }
        let allowed = rule == .link ? URLResolver.isSafeLinkScheme(resolved) : URLResolver.isHTTP(resolved)
        return allowed ? Array(resolved.utf8) : nil
    }

    /// The common case, taken without building Strings: `http://` or `https://` in lowercase and
    /// no whitespace or control characters anywhere.
    static func isPlainHTTP(_ value: [UInt8]) -> Bool {
        guard value.count > 8, value[0] == 0x68, value[1] == 0x74, value[2] == 0x74, value[3] == 0x70 else { return false }
        let rest = value[4] == 0x73 ? 5 : 4
        guard value[rest] == 0x3A, value[rest + 1] == 0x2F, value[rest + 2] == 0x2F else { return false }
        return !value.contains { $0 <= 0x20 || $0 == 0x7F }
    }
}
