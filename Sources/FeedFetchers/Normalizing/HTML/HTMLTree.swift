/// A parsed HTML fragment as an arena: nodes refer to each other by index, element names are
/// `HTMLTag`s (plus a packed key for unknown ones), and all text and attribute values live
/// in one byte buffer. Node 0 is the fragment's root.
struct HTMLTree: Sendable {
    /// An element or a text node.
    struct Node: Sendable {
        /// The element's tag; `unknown` for text and unknown elements.
        var tag: HTMLTag
        /// Whether this is a text node (then `start`/`count` are a range of `bytes`).
        var isText: Bool
        /// Index of the parent; -1 for the root.
        var parent: Int32
        var firstChild: Int32 = -1
        var lastChild: Int32 = -1
        var nextSibling: Int32 = -1
        /// Text: a range of `bytes`. Element: a range of `attributes`.
        var start: Int32
        var count: Int32
        /// The packed name of an element (`HTMLName`).
        var nameKey: UInt64
    }

    /// Deeper elements are not opened: their content is added to the element at this depth,
    /// so no input can make later passes deep or recursive.
    static let maxDepth = 512

    var nodes: [Node]
    var attributes: [HTMLAttribute]
    /// Text and attribute values, as UTF-8.
    var bytes: [UInt8]

    /// Parses `input` (UTF-8) as the content of a `<body>` (see `HTMLTreeBuilder`).
    static func parse(_ input: UnsafeBufferPointer<UInt8>) -> HTMLTree {
        var builder = HTMLTreeBuilder(input: input)
        return builder.build()
    }

    /// Parses a String's UTF-8 (copying it only when it is not contiguous).
    static func parse(_ html: String) -> HTMLTree {
        var html = html
        if let tree = html.utf8.withContiguousStorageIfAvailable({ parse($0) }) { return tree }
        html.makeContiguousUTF8()
        return html.utf8.withContiguousStorageIfAvailable { parse($0) } ?? Array(html.utf8).withUnsafeBufferPointer { parse($0) }
    }

    /// The children of node `index`, in order.
    func children(of index: Int) -> [Int] {
        var result: [Int] = []
        var child = nodes[index].firstChild
        while child >= 0 {
            result.append(Int(child))
            child = nodes[Int(child)].nextSibling
        }
        return result
    }

    /// The decoded text of text node `index` (empty for elements).
    func text(of index: Int) -> String {
        let node = nodes[index]
        guard node.isText else { return "" }
        return String(decoding: bytes[Int(node.start)..<Int(node.start + node.count)], as: UTF8.self)
    }

    /// The decoded value of attribute `name` on element `index`, or nil.
    func attribute(_ name: HTMLAttr, of index: Int) -> String? {
        let node = nodes[index]
        guard !node.isText else { return nil }
        for attribute in attributes[Int(node.start)..<Int(node.start + node.count)] where attribute.name == name {
            return String(decoding: bytes[Int(attribute.start)..<Int(attribute.start + attribute.count)], as: UTF8.self)
        }
        return nil
    }

    /// The depth of the deepest node (the root is 0); for tests.
    func depth() -> Int {
        var deepest = 0
        var depths = [Int](repeating: 0, count: nodes.count)
        for index in 1..<max(nodes.count, 1) {
            depths[index] = depths[Int(nodes[index].parent)] + 1
            deepest = max(deepest, depths[index])
        }
        return deepest
    }

    /// A compact rendering for tests: `<tag>` children `</tag>`, text as is, unknown tags as `<?>`.
    func debugDescription(of index: Int = 0) -> String {
        let node = nodes[index]
        if node.isText { return text(of: index) }
        let inner = children(of: index).map { debugDescription(of: $0) }.joined()
        if index == 0 { return inner }
        let name = node.tag == .unknown ? "?" : node.tag.name
        return node.tag.isVoid ? "<\(name)>" : "<\(name)>\(inner)</\(name)>"
    }
}
