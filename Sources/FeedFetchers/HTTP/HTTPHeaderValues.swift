import Foundation
import NIOHTTP1

/// The response header values a fetch reports, read leniently: a malformed value is
/// `nil`, never an error, because a feed with a broken `Cache-Control` is still a feed.
struct HTTPHeaderValues: Equatable {
    var contentType: String?
    var etag: String?
    var lastModified: String?
    var maxAge: Int?
    var retryAfter: Int?
    var location: String?
    /// `Content-Length`, when given once and a number.
    var contentLength: Int?
    /// Every header, names lower-cased; repeated fields joined with ", " (RFC 9110 §5.3).
    var all: [String: String]

    /// Longest `max-age` or `Retry-After` kept, in seconds (a year): larger values are
    /// clamped so that schedulers never overflow adding them to a date.
    static let maxSeconds = 365 * 24 * 3600

    /// Reads the values from response headers; `now` turns a `Retry-After` date into seconds.
    init(_ headers: HTTPHeaders, now: Date) {
        var all: [String: String] = [:]
        all.reserveCapacity(headers.count)
        for (name, value) in headers {
            let key = name.lowercased()
            if let existing = all[key] { all[key] = existing + ", " + value } else { all[key] = value }
        }
        self.all = all
        contentType = Self.nonEmpty(headers.first(name: "content-type"))
        etag = Self.nonEmpty(headers.first(name: "etag"))
        lastModified = Self.nonEmpty(headers.first(name: "last-modified"))
        location = Self.nonEmpty(headers.first(name: "location"))
        maxAge = all["cache-control"].flatMap(Self.maxAge(cacheControl:))
        retryAfter = headers.first(name: "retry-after").flatMap { Self.retryAfter($0, now: now) }
        let lengths = headers["content-length"]
        contentLength = lengths.count == 1 ? lengths.first.flatMap { Int($0) } : nil
    }

    /// `max-age` from a `Cache-Control` value (RFC 9111 §5.2.2.1); `s-maxage` is for
    /// shared caches and ignored. `no-store`/`no-cache` mean no freshness (0).
    static func maxAge(cacheControl: String) -> Int? {
        var result: Int?
        for directive in cacheControl.split(separator: ",") {
            let parts = directive.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let first = parts.first else { continue }
            let name = first.trimmingCharacters(in: .whitespaces).lowercased()
            if name == "no-store" || name == "no-cache" { return 0 }
            guard name == "max-age", parts.count == 2 else { continue }
            // RFC 9111 §1.2.2: the quoted form is invalid but senders write it anyway.
            let value = parts[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: ["\""])
            if result == nil { result = deltaSeconds(value) }
        }
        return result
    }

    /// `Retry-After` (RFC 9110 §10.2.3) as seconds from `now`: delta-seconds, or an
    /// HTTP-date (past dates are 0).
    static func retryAfter(_ value: String, now: Date) -> Int? {
        let text = value.trimmingCharacters(in: .whitespaces)
        if let first = text.utf8.first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") {
            return deltaSeconds(text)
        }
        guard let date = FeedDate.parse(text) else { return nil }
        let seconds = date.timeIntervalSince(now).rounded(.up)
        guard seconds.isFinite else { return nil }
        return Int(min(max(seconds, 0), Double(maxSeconds)))
    }

    /// Non-negative decimal seconds (RFC 9111 §1.2.2), clamped to `maxSeconds`.
    static func deltaSeconds(_ text: String) -> Int? {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return nil
        }
        // Too many digits for Int is still a valid, very large delta.
        return min(Int(text) ?? maxSeconds, maxSeconds)
    }

    /// A header value trimmed, or `nil` when absent or blank.
    private static func nonEmpty(_ value: String?) -> String? {
        guard let trimmed = value?.trimmingCharacters(in: .whitespaces), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}
