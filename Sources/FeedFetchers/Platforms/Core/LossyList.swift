/// A JSON list of platform items read item by item: an item that does not decode (a post
/// without an id, a field of an unexpected type) is left out instead of failing the whole
/// page, so one odd post never turns a feed unhealthy. Absent or `null` reads as nil.
@propertyWrapper
public struct LossyList<Element: Decodable & Sendable>: Decodable, Sendable {
    public var wrappedValue: [Element]?

    /// A list with the given items.
    public init(wrappedValue: [Element]?) {
        self.wrappedValue = wrappedValue
    }

    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        var items: [Element] = []
        while !container.isAtEnd {
            if let item = try? container.decode(Element.self) {
                items.append(item)
            } else {
                // Step over the item that did not decode.
                _ = try container.decode(Skipped.self)
            }
        }
        wrappedValue = items
    }

    /// Any JSON value, read and dropped.
    private struct Skipped: Decodable {
        init(from decoder: any Decoder) throws {}
    }
}

extension KeyedDecodingContainer {
    /// A missing key or `null` is an absent list, as for any optional member.
    public func decode<Element>(_ type: LossyList<Element>.Type, forKey key: Key) throws -> LossyList<Element> {
        try decodeIfPresent(type, forKey: key) ?? LossyList(wrappedValue: nil)
    }
}

extension LossyList: Equatable where Element: Equatable {}
