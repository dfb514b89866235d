/// Year-first dates: ISO 8601, RFC 3339 and W3C-DTF (`2003-12-31T10:14:55.70-08:00`, `2003-12`,
/// `2003`), with what feeds make of them: a space or lowercase `t` before the time, no
/// seconds, any number of fraction digits, `+0200` or `+02`, a space before the zone or a zone
/// name (MSSQL's `2004-07-08 23:56:58 -00:20`), one-digit months and days (`2006-1-2`),
/// Google's `2003-012-31`, ordinal days (`2003-335`), basic form (`20031231T101455Z`), and
/// slashes (`2006/09/15`, Perforce).
extension FeedDate {
    /// Reads a year-first date starting at `start`; nil unless all of the rest is read.
    static func parseISO8601(_ bytes: [UInt8], from start: Int) -> Fields? {
        var cursor = Cursor(bytes: bytes, index: start)
        guard let (date, hasDay) = isoDate(&cursor) else { return nil }
        var fields = date
        if hasDay, startsTime(&cursor) {
            guard isoTime(&cursor, into: &fields), let offset = isoZone(&cursor) else { return nil }
            fields.offset = offset
        }
        cursor.skipSpaces()
        return cursor.peek == nil ? fields : nil
    }

    /// Reads a year-first date after a weekday (`Mon, 2006-01-02 15:04`, `Fri, 2006/09/15 …`).
    static func parseISO8601AfterWeekday(_ bytes: [UInt8]) -> Fields? {
        var cursor = Cursor(bytes: bytes, index: 0)
        var word = Word()
        while let byte = cursor.peek, isLetter(byte) {
            word.append(byte)
            cursor.index += 1
        }
        guard word.isWeekday else { return nil }
        _ = cursor.eat(UInt8(ascii: "."))
        _ = cursor.eat(UInt8(ascii: ","))
        cursor.skipSpaces()
        return parseISO8601(bytes, from: cursor.index)
    }

    /// Reads the date part; whether it names a day, which a time may follow.
    private static func isoDate(_ cursor: inout Cursor) -> (Fields, hasDay: Bool)? {
        let year = cursor.digits()
        if year.count == 8 {
            return (Fields(year: year.value / 10_000, month: year.value / 100 % 100, day: year.value % 100), true)
        }
        guard year.count == 4 else { return nil }
        var fields = Fields(year: year.value, month: 1, day: 1)
        guard let separator = cursor.peek, separator == UInt8(ascii: "-") || separator == UInt8(ascii: "/") else {
            return (fields, false)
        }
        cursor.index += 1
        let month = cursor.digits()
        if month.count == 3, cursor.peek != separator {
            guard let (ordinalMonth, ordinalDay) = monthAndDay(ofOrdinal: month.value, in: year.value) else {
                return nil
            }
            (fields.month, fields.day) = (ordinalMonth, ordinalDay)
            return (fields, true)
        }
        guard (1...3).contains(month.count) else { return nil }
        fields.month = month.value
        guard cursor.eat(separator) else { return (fields, false) }
        let day = cursor.digits()
        guard (1...2).contains(day.count) else { return nil }
        fields.day = day.value
        return (fields, true)
    }

    /// The month and day of the `ordinal`th day (1–366) of `year`; nil when there is none.
    private static func monthAndDay(ofOrdinal ordinal: Int, in year: Int) -> (Int, Int)? {
        var rest = ordinal
        for month in 1...12 {
            let length = daysIn(month, of: year)
            if (1...length).contains(rest) { return (month, rest) }
            rest -= length
        }
        return nil
    }

    /// Moves past what separates date and time (`T`, `t`, or spaces before a digit); whether a
    /// time follows.
    private static func startsTime(_ cursor: inout Cursor) -> Bool {
        if cursor.peek.map({ $0 | 0x20 }) == UInt8(ascii: "t") {
            cursor.index += 1
            return true
        }
        var ahead = cursor
        ahead.skipSpaces()
        guard ahead.index > cursor.index, ahead.atDigit else { return false }
        cursor = ahead
        return true
    }

    /// Reads `hh:mm[:ss][.f…]` or basic `hhmm[ss][.f…]` into `fields`; false when malformed.
    private static func isoTime(_ cursor: inout Cursor, into fields: inout Fields) -> Bool {
        let hour = cursor.digits()
        switch hour.count {
        case 4:
            (fields.hour, fields.minute) = (hour.value / 100, hour.value % 100)
        case 6:
            fields.hour = hour.value / 10_000
            (fields.minute, fields.second) = (hour.value / 100 % 100, hour.value % 100)
        case 1, 2:
            guard cursor.eat(UInt8(ascii: ":")) else { return false }
            let minute = cursor.digits()
            guard (1...2).contains(minute.count) else { return false }
            (fields.hour, fields.minute) = (hour.value, minute.value)
            if cursor.eat(UInt8(ascii: ":")) {
                let second = cursor.digits()
                guard (1...2).contains(second.count) else { return false }
                fields.second = second.value
            }
        default:
            return false
        }
        if cursor.peek == UInt8(ascii: ".") || cursor.peek == UInt8(ascii: ",") {
            cursor.index += 1
            guard cursor.atDigit else { return false }
            fields.millisecond = cursor.milliseconds()
        }
        return true
    }

    /// Reads the zone after a time: `Z`, `±hh[[:]mm]`, a zone name, or nothing (UTC); seconds
    /// east of UTC, nil when malformed.
    private static func isoZone(_ cursor: inout Cursor) -> Int? {
        cursor.skipSpaces()
        guard let byte = cursor.peek else { return 0 }
        if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") {
            return cursor.offset()
        }
        guard isLetter(byte) else { return 0 }
        var word = Word()
        while let letter = cursor.peek, isLetter(letter) {
            word.append(letter)
            cursor.index += 1
        }
        // As in the free-form reader: an unknown short name is UTC, as in feedparser.
        return word.zoneOffset ?? (word.isZoneShaped ? 0 : nil)
    }
}
