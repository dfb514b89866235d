import Aggregator
import HTTPTypes
import Hummingbird

/// Absolute pagination links (SPEC §3.3): the public base URL, the endpoint's path, the
/// filters and count, a cursor; never the key.
struct LinkBuilder: Sendable {
    /// The configured public base URL (`ROOST_PUBLIC_URL`), else taken from each request.
    var publicBaseURL: String?

    /// The base URL for links in answer to `request`.
    func base(for request: Request) -> String {
        if let publicBaseURL { return publicBaseURL }
        let forwarded = HTTPField.Name("X-Forwarded-Proto").flatMap { request.headers[$0] }
        let scheme = forwarded == "https" ? "https" : "http"
        let host = request.head.authority.flatMap { Self.isSafeHost($0) ? $0 : nil } ?? "localhost"
        return "\(scheme)://\(host)"
    }

    /// A link to `path` with the parameters and the cursor.
    func link(base: String, path: String, parameters: [(String, String)], cursor: PostCursor?) -> String {
        var items = parameters
        if let cursor { items.append((cursor.direction == .older ? "olderThanCursor" : "newerThanCursor", cursor.token)) }
        let query = items.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return "\(base)\(path)?\(query)"
    }

    /// Host headers go into links: only host[:port] characters are accepted.
    private static func isSafeHost(_ host: String) -> Bool {
        !host.isEmpty && host.utf8.count < 256 && host.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2E || byte == 0x2D || byte == 0x3A || byte == 0x5B || byte == 0x5D
        }
    }

    /// Percent-encodes everything but RFC 3986 unreserved characters (and keeps `[]` readable).
    static func encode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x5F, 0x7E, 0x5B, 0x5D:
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0xF, radix: 16, uppercase: true)
            }
        }
        return out
    }
}
