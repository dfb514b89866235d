/// Free-form dates: RFC 822/1123/2822 (`Sat, 07 Sep 2002 00:00:01 GMT`) and what feeds make
/// of them: no weekday or one in another language, month and day swapped (`Dec 16 2023`),
/// asctime (`Sun Jan  4 16:29:06 PST 2004`), full month names, two-digit years, no seconds,
/// no time, `AM`/`PM`, `GMT+02:00`, `Etc/GMT`, `(comments)`, stray commas.
extension FeedDate {
    /// One piece of a free-form date.
    enum Token {
        case number(Digits)
        case word(Word)
        case time(Clock)
        case offset(Int)
        case meridiem(isPM: Bool)
        case comma
    }

    /// A time of day as written: `h:mm[:ss[.fff]]`.
    struct Clock {
        var hour: Int
        var minute: Int
        var second = 0
        var millisecond = 0
    }

    /// Reads a free-form date; nil when a piece is missing, repeated or unknown.
    static func parseRFC822(_ bytes: [UInt8]) -> Fields? {
        guard var tokens = tokenize(bytes) else { return nil }
        dropWeekday(from: &tokens)
        var reading = FreeFormReading()
        for token in tokens {
            guard reading.take(token) else { return nil }
        }
        return reading.fields
    }

    /// Drops a leading weekday in any language (`Thu,` `Thurs` `mer,`), as RFC 2822 §3.3 makes
    /// it optional and feeds write it wrong. A month name stays unless a comma follows it and
    /// another month comes later (French `mar, 15 nov`).
    static func dropWeekday(from tokens: inout [Token]) {
        guard case .word(let word)? = tokens.first else { return }
        var commaFollows = false
        if tokens.count > 1, case .comma = tokens[1] { commaFollows = true }
        if word.monthNumber != nil {
            let laterMonth = tokens.dropFirst().contains { token in
                if case .word(let other) = token { return other.monthNumber != nil }
                return false
            }
            guard commaFollows, laterMonth else { return }
        }
        tokens.removeFirst(commaFollows ? 2 : 1)
    }

    /// Splits `bytes` into tokens; nil when a byte belongs to no date.
    static func tokenize(_ bytes: [UInt8]) -> [Token]? {
        var tokens: [Token] = []
        tokens.reserveCapacity(16)
        var cursor = Cursor(bytes: bytes, index: 0)
        var separated = true
        while let byte = cursor.peek {
            if isSpace(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "/") {
                cursor.index += 1
            } else if byte == UInt8(ascii: ",") {
                tokens.append(.comma)
                cursor.index += 1
            } else if byte == UInt8(ascii: "(") {
                // RFC 822 comments: `GMT-0700 (MST)`.
                while let skipped = cursor.peek, skipped != UInt8(ascii: ")") { cursor.index += 1 }
                cursor.index += 1
            } else if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") {
                let nextIsDigit = cursor.peek(ahead: 1).map(isDigit) ?? false
                if nextIsDigit, byte == UInt8(ascii: "+") || separated || startsOffset(after: tokens.last) {
                    guard let offset = cursor.offset() else { return nil }
                    tokens.append(.offset(offset))
                    separated = false
                    continue
                }
                // A dash between parts (`02-Jan-06`, RFC 850) separates them.
                guard byte == UInt8(ascii: "-") else { return nil }
                cursor.index += 1
            } else if isDigit(byte) {
                guard let token = numberOrTime(&cursor) else { return nil }
                tokens.append(token)
                separated = false
                continue
            } else if isLetter(byte) {
                tokens.append(wordOrMeridiem(&cursor))
                separated = false
                continue
            } else {
                return nil
            }
            separated = true
        }
        return tokens
    }

    /// Whether a sign right after `token` starts a zone offset (`15:04:05-0700`, `GMT+02:00`).
    private static func startsOffset(after token: Token?) -> Bool {
        switch token {
        case .time?: return true
        case .word(let word)?: return word == .gmt || word == .utc || word == .ut
        default: return false
        }
    }

    /// Reads a number, or a time when a colon follows it; nil for an overlong number or a
    /// malformed time (`1:2:3:4`).
    private static func numberOrTime(_ cursor: inout Cursor) -> Token? {
        let lead = cursor.digits()
        guard cursor.peek == UInt8(ascii: ":"), cursor.peek(ahead: 1).map(isDigit) == true else {
            return lead.count <= 9 ? .number(lead) : nil
        }
        cursor.index += 1
        let minute = cursor.digits()
        guard lead.count <= 2, minute.count <= 2 else { return nil }
        var clock = Clock(hour: lead.value, minute: minute.value)
        if cursor.eat(UInt8(ascii: ":")) {
            let second = cursor.digits()
            guard (1...2).contains(second.count) else { return nil }
            clock.second = second.value
            if cursor.peek == UInt8(ascii: "."), cursor.peek(ahead: 1).map(isDigit) == true {
                cursor.index += 1
                clock.millisecond = cursor.milliseconds()
            }
        }
        return cursor.peek == UInt8(ascii: ":") ? nil : .time(clock)
    }

    /// Reads a word; `am`, `pm`, `a.m.` and `p.m.` become a meridiem.
    private static func wordOrMeridiem(_ cursor: inout Cursor) -> Token {
        let start = cursor.index
        var word = Word()
        while let byte = cursor.peek, isLetter(byte) {
            word.append(byte)
            cursor.index += 1
        }
        if word == .am || word == .pm { return .meridiem(isPM: word == .pm) }
        let dotted = cursor.peek == UInt8(ascii: ".") && cursor.peek(ahead: 1).map { $0 | 0x20 } == UInt8(ascii: "m")
        if dotted, word == .a || word == .p {
            cursor.index += 2
            _ = cursor.eat(UInt8(ascii: "."))
            return .meridiem(isPM: cursor.bytes[start] | 0x20 == UInt8(ascii: "p"))
        }
        return .word(word)
    }
}

