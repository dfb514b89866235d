/// Builds an `HTMLTree` from tokens with the essentials of WHATWG tree construction ("in
/// body", simplified): void elements, `p` closed by blocks, implied ends of li/dt/dd/headings,
/// nested `a` closed, table rows and cells implied inside tables (content that is no row or
/// cell gets an implied cell rather than being foster-parented), end tags closing everything
/// up to a matching open element in scope, stray end tags ignored, and a depth cap.
struct HTMLTreeBuilder {
    private var tokenizer: HTMLTokenizer
    var nodes: [HTMLTree.Node] = []
    private var attributes: [HTMLAttribute] = []
    /// Open elements, the root first.
    private(set) var stack: [Int32] = [0]
    /// How many open elements fall in each bucket of their name key: a zero bucket proves an
    /// element is not open, so hostile nesting does not make every tag search the whole stack.
    private var openCounts = [Int32](repeating: 0, count: 256)

    /// A builder over `input`, which must stay valid while it is used.
    init(input: UnsafeBufferPointer<UInt8>) {
        tokenizer = HTMLTokenizer(input: input)
        nodes.reserveCapacity(input.count / 24 + 4)
        attributes.reserveCapacity(input.count / 64 + 4)
        nodes.append(HTMLTree.Node(tag: .unknown, isText: false, parent: -1, start: 0, count: 0, nameKey: 0))
    }

    /// Consumes every token and returns the tree.
    mutating func build() -> HTMLTree {
        loop: while true {
            switch tokenizer.next() {
            case .startTag: startTag()
            case .endTag: endTag()
            case .text: text(tokenizer.text)
            case .comment, .doctype: continue
            case .eof: break loop
            }
        }
        return HTMLTree(nodes: nodes, attributes: attributes, bytes: tokenizer.bytes)
    }

    var current: Int { Int(stack[stack.count - 1]) }

