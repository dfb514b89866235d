import CLibXML2
import Foundation

/// Receives the events of a streaming XML parse.
protocol SAXDelegate: AnyObject {
    /// An element opens; `tag` is `.other` for names the feed builder has no use for.
    func startElement(namespace: XMLNamespace, tag: FeedTag, localName: String, prefix: String?, attributes: XMLAttributes,
                      declaredNamespaces: [XMLNamespace])
    /// The innermost open element closes.
    func endElement()
    /// Character data (text or CDATA), already decoded to UTF-8.
    func characters(_ text: UnsafeBufferPointer<UInt8>)
}

/// Streams a UTF-8 XML document through libxml2's SAX2 push parser in recover mode,
/// with every network and external-entity access refused (DESIGN.md: secure options).
enum SAXParser {
    /// What a parse saw, besides the events.
    struct Outcome {
        /// The first fatal error libxml2 reported, if any (the parse recovered past it).
        var firstError: String?
        /// True when the document had a root element at all.
        var sawRootElement: Bool
        /// False when libxml2 met any well-formedness error (and recovered past it).
        var wellFormed = true
    }

    /// RECOVER to read broken feeds as far as feed readers do; NONET and the refusing entity
    /// loader so nothing outside the document is ever read; IGNORE_ENC because the bytes were
    /// already transcoded to UTF-8. Never NOENT, DTDLOAD, DTDATTR, XINCLUDE or HUGE.
    private static let options: Int32 = Int32(
        XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue
            | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_IGNORE_ENC.rawValue)

    /// Bytes handed to libxml2 per call: the push parser then keeps only a window of the
    /// document in its own buffers, so memory stays flat for large documents.
    private static let chunkSize = 256 * 1024

    /// Parses `utf8`, calling the delegate for every element and text run.
    static func parse(_ utf8: [UInt8], delegate: SAXDelegate) -> Outcome {
        roost_installEntityLoaderGuard()
        // Text delivered may exceed the document only through entity expansion, which
        // `entityBudget` bounds reference by reference; the text budget is a second guard
        // (libxml2 2.9's own checks do not cover expansion into SAX callbacks).
        let budget = 4 * utf8.count + 4 * 1024 * 1024
        let context = SAXContext(delegate: delegate, textBudget: budget, entityBudget: entityBudget(forDocumentOf: utf8.count))
        var handler = makeHandler()
        let unmanaged = Unmanaged.passRetained(context)
        defer { unmanaged.release() }
        // The user data stays the parser context itself, as libxml2's default SAX2 handlers
        // (entity declarations, the internal subset) require; our state rides in `_private`.
        guard let parser = xmlCreatePushParserCtxt(&handler, nil, nil, 0, nil) else {
            return Outcome(firstError: "libxml2 could not create a parser", sawRootElement: false)
        }
        parser.pointee._private = unmanaged.toOpaque()
        context.parser = parser
        defer {
            if let doc = parser.pointee.myDoc { xmlFreeDoc(doc) }
            xmlFreeParserCtxt(parser)
        }
        xmlCtxtUseOptions(parser, options)
        utf8.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else {
                xmlParseChunk(parser, nil, 0, 1)
                return
            }
            var offset = 0
            repeat {
                let length = min(chunkSize, buffer.count - offset)
                let last: Int32 = offset + length >= buffer.count ? 1 : 0
                let status = base.advanced(by: offset).withMemoryRebound(to: CChar.self, capacity: length) {
                    xmlParseChunk(parser, $0, Int32(length), last)
                }
                offset += length
                if status != 0 && parser.pointee.disableSAX != 0 { break }
            } while offset < buffer.count
        }
        return Outcome(firstError: context.firstError, sawRootElement: context.sawRootElement, wellFormed: parser.pointee.wellFormed != 0)
    }

    /// What entity expansion may add to a document of `size` bytes: as much again as the
    /// document, and at least 64 KiB. Entities a feed declares for convenience stay far below;
    /// a "quadratic blowup" (one 60 KB entity referenced thousands of times) no longer turns a
    /// small document into megabytes of text.
    static func entityBudget(forDocumentOf size: Int) -> Int {
        size + 64 * 1024
    }

    /// The SAX2 handler: the default SAX2 entity handling (so entities a document declares
    /// in its internal subset still expand, each reference counted against the entity budget),
    /// and our own element and text callbacks, which build no tree.
    private static func makeHandler() -> xmlSAXHandler {
        var handler = xmlSAXHandler()
        xmlSAXVersion(&handler, 2)
        handler.startElement = nil
        handler.endElement = nil
        handler.reference = nil
        handler.comment = nil
        handler.processingInstruction = nil
        handler.warning = nil
        handler.error = nil
        handler.fatalError = nil
        handler.externalSubset = nil
        handler.getEntity = { ctx, name in
            guard let ctx, let name, let entity = xmlSAX2GetEntity(ctx, name) else { return nil }
            guard entity.pointee.etype == XML_INTERNAL_GENERAL_ENTITY, let context = SAXContext.from(ctx) else { return entity }
            return context.admit(entity, ctx) ? entity : nil
        }
        handler.startElementNs = { ctx, localname, prefix, uri, namespaceCount, namespaces, attributeCount, _, attributes in
            guard let ctx, let localname else { return }
            SAXContext.from(ctx)?.startElement(localname, prefix, uri, XMLAttributes(raw: attributes, count: Int(attributeCount)),
                                               declarations: (namespaces, Int(namespaceCount)))
        }
        handler.endElementNs = { ctx, _, _, _ in
            guard let ctx else { return }
            SAXContext.from(ctx)?.delegate.endElement()
        }
        handler.characters = { ctx, text, length in
            guard let ctx, let text, length > 0, let context = SAXContext.from(ctx) else { return }
            context.textBudget -= Int(length)
            guard context.textBudget >= 0 else {
                context.stop(reason: "entity expansion went past the limit for this document")
                return
            }
            context.delegate.characters(UnsafeBufferPointer(start: text, count: Int(length)))
        }
        handler.cdataBlock = handler.characters
        handler.ignorableWhitespace = handler.characters
        handler.serror = { ctx, error in
            guard let ctx, let error else { return }
            SAXContext.from(ctx)?.record(error.pointee)
        }
        return handler
    }
}

