/// One depth-first pass over an `HTMLTree` that writes the sanitized HTML and the plain text
/// and collects images, videos and hashtags (SPEC §2), without recursion.
struct SanitizerWalk {
    let tree: HTMLTree
    let baseURL: String?
    var html: [UInt8] = []
    var plain: PlainTextWriter
    var hashtags = HashtagScanner()
    var images: [PostImage] = []
    var videos: [PostVideo] = []
    var seenImages: Set<String> = []
    var seenVideos: Set<String> = []
    /// How many code-like elements (code, pre, kbd, samp) enclose the current node: no hashtags there.
    var codeDepth = 0
    /// What to do when leaving each entered element.
    private var exits: [Exit] = []

    /// What leaving an element does.
    private struct Exit {
        var tag: HTMLTag
        var kept: Bool
    }

    /// A walk over `tree`, resolving URLs against `baseURL`; `singleLine` for titles.
    init(tree: HTMLTree, baseURL: String?, capacity: Int, singleLine: Bool = false) {
        self.tree = tree
        self.baseURL = baseURL
        self.plain = PlainTextWriter(capacity: capacity, singleLine: singleLine)
        html.reserveCapacity(capacity + capacity / 8)
    }

    /// Visits every node in document order.
    mutating func run() {
        let storage = tree.bytes
        storage.withUnsafeBufferPointer { visit(textBytes: $0) }
    }

    /// The walk proper, with the tree's bytes at hand.
    private mutating func visit(textBytes: UnsafeBufferPointer<UInt8>) {
        var index = Int(tree.nodes[0].firstChild)
        while index > 0 {
            let node = tree.nodes[index]
            if node.isText {
                text(node, in: textBytes)
            } else if enter(index) {
                if node.firstChild >= 0 {
                    index = Int(node.firstChild)
                    continue
                }
                exit()
            }
            index = advance(from: index)
        }
    }

    /// The next node after `index` and its subtree, leaving every finished ancestor; 0 at the end.
    private mutating func advance(from start: Int) -> Int {
        var index = start
        while true {
            let next = tree.nodes[index].nextSibling
            if next >= 0 { return Int(next) }
            index = Int(tree.nodes[index].parent)
            if index <= 0 { return 0 }
            exit()
        }
    }

    /// Leaves the innermost entered element.
    private mutating func exit() {
        guard let exit = exits.popLast() else { return }
        if exit.kept { writeEndTag(exit.tag) }
        switch exit.tag {
        case .code, .pre, .kbd, .samp: codeDepth -= 1
        default: break
        }
        layout(exit.tag)
    }

    /// Enters element `index`: writes its start tag if kept; false when its content is skipped.
    private mutating func enter(_ index: Int) -> Bool {
        let node = tree.nodes[index]
        let tag = node.tag
        var kept = false
        switch SanitizerPolicy.rule(for: tag) {
        case .drop:
            return false
        case .unwrap:
            layout(tag)
        case .keep:
            guard writeElement(index) else { return false }
            kept = true
        }
        if tag.isVoid { return false }
        switch tag {
        case .code, .pre, .kbd, .samp: codeDepth += 1
        default: break
        }
        exits.append(Exit(tag: tag, kept: kept))
        return true
    }

    /// Applies `tag`'s plain-text layout at its start or end.
    mutating func layout(_ tag: HTMLTag) {
        switch SanitizerPolicy.layout(of: tag) {
        case .inline: break
        case .cell: plain.space()
        case .line: plain.line()
        case .block: plain.block()
        case .lineBreak: plain.lineBreak()
        }
    }

    /// Writes a text node to the HTML (escaped) and the plain text, and scans it for hashtags.
    private mutating func text(_ node: HTMLTree.Node, in all: UnsafeBufferPointer<UInt8>) {
        let start = Int(node.start)
        let bytes = UnsafeBufferPointer(rebasing: all[start..<start + Int(node.count)])
        let hasHash = HTMLEscaper.appendText(bytes, to: &html)
        if hasHash, codeDepth == 0 {
            hashtags.scan(bytes, before: plain.atBoundary ? nil : plain.lastScalar)
        }
        plain.append(bytes)
    }
}