    @inline(__always)
    private static func bucket(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 56)
    }

    /// Opens node `index` (pushes it on the stack).
    mutating func push(_ index: Int) {
        stack.append(Int32(index))
        openCounts[Self.bucket(nodes[index].nameKey)] += 1
    }

    /// Closes the open elements from stack index `index` up.
    mutating func pop(from index: Int) {
        guard index > 0, index < stack.count else { return }
        for position in index..<stack.count {
            openCounts[Self.bucket(nodes[Int(stack[position])].nameKey)] -= 1
        }
        stack.removeSubrange(index...)
    }

    /// Whether an element named `key` may be open (false means it surely is not).
    func mayBeOpen(_ key: UInt64) -> Bool {
        openCounts[Self.bucket(key)] > 0
    }
    var currentTag: HTMLTag { nodes[current].tag }

    // MARK: Text

    /// Adds text, merging with a directly preceding text node when the bytes are adjacent.
    private mutating func text(_ range: Range<Int>) {
        if currentTag.isTableContext || currentTag == .colgroup, !isWhitespace(range) {
            impliedCell()
        }
        let parent = current
        let last = Int(nodes[parent].lastChild)
        if last >= 0, nodes[last].isText, Int(nodes[last].start + nodes[last].count) == range.lowerBound {
            nodes[last].count += Int32(range.count)
            return
        }
        append(HTMLTree.Node(tag: .unknown, isText: true, parent: Int32(parent),
                             start: Int32(range.lowerBound), count: Int32(range.count), nameKey: 0))
    }

    private func isWhitespace(_ range: Range<Int>) -> Bool {
        tokenizer.bytes[range].allSatisfy { HTMLTokenizer.isSpace($0) }
    }

    // MARK: Start tags

    /// Handles a start tag: implied ends first, then the new element.
    private mutating func startTag() {
        let tag = tokenizer.tag
        switch tag {
        case .html, .body, .head:
            return
        case .caption, .colgroup, .col, .thead, .tbody, .tfoot, .tr, .td, .th:
            guard prepareTablePart(tag) else { return }
        default:
            prepareFlowElement(tag)
        }
        insertElement(tag, nameKey: tokenizer.nameKey)
    }

    /// Implied ends for a non-table element, and an implied cell when it lands in a table.
    private mutating func prepareFlowElement(_ tag: HTMLTag) {
        if currentTag.isTableContext || currentTag == .colgroup, !SanitizerPolicy.dropsWithContent(tag) {
            impliedCell()
        }
        if tag.closesParagraph { closeParagraph() }
        switch tag {
        case .li: closeListItem(matching: [.li])
        case .dd, .dt: closeListItem(matching: [.dd, .dt])
        case .h1, .h2, .h3, .h4, .h5, .h6:
            if currentTag.isHeading { pop(from: stack.count - 1) }
        case .a:
            if let open = openIndex(ofKey: tokenizer.nameKey, boundary: { $0.isScopeBoundary }) { pop(from: open) }
        case .option:
            if currentTag == .option { pop(from: stack.count - 1) }
        default:
            break
        }
    }

    /// Closes an open `p` in (simplified) button scope.
    private mutating func closeParagraph() {
        if let open = openIndex(of: .p, boundary: { $0.isScopeBoundary }) { pop(from: open) }
    }

    /// Closes an open list item of one of `tags` unless a list or scope boundary comes first.
    private mutating func closeListItem(matching tags: [HTMLTag]) {
        guard tags.contains(where: { mayBeOpen(HTMLTag.keyTable[Int($0.rawValue)]) }) else { return }
        var index = stack.count - 1
        while index > 0 {
            let tag = nodes[Int(stack[index])].tag
            if tags.contains(tag) {
                pop(from: index)
                return
            }
            if tag == .ul || tag == .ol || tag == .dl || tag.isScopeBoundary { return }
            index -= 1
        }
    }

    /// Adds an element under the current node; opens it unless it is void or too deep.
    private mutating func insertElement(_ tag: HTMLTag, nameKey: UInt64) {
        let start = Int32(attributes.count)
        attributes.append(contentsOf: tokenizer.attributes)
        let index = append(HTMLTree.Node(tag: tag, isText: false, parent: Int32(current), start: start,
                                         count: Int32(tokenizer.attributes.count), nameKey: nameKey))
        // A self-closed `<div/>` stays empty (XHTML, as feeds are often written), unlike in browsers.
        if !tag.isVoid, !tokenizer.selfClosing, stack.count <= HTMLTree.maxDepth { push(index) }
    }

    /// Opens an implied element (no attributes) such as a `tbody` or `tr`.
    mutating func insertImplied(_ tag: HTMLTag) {
        let index = append(HTMLTree.Node(tag: tag, isText: false, parent: Int32(current), start: Int32(attributes.count),
                                         count: 0, nameKey: HTMLTag.keyTable[Int(tag.rawValue)]))
        if stack.count <= HTMLTree.maxDepth { push(index) }
    }

    /// Links `node` as the last child of its parent and returns its index.
    @discardableResult
    private mutating func append(_ node: HTMLTree.Node) -> Int {
        let index = nodes.count
        let parent = Int(node.parent)
        nodes.append(node)
        let last = nodes[parent].lastChild
        if last >= 0 { nodes[Int(last)].nextSibling = Int32(index) } else { nodes[parent].firstChild = Int32(index) }
        nodes[parent].lastChild = Int32(index)
        return index
    }

    /// The stack index of the innermost open `tag`, unless `boundary` stops the search first.
    private func openIndex(of tag: HTMLTag, boundary: (HTMLTag) -> Bool) -> Int? {
        guard mayBeOpen(HTMLTag.keyTable[Int(tag.rawValue)]) else { return nil }
        var index = stack.count - 1
        while index > 0 {
            let open = nodes[Int(stack[index])].tag
            if open == tag { return index }
            if boundary(open) { return nil }
            index -= 1
        }
        return nil
    }

    /// The stack index of the innermost open element named `key`, unless `boundary` stops first.
    private func openIndex(ofKey key: UInt64, boundary: (HTMLTag) -> Bool) -> Int? {
        guard mayBeOpen(key) else { return nil }
        var index = stack.count - 1
        while index > 0 {
            let node = nodes[Int(stack[index])]
            if node.nameKey == key { return index }
            if boundary(node.tag) { return nil }
            index -= 1
        }
        return nil
    }

    // MARK: End tags

    /// Handles an end tag: closes up to the matching open element in scope, else ignores it.
    private mutating func endTag() {
        let tag = tokenizer.tag
        switch tag {
        case .html, .body, .head:
            return
        case .br:
            tokenizer.attributes.removeAll()
            insertElement(.br, nameKey: tokenizer.nameKey)
            return
        default:
            break
        }
        let boundary: (HTMLTag) -> Bool
        if tag.isTablePart || tag == .table {
            boundary = { $0 == .table }
        } else if tag == .li {
            boundary = { $0.isScopeBoundary || $0 == .ul || $0 == .ol }
        } else {
            boundary = { $0.isScopeBoundary }
        }
        if let open = openIndex(ofKey: tokenizer.nameKey, boundary: boundary) { pop(from: open) }
    }
}
