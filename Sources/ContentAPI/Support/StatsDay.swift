import FeedFetchers
import Foundation

/// UTC calendar days as `YYYY-MM-DD`, the unit of embed stats.
enum StatsDay {
    /// The UTC day of `date`.
    static func of(_ date: Date) -> String {
        String(FeedDate.isoString(date).prefix(10))
    }

    /// True for a real date written `YYYY-MM-DD`.
    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.utf8.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return false }
        return (1970...9999).contains(year) && (1...12).contains(month) && (1...31).contains(day)
    }
}
