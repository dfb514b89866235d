/// The names dates are written with: months, weekdays and zones.
extension FeedDate {
    /// A run of ASCII letters, lowercased and packed five bits a letter, so that names are
    /// looked up without allocating.
    struct Word: Hashable {
        /// The letters, the first one highest; 0 once the word is longer than 12 letters.
        private(set) var packed: UInt64 = 0
        /// The number of letters.
        private(set) var length = 0

        /// The empty word.
        init() {}

        /// The word spelled by `text`, which holds ASCII letters only.
        init(_ text: String) {
            for letter in text.utf8 { append(letter) }
        }

        /// Adds an ASCII letter at the end.
        mutating func append(_ letter: UInt8) {
            length += 1
            packed = length <= 12 ? packed << 5 | UInt64((letter | 0x20) &- 0x60) : 0
        }

        /// The first three letters (`sep` of `September`, `thu` of `Thurs`); nil when shorter.
        var prefix: Word? {
            guard (3...12).contains(length) else { return nil }
            var prefix = Word()
            prefix.packed = packed >> (5 * UInt64(length - 3))
            prefix.length = 3
            return prefix
        }

        /// The month (1–12) this word names in English, by its first three letters.
        var monthNumber: Int? {
            guard let prefix, let index = FeedDate.months.firstIndex(of: prefix.packed) else { return nil }
            return index + 1
        }

        /// Whether this word names a weekday in English, by its first three letters.
        var isWeekday: Bool { prefix.map { FeedDate.weekdays.contains($0.packed) } ?? false }

        /// The offset of the zone this word names, in seconds east of UTC; nil when unknown.
        var zoneOffset: Int? { FeedDate.zones[self] }

        /// Whether the word is as short as zone abbreviations are (`Z`, `EST`, `AEDT`, `NZST`).
        var isZoneShaped: Bool { length <= 5 }

        // Words the readers look for by name.
        static let gmt = Word("gmt")
        static let utc = Word("utc")
        static let ut = Word("ut")
        static let etc = Word("etc")
        static let am = Word("am")
        static let pm = Word("pm")
        static let a = Word("a")
        static let p = Word("p")
    }

    /// English month abbreviations in order, packed (a dozen comparisons beat hashing).
    static let months: [UInt64] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ].map { Word($0).packed }

    /// English weekday abbreviations, packed.
    static let weekdays: [UInt64] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map { Word($0).packed }

    /// Zone names and their offsets in minutes east of UTC, turned into seconds.
    ///
    /// RFC 822 §5 names UT, GMT, Z and the US zones; feedparser adds AT, ET, CT, MT, PT, MET
    /// and MEST; the rest are the abbreviations feeds commonly write. CST is the US one (as in
    /// RFC 822), IST India's (the largest group writing it). Military letters other than Z are
    /// not listed: RFC 2822 §4.3 says to read them as -0000, which is what an unknown name gets.
    static let zones: [Word: Int] = Dictionary(uniqueKeysWithValues: [
        ("ut", 0), ("utc", 0), ("gmt", 0), ("z", 0), ("wet", 0),
        ("west", 60), ("bst", 60), ("cet", 60), ("met", 60), ("mez", 60),
        ("cest", 120), ("mest", 120), ("mesz", 120), ("eet", 120), ("sast", 120),
        ("eest", 180), ("msk", 180), ("ist", 330), ("pkt", 300),
        ("ict", 420), ("wib", 420), ("hkt", 480), ("sgt", 480), ("awst", 480), ("pht", 480),
        ("jst", 540), ("kst", 540), ("acst", 570), ("acdt", 630), ("aest", 600), ("aedt", 660),
        ("nzst", 720), ("nzdt", 780),
        ("hst", -600), ("akst", -540), ("akdt", -480),
        ("pst", -480), ("pdt", -420), ("pt", -480),
        ("mst", -420), ("mdt", -360), ("mt", -420),
        ("cst", -360), ("cdt", -300), ("ct", -360),
        ("est", -300), ("edt", -240), ("et", -300),
        ("ast", -240), ("adt", -180), ("at", -240),
        ("nst", -210), ("ndt", -150), ("brt", -180), ("art", -180),
    ].map { (Word($0), $1 * 60) })
}
