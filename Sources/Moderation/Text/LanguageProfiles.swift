import Foundation

/// The character n-gram profiles of the languages that share a script, ready for scoring.
///
/// Built once from the generated `LanguageProfiles.raw` strings (scripts/build_language_profiles.py).
/// Every n-gram of every profile of the group has one row of log-probabilities, one column per
/// language; a language that lacks the n-gram gets its floor for that n-gram order.
struct ProfileGroup: Sendable {
    /// ISO 639-1 codes, one per column.
    var languages: [String]
    /// Row-major log-probabilities, `languages.count` per row.
    var weights: [Float]
    /// The log-probability of an unseen n-gram of order 1, 2, 3 (index 0, 1, 2), per language.
    var floors: [[Float]]
    /// Row of each n-gram key.
    var rows: NGramTable
}

/// The parsed profiles, grouped by script.
enum LanguageProfiles {
    /// The profile groups by script, parsed on first use.
    static let groups: [WritingScript: ProfileGroup] = parse(raw)

    /// The packed key of an n-gram: its scalars, 21 bits each (scalar 0 never occurs in text).
    @inline(__always)
    static func key(_ scalars: some Sequence<Unicode.Scalar>) -> UInt64 {
        scalars.reduce(0) { ($0 << 21) | UInt64($1.value) }
    }

    /// One language's parsed profile.
    private struct Parsed {
        var code: String
        var script: WritingScript
        var logProbabilities: [UInt64: Float]
        var floors: [Float]
    }

    /// Parses the raw profile strings and groups them by the script of their letters.
    static func parse(_ raw: [(code: String, data: String)]) -> [WritingScript: ProfileGroup] {
        let parsed = raw.compactMap { parseOne(code: $0.code, data: $0.data) }
        var groups: [WritingScript: ProfileGroup] = [:]
        for script in Set(parsed.map(\.script)) {
            let members = parsed.filter { $0.script == script }.sorted { $0.code < $1.code }
            let keys = Set(members.flatMap(\.logProbabilities.keys)).sorted()
            var weights: [Float] = []
            weights.reserveCapacity(keys.count * members.count)
            for key in keys {
                let order = orderOf(key)
                for member in members {
                    weights.append(member.logProbabilities[key] ?? member.floors[order - 1])
                }
            }
            groups[script] = ProfileGroup(
                languages: members.map(\.code), weights: weights, floors: members.map(\.floors),
                rows: NGramTable(keys: keys))
        }
        return groups
    }

    /// The number of scalars packed in `key`.
    static func orderOf(_ key: UInt64) -> Int {
        key >> 42 != 0 ? 3 : key >> 21 != 0 ? 2 : 1
    }

    /// Parses `"t1 t2 t3|gram count|…"`; the unseen floor is half the rarest kept n-gram's share.
    private static func parseOne(code: String, data: String) -> Parsed? {
        var entries = data.split(separator: "|")
        guard !entries.isEmpty else { return nil }
        let totals = entries.removeFirst().split(separator: " ").compactMap { Double($0) }
        guard totals.count == 3, totals.allSatisfy({ $0 > 0 }) else { return nil }
        var counts: [UInt64: Double] = [:]
        var rarest = [Double](repeating: .infinity, count: 3)
        var scriptVotes = [WritingScript: Double]()
        for entry in entries {
            let digits = entry.reversed().prefix { $0.isASCII && $0.isNumber }.count
            guard digits > 0, let count = Double(entry.suffix(digits)) else { continue }
            let gram = entry.dropLast(digits).unicodeScalars
            guard (1...3).contains(gram.count) else { continue }
            let key = key(gram)
            counts[key] = count
            rarest[gram.count - 1] = min(rarest[gram.count - 1], count)
            if gram.count == 1, let letter = gram.first {
                scriptVotes[WritingScript(letter), default: 0] += count
            }
        }
        guard let script = scriptVotes.max(by: { $0.value < $1.value })?.key else { return nil }
        let floors = (0..<3).map { Float(log(0.5 * (rarest[$0].isFinite ? rarest[$0] : 1) / totals[$0])) }
        var logProbabilities: [UInt64: Float] = [:]
        for (key, count) in counts {
            logProbabilities[key] = Float(log(count / totals[orderOf(key) - 1]))
        }
        return Parsed(code: code, script: script, logProbabilities: logProbabilities, floors: floors)
    }
}

/// An open-addressing hash table from packed n-gram keys to row numbers.
///
/// Lookups dominate detection time; a multiplicative hash on a power-of-two table is several
/// times faster than `Dictionary`'s seeded SipHash for these 64-bit keys.
struct NGramTable: Sendable {
    private var slots: [UInt64]
    private var values: [Int32]
    private let shift: UInt64

    /// A table holding `keys`, each mapped to its index in the array.
    init(keys: [UInt64]) {
        var bits: UInt64 = 4
        while (1 << bits) < keys.count * 2 { bits += 1 }
        shift = 64 - bits
        slots = [UInt64](repeating: 0, count: 1 << bits)
        values = [Int32](repeating: -1, count: 1 << bits)
        let mask = slots.count - 1
        for (row, key) in keys.enumerated() {
            var slot = Self.hash(key, shift: shift)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = key
            values[slot] = Int32(row)
        }
    }

    /// The row of `key`, or `nil` when no profile has that n-gram.
    @inline(__always)
    func row(_ key: UInt64) -> Int? {
        let mask = slots.count - 1
        var slot = Self.hash(key, shift: shift)
        while true {
            let stored = slots[slot]
            if stored == key { return Int(values[slot]) }
            if stored == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    private static func hash(_ key: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }
}
