/// Builds URL query strings the way platform APIs expect them: values percent-encoded
/// (RFC 3986 unreserved characters kept, a space as `%20`), pairs in the given order.
public enum PlatformQuery {
    /// `name=value&...`, every name and value encoded.
    public static func encode(_ pairs: [(String, String)]) -> String {
        pairs.map { escape($0.0) + "=" + escape($0.1) }.joined(separator: "&")
    }

    /// A path segment or query value with everything but `A-Z a-z 0-9 - . _ ~` and `keep` percent-encoded.
    public static func escape(_ text: String, keeping keep: Set<UInt8> = []) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isUnreserved(byte) || keep.contains(byte) {
                out.append(byte)
            } else {
                out.append(0x25)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The value of `name` in an encoded query string, decoded; nil when absent.
    public static func value(_ name: String, inURL url: String) -> String? {
        guard let queryStart = url.firstIndex(of: "?") else { return nil }
        let query = url[url.index(after: queryStart)...].split(separator: "#").first ?? ""
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0] == name else { continue }
            return String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
        }
        return nil
    }

    private static let hex = Array("0123456789ABCDEF".utf8)

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E
    }
}
