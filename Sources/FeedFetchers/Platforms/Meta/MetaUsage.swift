import Foundation

/// Meta's usage headers. Business Use Case limits come as
/// `x-business-use-case-usage: {"<id>":[{"type":"instagram","call_count":100,...,"estimated_time_to_regain_access":17}]}`,
/// percentages of the allowance plus the minutes until calls are allowed again.
enum MetaUsage {
    /// The header of Business Use Case usage.
    static let businessUseCaseHeader = "x-business-use-case-usage"

    /// The longest `estimated_time_to_regain_access` (minutes) of the header's entries; nil when
    /// the header is absent or unreadable.
    static func regainMinutes(_ headers: [String: String]) -> Double? {
        guard let text = headers[businessUseCaseHeader], let data = text.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        var longest: Double?
        for value in object.values {
            for entry in value as? [[String: Any]] ?? [] {
                guard let minutes = JSONScalar.number(entry["estimated_time_to_regain_access"]), minutes.isFinite else { continue }
                longest = max(longest ?? minutes, minutes)
            }
        }
        return longest
    }

    /// When calls are allowed again: `now` plus the regain minutes; nil when the header names
    /// no wait (the caller then falls back to `Retry-After` or its default pause).
    static func regainDate(_ headers: [String: String], now: Date) -> Date? {
        guard let minutes = regainMinutes(headers), minutes > 0 else { return nil }
        return now.addingTimeInterval(min(minutes, 24 * 60) * 60)
    }
}
