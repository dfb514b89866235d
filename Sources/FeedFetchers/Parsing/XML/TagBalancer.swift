#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Gives a broken document a well-formed element structure before libxml2 reads it, as
/// browsers and feed readers read broken markup (SPEC §2: an unclosed tag is recovered from).
/// libxml2's own recovery closes the innermost element at every mismatched end tag, so one
/// unclosed `<b>` in a description shifts every later end tag by one: no entry ever closed and
/// the whole feed came out empty. Here, in one pass over the tags:
/// - an end tag naming an element further down first closes the elements above it;
/// - an end tag naming no open element is dropped (after forgiving ASCII case);
/// - an `item`/`entry` start tag closes an open item or entry, and a feed field's start tag
///   closes an unclosed sibling field (`FeedFieldName`);
/// - HTML void elements (`<br>`, `<img …>`) inside a field are written self-closed;
/// - unquoted and missing attribute values are quoted, a `<` in a value escaped;
/// - a `<` that starts no markup (`a < b` in raw HTML) is escaped: libxml2's push parser
///   stops at it for good;
/// - the root element's end tag waits for the end of the document when content follows it;
/// - what is still open at the end (a truncated document) is closed.
/// Comments, CDATA sections, processing instructions and the DOCTYPE are skipped whole.
enum TagBalancer {
    /// Past this depth the rest is left as written: libxml2 goes no deeper than 256 levels
    /// without the HUGE option, which Roost never sets.
    static let maximumDepth = 256

    /// The balanced document, or nil when nothing needed repair.
    static func balanced(_ utf8: [UInt8]) -> [UInt8]? {
        utf8.withUnsafeBufferPointer { bytes -> [UInt8]? in
            var pass = TagBalancerPass(bytes)
            pass.run()
            return pass.finished()
        }
    }
}

/// One balancing pass: the open elements as a stack of name ranges into the input, and the
/// output, copied only from the first repair on.
struct TagBalancerPass {
    /// An open element: its qualified name in the input and what a feed makes of it.
    struct OpenElement {
        var name: Range<Int>
        var kind: FeedFieldName.Kind
    }

    /// An attribute as scanned: its name, its value (without quotes) and how it was written.
    struct ScannedAttribute {
        var name: Range<Int>
        var value: Range<Int>?
        var quote: UInt8?
    }

    let bytes: UnsafeBufferPointer<UInt8>
    /// The entity repairer's scanning helpers over the same bytes (it repairs nothing here).
    let scanner: EntityRepairer
    private var output: [UInt8] = []
    private var repaired = false
    private var copied = 0
    /// Open elements, outermost first.
    var open: [OpenElement] = []
    /// Indices in `open` of the feed containers (channel, feed, item, entry), innermost last.
    var containers: [Int] = []
    /// Indices in `open` of the items and entries.
    var entries: [Int] = []
    /// The attributes of the start tag being read (reused from tag to tag).
    var attributes: [ScannedAttribute] = []
    /// Where a construct cut off by the end of the document begins, and what would end it.
    var truncated: (start: Int, terminator: StaticString?)?
    /// Set once the document is too deep: the rest is copied as written.
    private var gaveUp = false

