import Foundation

/// Reads the dates feeds really write, and prints them the way SPEC §2 wants.
///
/// Hand-written over UTF-8 bytes: `DateFormatter` is slow on Linux and follows the locale.
/// The forms read are those feedparser, gofeed and feed-rs read: the RFC 822 family in
/// `FeedDate+RFC822.swift`, ISO 8601 and its relatives in `FeedDate+ISO8601.swift`.
/// A date that names no zone is UTC, as in feedparser.
public enum FeedDate {
    /// Longer text is no date: real ones are under 64 bytes, and the bound keeps hostile input cheap.
    static let maxLength = 256

    /// The instants `isoString` can print: 0000-01-01T00:00:00.000Z through 9999-12-31T23:59:59.999Z.
    static let printableMilliseconds: ClosedRange<Int> = -62_167_219_200_000...253_402_300_799_999

    /// Parses a date as written in a feed (RFC 822/1123/2822 with or without weekday, named zones, ISO 8601/RFC 3339 variants, W3C-DTF, ...); nil when it cannot be read.
    public static func parse(_ text: String) -> Date? {
        guard text.utf8.count <= maxLength else { return nil }
        let bytes = trimmed(Array(text.utf8))
        guard let first = bytes.first else { return nil }
        let fields = isDigit(first)
            ? parseISO8601(bytes, from: 0) ?? parseRFC822(bytes)
            : parseRFC822(bytes) ?? parseISO8601AfterWeekday(bytes)
        guard let milliseconds = fields?.epochMilliseconds else { return nil }
        return Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// `2025-05-22T11:51:41.240Z`: ISO 8601 in UTC with exactly three fraction digits.
    ///
    /// Milliseconds are truncated (toward the past), after rounding away the binary noise of
    /// `Date`'s `Double`, so a date read from `.240` prints `.240`. Instants outside years
    /// 0–9999 print as the nearest end of that range; NaN prints as the Unix epoch.
    public static func isoString(_ date: Date) -> String {
        let milliseconds = printable(date.timeIntervalSince1970)
        let days = milliseconds.floorDivided(by: 86_400_000)
        let inDay = milliseconds - days * 86_400_000
        let (year, month, day) = civil(fromDays: days)
        let fields = [
            (year, 4, UInt8(ascii: "-")), (month, 2, UInt8(ascii: "-")), (day, 2, UInt8(ascii: "T")),
            (inDay / 3_600_000, 2, UInt8(ascii: ":")), (inDay / 60_000 % 60, 2, UInt8(ascii: ":")),
            (inDay / 1000 % 60, 2, UInt8(ascii: ".")), (inDay % 1000, 3, UInt8(ascii: "Z")),
        ]
        return String(unsafeUninitializedCapacity: 24) { buffer in
            var index = 0
            for (value, width, separator) in fields {
                var rest = value
                for position in stride(from: index + width - 1, through: index, by: -1) {
                    buffer[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
                buffer[index + width] = separator
                index += width + 1
            }
            return index
        }
    }

    /// Whole milliseconds since 1970 of `seconds`, clamped to what `isoString` can print.
    static func printable(_ seconds: TimeInterval) -> Int {
        // Round to microseconds first: 1.24 is stored as 1.2399999…, which must still print .240.
        let microseconds = (seconds * 1_000_000).rounded()
        if microseconds.isNaN { return 0 }
        // Clamp before converting: `Int(_:)` traps beyond its range, and the ends compare as
        // whole milliseconds because a Double cannot hold every microsecond up there.
        if microseconds <= Double(printableMilliseconds.lowerBound) * 1000 { return printableMilliseconds.lowerBound }
        if microseconds >= Double(printableMilliseconds.upperBound) * 1000 { return printableMilliseconds.upperBound }
        return Int(microseconds).floorDivided(by: 1000)
    }

    /// `bytes` without surrounding white space and one trailing period (`… GMT.`).
    static func trimmed(_ bytes: [UInt8]) -> [UInt8] {
        var slice = bytes[...]
        slice = slice.drop(while: isSpace)
        while let last = slice.last, isSpace(last) { slice.removeLast() }
        if slice.last == UInt8(ascii: ".") { slice.removeLast() }
        while let last = slice.last, isSpace(last) { slice.removeLast() }
        return Array(slice)
    }

    /// Whether `byte` is an ASCII digit.
    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// Whether `byte` is an ASCII letter.
    static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    /// Whether `byte` is white space (space, tab, CR, LF).
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}

extension FeedDate {
    /// A date's fields as written, before they are checked and turned into an instant.
    struct Fields {
        var year: Int
        var month: Int
        var day: Int
        var hour = 0
        var minute = 0
        var second = 0
        var millisecond = 0
        /// The zone's offset, in seconds east of UTC.
        var offset = 0

        /// Milliseconds since 1970 in UTC; nil when a field is out of range (month 13, Feb 30,
        /// hour 25) or the instant falls outside years 0–9999.
        var epochMilliseconds: Int? {
            guard (1...12).contains(month), (1...FeedDate.daysIn(month, of: year)).contains(day),
                  hasValidTime else { return nil }
            let days = FeedDate.days(fromYear: year, month: month, day: day)
            let seconds = ((days * 24 + hour) * 60 + minute) * 60 + second - offset
            let milliseconds = seconds * 1000 + millisecond
            return FeedDate.printableMilliseconds.contains(milliseconds) ? milliseconds : nil
        }

        /// Whether the time of day is one: ISO 8601's `24:00:00` (the next midnight) and a leap
        /// second `:60` (the next minute) included.
        private var hasValidTime: Bool {
            let hourOK = (0...23).contains(hour) || (hour == 24 && minute == 0 && second == 0 && millisecond == 0)
            return hourOK && (0...59).contains(minute) && (0...60).contains(second) && (0...999).contains(millisecond)
        }
    }

    /// The number of days in `month` (1–12) of `year`, in the proleptic Gregorian calendar.
    static func daysIn(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a civil date (Howard Hinnant's `days_from_civil`).
    static func days(fromYear year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date of a day count since 1970-01-01 (Howard Hinnant's `civil_from_days`).
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension FeedDate {
    /// A run of digits: its value (saturated past nine digits, which no field has) and length.
    struct Digits {
        var value = 0
        var count = 0
    }

    /// A read position in a date's bytes; reading past the end yields nothing, never a trap.
    struct Cursor {
        let bytes: [UInt8]
        var index: Int

        /// The byte at the read position, nil at the end.
        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        /// The byte `distance` bytes ahead, nil past the end.
        func peek(ahead distance: Int) -> UInt8? {
            index + distance < bytes.count ? bytes[index + distance] : nil
        }

        /// Whether a digit is at the read position.
        var atDigit: Bool { peek.map(FeedDate.isDigit) ?? false }

        /// Moves past `byte` when it is next; whether it was.
        mutating func eat(_ byte: UInt8) -> Bool {
            guard peek == byte else { return false }
            index += 1
            return true
        }

        /// Moves past white space.
        mutating func skipSpaces() {
            while let byte = peek, FeedDate.isSpace(byte) { index += 1 }
        }

        /// Reads a run of digits (possibly none).
        mutating func digits() -> Digits {
            var run = Digits()
            while let byte = peek, FeedDate.isDigit(byte) {
                if run.count < 9 { run.value = run.value * 10 + Int(byte - UInt8(ascii: "0")) }
                run.count += 1
                index += 1
            }
            return run
        }

        /// Reads fraction digits after the decimal mark: milliseconds, the rest truncated.
        mutating func milliseconds() -> Int {
            var value = 0
            var scale = 100
            while let byte = peek, FeedDate.isDigit(byte) {
                value += Int(byte - UInt8(ascii: "0")) * scale
                scale /= 10
                index += 1
            }
            return value
        }

        /// Reads a numeric zone at `+` or `-`: `+hh`, `+hhmm`, `+hmm`, `+hh:mm`; seconds east of UTC.
        mutating func offset() -> Int? {
            let sign = peek == UInt8(ascii: "-") ? -1 : 1
            index += 1
            let lead = digits()
            var hours = lead.value
            var minutes = 0
            switch lead.count {
            case 1, 2:
                if eat(UInt8(ascii: ":")) {
                    let tail = digits()
                    guard (1...2).contains(tail.count) else { return nil }
                    minutes = tail.value
                }
            case 3, 4:
                (hours, minutes) = (lead.value / 100, lead.value % 100)
            default:
                return nil
            }
            guard hours <= 23, minutes <= 59 else { return nil }
            return sign * (hours * 3600 + minutes * 60)
        }
    }
}

extension Int {
    /// The quotient rounded toward negative infinity (`-1 / 1000` is -1, not 0).
    fileprivate func floorDivided(by divisor: Int) -> Int {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
