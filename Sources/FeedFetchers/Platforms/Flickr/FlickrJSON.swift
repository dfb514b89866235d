import Foundation

/// Reads Flickr's `format=json` feed, which is not valid JSON (fixtures README): `'` is
/// escaped as `\'`, and without `nojsoncallback=1` the object is wrapped in `jsonFlickrFeed(…)`.
enum FlickrJSON {
    /// Whether `bytes` look like the JSON or JSONP form rather than XML.
    static func looksLikeJSON(_ bytes: [UInt8]) -> Bool {
        guard let start = bytes.firstIndex(where: { !isSpace($0) && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }) else { return false }
        return bytes[start] == UInt8(ascii: "{") || bytes[start...].starts(with: "jsonFlickrFeed(".utf8)
    }

    /// Decodes the feed, or says why it could not.
    static func decode(_ bytes: [UInt8]) throws(PlatformError) -> FlickrJSONFeed {
        do {
            return try JSONDecoder().decode(FlickrJSONFeed.self, from: Data(cleaned(bytes)))
        } catch {
            throw .failed("Flickr answered with a JSON feed Roost could not read: \(PlatformClient.describe(error))")
        }
    }

    /// The JSON inside a `jsonFlickrFeed(…)` wrapper, with each `\'` turned into `'`
    /// (an escaped backslash before a quote, `\\'`, stays as it is).
    static func cleaned(_ bytes: [UInt8]) -> [UInt8] {
        var body = bytes[...]
        if let open = body.firstIndex(of: UInt8(ascii: "(")), let brace = body.firstIndex(of: UInt8(ascii: "{")), open < brace,
           let close = body.lastIndex(of: UInt8(ascii: ")")), close > open {
            body = body[(open + 1)..<close]
        }
        var out: [UInt8] = []
        out.reserveCapacity(body.count)
        var index = body.startIndex
        while index < body.endIndex {
            let byte = body[index]
            let next = index + 1 < body.endIndex ? body[index + 1] : nil
            if byte == UInt8(ascii: "\\"), let next {
                if next != UInt8(ascii: "'") { out.append(byte) }
                out.append(next)
                index += 2
            } else {
                out.append(byte)
                index += 1
            }
        }
        return out
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