    /// A pass over `bytes`.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        self.scanner = EntityRepairer(bytes)
    }

    /// Reads every tag, then closes what is still open.
    mutating func run() {
        guard let base = bytes.baseAddress else { return }
        var index = 0
        while index < bytes.count, !gaveUp {
            guard let found = memchr(base + index, Int32(MarkupByte.lessThan), bytes.count - index) else { break }
            index = step(at: base.distance(to: found.assumingMemoryBound(to: UInt8.self)))
        }
        if !gaveUp { finishDocument() }
    }

    /// The repaired document, or nil when nothing changed.
    mutating func finished() -> [UInt8]? {
        guard repaired else { return nil }
        output.append(contentsOf: bytes[copied...])
        return output
    }

    /// At '<': reads one construct and returns the index after it.
    private mutating func step(at index: Int) -> Int {
        let next = index + 1
        guard next < bytes.count else { return escapeLessThan(at: index) }
        switch bytes[next] {
        case UInt8(ascii: "!"):
            if matches("<!--", at: index) { return skip(from: index, past: "-->", after: index + 4) }
            if matches("<![CDATA[", at: index) { return skip(from: index, past: "]]>", after: index + 9) }
            // A declaration belongs before the root; inside it, `<!` is text.
            return open.isEmpty ? skipDeclaration(from: index) : escapeLessThan(at: index)
        case UInt8(ascii: "?"):
            return skip(from: index, past: "?>", after: index + 2)
        case UInt8(ascii: "/"):
            return endTag(at: index)
        default:
            return EntityRepairer.isNameStart(bytes[next]) ? startTag(at: index) : escapeLessThan(at: index)
        }
    }

    /// After an end tag's name: closes the element it names, the elements above it first.
    private mutating func endTag(at start: Int) -> Int {
        var cursor = start + 2
        while cursor < bytes.count, EntityRepairer.isNameByte(bytes[cursor]) { cursor += 1 }
        let name = start + 2..<cursor
        while cursor < bytes.count, XMLDeclaration.isSpace(bytes[cursor]) { cursor += 1 }
        guard cursor < bytes.count else {
            truncated = (start, nil)
            return bytes.count
        }
        guard !name.isEmpty else { return escapeLessThan(at: start) }
        let end = bytes[cursor] == MarkupByte.greaterThan ? cursor + 1 : cursor
        close(named: name, tag: start..<end)
        return end
    }

    private mutating func close(named name: Range<Int>, tag: Range<Int>) {
        let bytes = self.bytes
        let exact = open.lastIndex { Self.sameName($0.name, name, in: bytes) }
        guard let index = exact ?? open.lastIndex(where: { Self.sameName($0.name, name, in: bytes, ignoringCase: true) }) else {
            replace(tag, with: [])  // closes nothing that is open: a stray end tag, as browsers drop it
            return
        }
        if index == 0, hasContent(after: tag.upperBound) {
            replace(tag, with: [])  // the root closes too early: what follows still belongs to it
            return
        }
        if exact == nil {
            replace(tag, with: closers(from: index))
        } else if index < open.count - 1 {
            replace(tag.lowerBound..<tag.lowerBound, with: closers(from: index + 1))
        }
        pop(to: index)
    }

    /// After a start tag's name: closes what it implies, repairs the tag if needed, opens it.
    private mutating func startTag(at start: Int) -> Int {
        var cursor = start + 1
        while cursor < bytes.count, EntityRepairer.isNameByte(bytes[cursor]) { cursor += 1 }
        let name = start + 1..<cursor
        guard let tag = scanAttributes(from: cursor) else {
            truncated = (start, nil)
            return bytes.count
        }
        let kind = FeedFieldName.kind(qualifiedName: UnsafeBufferPointer(rebasing: bytes[name]))
        closeImplied(before: start, opening: kind)
        let void = !tag.selfClosing && isInsideField && FeedFieldName.isHTMLVoid(UnsafeBufferPointer(rebasing: bytes[name]))
        if tag.needsRepair || void {
            if tag.needsRepair { _ = scanAttributes(from: cursor, collect: true) } else { attributes.removeAll(keepingCapacity: true) }
            replace(start..<tag.end, with: repairedStartTag(name, selfClosing: tag.selfClosing || void))
        }
        if !tag.selfClosing && !void { push(OpenElement(name: name, kind: kind)) }
        return tag.end
    }

    /// An item or entry closes the open one (they never nest); a field closes an unclosed
    /// sibling field of the same container (an unclosed `<title>` before `<description>`).
    private mutating func closeImplied(before start: Int, opening kind: FeedFieldName.Kind) {
        if kind.contains(.entry), let entry = entries.last {
            replace(start..<start, with: closers(from: entry))
            pop(to: entry)
            return
        }
        guard !kind.isEmpty, let container = containers.last, container + 1 < open.count else { return }
        let field = open[container + 1].kind
        if (field.contains(.textField) && kind.contains(.closesTextField))
            || (field.contains(.markupField) && kind.contains(.closesMarkupField)) {
            replace(start..<start, with: closers(from: container + 1))
            pop(to: container + 1)
        }
    }

    /// Whether the next element opens inside a field of a feed container (where HTML is).
    private var isInsideField: Bool {
        guard let container = containers.last, container + 1 < open.count else { return false }
        return open[container + 1].kind.rawValue & (FeedFieldName.Kind.textField.rawValue | FeedFieldName.Kind.markupField.rawValue) != 0
    }

    private mutating func push(_ element: OpenElement) {
        guard open.count < TagBalancer.maximumDepth else {
            gaveUp = true
            return
        }
        if element.kind.contains(.container) { containers.append(open.count) }
        if element.kind.contains(.entry) { entries.append(open.count) }
        open.append(element)
    }

    /// Pops `open[index...]`.
    private mutating func pop(to index: Int) {
        if index == open.count - 1 { open.removeLast() } else { open.removeSubrange(index...) }
        while let last = containers.last, last >= index { containers.removeLast() }
        while let last = entries.last, last >= index { entries.removeLast() }
    }

    /// End tags for `open[index...]`, innermost first.
    private func closers(from index: Int) -> [UInt8] {
        var closing: [UInt8] = []
        for element in open[index...].reversed() {
            closing.append(contentsOf: [MarkupByte.lessThan, UInt8(ascii: "/")])
            closing.append(contentsOf: bytes[element.name])
            closing.append(MarkupByte.greaterThan)
        }
        return closing
    }

    /// At the end: ends a cut-off comment or CDATA section (a cut-off tag is dropped), then
    /// closes every open element, so that a truncated document still yields its last entry.
    private mutating func finishDocument() {
        var ending: [UInt8] = []
        var cut = bytes.count
        if let truncated {
            if let terminator = truncated.terminator {
                ending.append(contentsOf: UnsafeBufferPointer(start: terminator.utf8Start, count: terminator.utf8CodeUnitCount))
            } else {
                cut = truncated.start
            }
        }
        guard !open.isEmpty else { return }
        ending.append(contentsOf: closers(from: 0))
        replace(cut..<bytes.count, with: ending)
        pop(to: 0)
    }

    /// Whether two names in the input are equal (optionally ignoring ASCII case).
    private static func sameName(_ lhs: Range<Int>, _ rhs: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>,
                                 ignoringCase: Bool = false) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for offset in 0..<lhs.count {
            let left = bytes[lhs.lowerBound + offset], right = bytes[rhs.lowerBound + offset]
            if left != right && !(ignoringCase && left | 0x20 == right | 0x20 && (left | 0x20) >= 0x61 && (left | 0x20) <= 0x7A) {
                return false
            }
        }
        return true
    }

    /// Replaces `range` of the input with `replacement` in the output.
    mutating func replace(_ range: Range<Int>, with replacement: [UInt8]) {
        if !repaired {
            repaired = true
            output.reserveCapacity(bytes.count + bytes.count / 64 + 64)
        }
        output.append(contentsOf: bytes[copied..<range.lowerBound])
        output.append(contentsOf: replacement)
        copied = range.upperBound
    }
}