extension FeedDate {
    /// Collects the pieces of a free-form date, each at most once, in any order.
    struct FreeFormReading {
        var month: Int?
        var firstNumber: Digits?
        var secondNumber: Digits?
        var clock: Clock?
        var offset: Int?
        var zone: Int?
        var isPM: Bool?

        /// Takes one token; false when it repeats a piece or is no piece of a date.
        mutating func take(_ token: Token) -> Bool {
            switch token {
            case .comma:
                return true
            case .number(let digits) where firstNumber == nil:
                firstNumber = digits
                return true
            case .number(let digits):
                defer { secondNumber = digits }
                return secondNumber == nil
            case .time(let time):
                defer { clock = time }
                return clock == nil
            case .offset(let seconds):
                defer { offset = seconds }
                return offset == nil
            case .meridiem(let pm):
                defer { isPM = pm }
                return isPM == nil
            case .word(let word):
                return take(word)
            }
        }

        /// Takes a month name, a zone name, or `Etc` of `Etc/GMT`.
        private mutating func take(_ word: Word) -> Bool {
            if month == nil, let number = word.monthNumber {
                month = number
                return true
            }
            if word == .etc { return true }
            // A zone name follows the time. An unknown one is UTC, as in feedparser; RFC 2822
            // §4.3 says the same of the military letters. Only short words count as names.
            guard clock != nil, zone == nil, let named = word.zoneOffset ?? (word.isZoneShaped ? 0 : nil) else {
                return false
            }
            zone = named
            return true
        }

        /// The fields read; nil without a month, a day and a year.
        var fields: Fields? {
            guard let month, let firstNumber, let secondNumber else { return nil }
            // The first number is the day (`07 Sep 2002`, `Sep 7 2002`, `Sep 7 00:00 2002`)
            // unless it is a year (`2002 Sep 07`).
            let yearFirst = firstNumber.count >= 3
            let day = yearFirst ? secondNumber : firstNumber
            guard day.count <= 2, let year = Self.fullYear(yearFirst ? firstNumber : secondNumber) else { return nil }
            var fields = Fields(year: year, month: month, day: day.value)
            if let clock {
                fields.hour = clock.hour
                fields.minute = clock.minute
                fields.second = clock.second
                fields.millisecond = clock.millisecond
            }
            if let isPM {
                guard clock != nil, (1...12).contains(fields.hour) else { return nil }
                fields.hour = fields.hour % 12 + (isPM ? 12 : 0)
            }
            fields.offset = offset ?? zone ?? 0
            return fields
        }

        /// A four-digit year as written; one or two digits by feedparser's rule (below 90 →
        /// 20xx, else 19xx); nil for other lengths.
        static func fullYear(_ digits: Digits) -> Int? {
            switch digits.count {
            case 4: return digits.value
            case 1, 2: return digits.value + (digits.value < 90 ? 2000 : 1900)
            default: return nil
            }
        }
    }
}
