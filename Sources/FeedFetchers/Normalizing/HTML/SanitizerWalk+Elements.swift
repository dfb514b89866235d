extension SanitizerWalk {
    /// Writes the start tag of kept element `index` with its allowed attributes, records its
    /// media, and applies its layout; false when the element must go with its content (an image
    /// without a usable `src`, an iframe that is no known video player, a stray `source`).
    mutating func writeElement(_ index: Int) -> Bool {
        let node = tree.nodes[index]
        let tag = node.tag
        var source: [UInt8]?
        switch tag {
        case .img, .iframe:
            guard let src = url(of: .src, on: node, rule: .media) else { return false }
            if tag == .iframe, !SanitizerPolicy.isAllowedEmbed(String(decoding: src, as: UTF8.self)) { return false }
            source = src
        case .source:
            let parent = tree.nodes[Int(node.parent)].tag
            guard parent == .video || parent == .audio, let src = url(of: .src, on: node, rule: .media) else { return false }
            source = src
        default:
            break
        }
        layout(tag)
        recordMedia(tag, node: node, source: source)
        html.append(0x3C)
        html.append(contentsOf: HTMLTag.nameTable[Int(tag.rawValue)])
        for position in Int(node.start)..<Int(node.start + node.count) {
            writeAttribute(tree.attributes[position], on: node, source: source)
        }
        html.append(0x3E)
        if tag == .pre, startsWithNewline(node.firstChild) { html.append(0x0A) }
        return true
    }

    /// Writes one attribute if the policy allows it on `node` and its value passes the check.
    private mutating func writeAttribute(_ attribute: HTMLAttribute, on node: HTMLTree.Node, source: [UInt8]?) {
        let rule = SanitizerPolicy.attributeRule(attribute.name, on: node.tag)
        let value: [UInt8]
        switch rule {
        case .none:
            return
        case .boolean:
            html.append(0x20)
            html.append(contentsOf: Self.attributeNames[Int(attribute.name.rawValue)])
            return
        case .text:
            writeName(attribute.name)
            let range = Int(attribute.start)..<Int(attribute.start + attribute.count)
            tree.bytes[range].withUnsafeBufferPointer { HTMLEscaper.appendAttribute($0, to: &html) }
            html.append(0x22)
            return
        case .number:
            value = bytes(of: attribute)
            guard Self.isNumber(value) else { return }
        case .link, .media:
            if attribute.name == .src, let source {
                value = source
            } else if let resolved = url(of: attribute, rule: rule) {
                value = resolved
            } else {
                return
            }
        }
        writeName(attribute.name)
        value.withUnsafeBufferPointer { HTMLEscaper.appendAttribute($0, to: &html) }
        html.append(0x22)
    }

    /// Writes ` name="` of an attribute.
    private mutating func writeName(_ name: HTMLAttr) {
        html.append(0x20)
        html.append(contentsOf: Self.attributeNames[Int(name.rawValue)])
        html.append(0x3D)
        html.append(0x22)
    }

    /// Writes the end tag of a kept element (nothing for void elements).
    mutating func writeEndTag(_ tag: HTMLTag) {
        guard !tag.isVoid else { return }
        html.append(contentsOf: [0x3C, 0x2F])
        html.append(contentsOf: HTMLTag.nameTable[Int(tag.rawValue)])
        html.append(0x3E)
    }

    /// Adds kept images and videos to the lists, each URL once.
    private mutating func recordMedia(_ tag: HTMLTag, node: HTMLTree.Node, source: [UInt8]?) {
        switch tag {
        case .img:
            guard let source else { return }
            let url = String(decoding: source, as: UTF8.self)
            guard seenImages.insert(url).inserted else { return }
            let alt = attribute(.alt, of: node).flatMap { bytes in
                bytes.allSatisfy(PlainTextWriter.isSpace) ? nil : String(decoding: bytes, as: UTF8.self)
            }
            images.append(PostImage(url: url, altText: alt))
        case .iframe:
            if let source { recordVideo(.iframe, source) }
        case .source:
            if let source, tree.nodes[Int(node.parent)].tag == .video { recordVideo(.file, source) }
        case .video:
            if let src = url(of: .src, on: node, rule: .media) { recordVideo(.file, src) }
        default:
            break
        }
    }

    private mutating func recordVideo(_ kind: PostVideo.Kind, _ bytes: [UInt8]) {
        let url = String(decoding: bytes, as: UTF8.self)
        if seenVideos.insert(url).inserted { videos.append(PostVideo(type: kind, url: url)) }
    }

    /// Whether the first child is text starting with a newline (which `<pre>` would swallow).
    private func startsWithNewline(_ child: Int32) -> Bool {
        guard child >= 0 else { return false }
        let node = tree.nodes[Int(child)]
        return node.isText && node.count > 0 && tree.bytes[Int(node.start)] == 0x0A
    }

    /// Attribute names as UTF-8, indexed by raw value.
    static let attributeNames: [[UInt8]] = HTMLAttr.allCases.map { Array($0.name.utf8) }

    /// Digits with an optional leading `-` or trailing `%`, at most 8 bytes.
    static func isNumber(_ value: [UInt8]) -> Bool {
        guard !value.isEmpty, value.count <= 8 else { return false }
        var digits = value[...]
        if digits.first == 0x2D { digits = digits.dropFirst() }
        if digits.last == 0x25 { digits = digits.dropLast() }
        return !digits.isEmpty && digits.allSatisfy { $0 &- 0x30 < 10 }
    }
}
