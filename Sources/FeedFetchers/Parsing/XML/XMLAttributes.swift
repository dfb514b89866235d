import CLibXML2
import Foundation

/// A read-only view of one element's attributes as libxml2's SAX2 hands them over
/// (five pointers each: local name, prefix, URI, value start, value end). Strings are made
/// only for the attributes asked for.
struct XMLAttributes {
    private let raw: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    /// How many attributes the element has.
    let count: Int

    init(raw: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, count: Int) {
        self.raw = raw
        self.count = max(0, count)
    }

    /// The value of the attribute with this local name and no namespace, e.g. `href`.
    func value(_ localName: StaticString) -> String? {
        value(localName, namespaceURI: nil)
    }

    /// The value of `xml:base`, `xml:lang` and the like.
    func xmlValue(_ localName: StaticString) -> String? {
        value(localName, namespaceURI: "http://www.w3.org/XML/1998/namespace")
    }

    /// The value of an `rdf:` attribute such as `rdf:about`.
    func rdfValue(_ localName: StaticString) -> String? {
        value(localName, namespaceURI: "http://www.w3.org/1999/02/22-rdf-syntax-ns#")
    }

    /// Calls `body` with every attribute's prefix, local name and value, in document order.
    func forEach(_ body: (_ prefix: String?, _ localName: String, _ value: String) -> Void) {
        guard let raw else { return }
        for index in 0..<count {
            let slot = raw + index * 5
            guard let local = slot[0] else { continue }
            let prefix = slot[1].map { String(cString: $0) }
            body(prefix, String(cString: local), Self.decodedValue(slot[3], slot[4]))
        }
    }

    private func value(_ localName: StaticString, namespaceURI: StaticString?) -> String? {
        guard let raw else { return nil }
        for index in 0..<count {
            let slot = raw + index * 5
            guard let local = slot[0], Self.equal(local, localName) else { continue }
            if let namespaceURI {
                guard let uri = slot[2], Self.equal(uri, namespaceURI) else { continue }
            } else if slot[2] != nil {
                continue
            }
            return Self.decodedValue(slot[3], slot[4])
        }
        return nil
    }

    private static func equal(_ cString: UnsafePointer<xmlChar>, _ literal: StaticString) -> Bool {
        literal.withUTF8Buffer { expected in
            for (offset, byte) in expected.enumerated() where cString[offset] != byte { return false }
            return cString[expected.count] == 0
        }
    }

    /// libxml2 without entity substitution leaves `&amp;` in attribute values as `&#38;`
    /// for a later decoding pass (xmlParseAttValueComplex); this is that pass.
    private static func decodedValue(_ start: UnsafePointer<xmlChar>?, _ end: UnsafePointer<xmlChar>?) -> String {
        guard let start, let end, end > start else { return "" }
        let bytes = UnsafeBufferPointer(start: start, count: end - start)
        let value = String(decoding: bytes, as: UTF8.self)
        guard bytes.contains(UInt8(ascii: "&")) else { return value }
        return value.replacingAmpersandReferences()
    }
}

extension String {
    /// Replaces each `&#38;` with `&`.
    fileprivate func replacingAmpersandReferences() -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        var rest = self[...]
        while let range = rest.range(of: "&#38;") {
            out += rest[..<range.lowerBound]
            out += "&"
            rest = rest[range.upperBound...]
        }
        out += rest
        return out
    }
}