/// The state the C callbacks reach through libxml2's user-data pointer.
private final class SAXContext {
    let delegate: SAXDelegate
    var firstError: String?
    var sawRootElement = false
    /// libxml2 interns names and namespace URIs in its dictionary: one pointer per distinct
    /// string per document, so these caches turn each into Swift values once.
    private var names: [UnsafeRawPointer: (FeedTag, String)] = [:]
    private var prefixes: [UnsafeRawPointer: String] = [:]
    private var namespaces: [UnsafeRawPointer: XMLNamespace] = [:]

    /// Bytes of text the delegate may still receive.
    var textBudget: Int
    /// Bytes of entity replacement text the document may still expand.
    private var entityBudget: Int
    /// The document's parser (callbacks inside an entity get a context of their own).
    var parser: xmlParserCtxtPtr?
    private var stopped = false

    init(delegate: SAXDelegate, textBudget: Int, entityBudget: Int) {
        self.delegate = delegate
        self.textBudget = textBudget
        self.entityBudget = entityBudget
    }

    /// Stops the parse for good, keeping what was delivered so far.
    func stop(reason: String) {
        guard !stopped else { return }
        stopped = true
        if firstError == nil { firstError = reason }
        if let parser { xmlStopParser(parser) }
    }

    /// Whether a reference to `entity` may expand; past the budget it expands to nothing and
    /// the rest of the document is read without expanding any further entity.
    func admit(_ entity: xmlEntityPtr, _ ctx: UnsafeMutableRawPointer) -> Bool {
        entityBudget -= Int(entity.pointee.length)
        guard entityBudget < 0 else { return true }
        // While a document is well-formed libxml2 looks a refused entity up itself, and it
        // expands no reference once it is not (xmlParseEntityRef, xmlParseReference).
        ctx.assumingMemoryBound(to: xmlParserCtxt.self).pointee.wellFormed = 0
        parser?.pointee.wellFormed = 0
        if firstError == nil { firstError = "entity references past the document's expansion limit were left out" }
        return false
    }

    /// The context of a callback whose `ctx` is the parser context.
    static func from(_ pointer: UnsafeMutableRawPointer) -> SAXContext? {
        let parser = pointer.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let state = parser.pointee._private else { return nil }
        return Unmanaged<SAXContext>.fromOpaque(state).takeUnretainedValue()
    }

    func startElement(_ localname: UnsafePointer<xmlChar>, _ prefix: UnsafePointer<xmlChar>?,
                      _ uri: UnsafePointer<xmlChar>?, _ attributes: XMLAttributes,
                      declarations: (UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, Int)) {
        sawRootElement = true
        let (tag, name) = intern(localname)
        var namespace = uri.map(classify) ?? .none
        var declared: [XMLNamespace] = []
        if let list = declarations.0, declarations.1 > 0 {
            for index in 0..<declarations.1 { if let uri = list[index * 2 + 1] { declared.append(classify(uri)) } }
        }
        var prefixName: String?
        if let prefix {
            let key = UnsafeRawPointer(prefix)
            if let known = prefixes[key] {
                prefixName = known
            } else {
                prefixName = String(cString: prefix)
                prefixes[key] = prefixName
            }
        }
        // A well-known prefix the document forgot to declare (`content:encoded` without
        // xmlns:content) still means what everyone uses it for, as feed readers assume.
        if uri == nil, let prefixName { namespace = XMLNamespace(conventionalPrefix: prefixName) }
        delegate.startElement(namespace: namespace, tag: tag, localName: name, prefix: prefixName, attributes: attributes,
                              declaredNamespaces: declared)
    }

    private func classify(_ uri: UnsafePointer<xmlChar>) -> XMLNamespace {
        let key = UnsafeRawPointer(uri)
        if let known = namespaces[key] { return known }
        let namespace = XMLNamespace(uri: String(cString: uri))
        namespaces[key] = namespace
        return namespace
    }

    private func intern(_ localname: UnsafePointer<xmlChar>) -> (FeedTag, String) {
        let key = UnsafeRawPointer(localname)
        if let known = names[key] { return known }
        let name = String(cString: localname)
        let entry = (FeedTag(localName: name), name)
        names[key] = entry
        return entry
    }

    func record(_ error: xmlError) {
        guard firstError == nil, error.level == XML_ERR_FATAL, let message = error.message else { return }
        let text = String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
        firstError = "line \(error.line): \(text)"
    }
}
