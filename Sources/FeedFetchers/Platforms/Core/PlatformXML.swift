import Foundation

/// One element of an XML document read by `PlatformXML`: its local name, prefix,
/// attributes, own text and child elements. Feed platforms (YouTube, Pinterest, Flickr)
/// need extension elements the feed parser does not keep (`yt:videoId`, `media:description`,
/// `flickr:nsid`), so they read the document as this small tree instead.
struct XMLNode: Sendable, Equatable {
    /// The local name (`videoId` for `yt:videoId`).
    var name: String
    /// The prefix as written, nil when none.
    var prefix: String?
    /// Attribute values by local name (prefixed ones also as `prefix:name`).
    var attributes: [String: String] = [:]
    /// The element's own character data, entities decoded.
    var text: String = ""
    /// The child elements in document order.
    var children: [XMLNode] = []

    /// The first child element named `name` (local name).
    func child(_ name: String) -> XMLNode? {
        children.first { $0.name == name }
    }

    /// Every child element named `name` (local name), in document order.
    func children(_ name: String) -> [XMLNode] {
        children.filter { $0.name == name }
    }

    /// The text of the first child named `name`, trimmed; nil when absent or blank.
    func childText(_ name: String) -> String? {
        child(name)?.trimmedText
    }

    /// The text trimmed of surrounding white space; nil when blank.
    var trimmedText: String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The element at `path` of local names below this one (`["group", "description"]`).
    func descendant(_ path: String...) -> XMLNode? {
        var node = self
        for name in path {
            guard let next = node.child(name) else { return nil }
            node = next
        }
        return node
    }
}

/// Reads a platform's XML answer into an `XMLNode` tree through the project's one XML path
/// (`XMLDocumentReader`: encoding detection, entity repair, libxml2 in recover mode with
/// network and external entities refused).
enum PlatformXML {
    /// The root element of `bytes`; throws when the bytes are no XML at all.
    static func parse(_ bytes: [UInt8], contentType: String? = nil) throws(FeedParseError) -> XMLNode {
        var builder = XMLTreeBuilder()
        try XMLDocumentReader.read(bytes, contentType: contentType) {
            builder = XMLTreeBuilder()
            return builder
        }
        builder.finish()
        guard let root = builder.root else { throw .notXMLOrJSON(detail: "no root element") }
        return root
    }
}

/// Builds the tree from SAX events: one open element per level, closed into its parent.
private final class XMLTreeBuilder: SAXDelegate {
    var root: XMLNode?
    private var open: [XMLNode] = []
    private var texts: [[UInt8]] = []

    func startElement(namespace: XMLNamespace, tag: FeedTag, localName: String, prefix: String?, attributes: XMLAttributes,
                      declaredNamespaces: [XMLNamespace]) {
        var node = XMLNode(name: localName, prefix: prefix)
        attributes.forEach { prefix, name, value in
            if let prefix {
                node.attributes[prefix + ":" + name] = value
                if node.attributes[name] == nil { node.attributes[name] = value }
            } else {
                node.attributes[name] = value
            }
        }
        open.append(node)
        texts.append([])
    }

    func endElement() {
        guard var node = open.popLast(), let text = texts.popLast() else { return }
        node.text = String(decoding: text, as: UTF8.self)
        if open.isEmpty {
            if root == nil { root = node }
        } else {
            open[open.count - 1].children.append(node)
        }
    }

    /// Closes what a truncated document left open, so its root still comes out.
    func finish() {
        while !open.isEmpty { endElement() }
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>) {
        guard !texts.isEmpty else { return }
        texts[texts.count - 1].append(contentsOf: text)
    }
}
