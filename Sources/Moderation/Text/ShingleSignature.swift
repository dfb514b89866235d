/// The word pairs of a text as hashes, with a MinHash signature: what the near-duplicate check
/// compares (SPEC §3.5 `spam`, issue 15).
///
/// The text is folded and stripped of links, mentions and hashtags (a cross-post from X and
/// Instagram differs in exactly those), then cut into overlapping 2-word shingles. Two posts are
/// near-duplicates when they share most of their shingles: a one-word edit in a 12-word post
/// keeps about 70% of them, unrelated posts share under 10%. The signature's `bandKeys` let an
/// index find candidates without comparing every pair (locality-sensitive hashing).
public struct ShingleSignature: Sendable, Equatable {
    /// Number of MinHash values: 12 bands of 2, so a pair sharing half its shingles collides
    /// in some band with probability 1 - 0.75^12 ≈ 0.97.
    static let hashCount = 24
    /// Rows per band.
    static let rowsPerBand = 2
    /// Words looked at: the opening of a long text says enough.
    static let maximumWords = 400

    /// The distinct shingle hashes, sorted.
    public private(set) var shingles: [UInt64]
    /// The MinHash values, `hashCount` of them (empty when the text has too few words).
    public private(set) var minHashes: [UInt64]
    /// The number of words kept.
    public private(set) var wordCount: Int

    /// The signature of `text`.
    public init(text: String) {
        var kept: [Substring] = []
        for token in text.split(whereSeparator: \.isWhitespace) where kept.count < Self.maximumWords {
            guard let first = token.first, first != "@", first != "#", !SpamSignals.isLink(token) else { continue }
            kept.append(token)
        }
        // One fold for the whole text: folding token by token costs a string each.
        let words = TextNormalizer.words(kept.joined(separator: " "))
        wordCount = words.count
        var hashes: [UInt64] = []
        hashes.reserveCapacity(words.count)
        var previous: UInt64 = 0
        for (index, word) in words.enumerated() {
            let current = Self.fnv1a(word)
            if index > 0 { hashes.append(Self.mix(previous &* 31 &+ current)) }
            previous = current
        }
        if words.count == 1 { hashes.append(Self.mix(previous)) }
        shingles = Array(Set(hashes)).sorted()
        minHashes = []
        guard !shingles.isEmpty else { return }
        var minimum = [UInt64](repeating: .max, count: Self.hashCount)
        for shingle in shingles {
            for slot in 0..<Self.hashCount {
                let value = Self.mix(shingle ^ Self.seeds[slot])
                if value < minimum[slot] { minimum[slot] = value }
            }
        }
        minHashes = minimum
    }

    /// One key per band: posts that agree on a whole band are candidates.
    public var bandKeys: [UInt64] {
        guard minHashes.count == Self.hashCount else { return [] }
        return stride(from: 0, to: Self.hashCount, by: Self.rowsPerBand).map { start in
            var key = UInt64(start)
            for row in start..<start + Self.rowsPerBand { key = Self.mix(key &* 0x9E37_79B9 ^ minHashes[row]) }
            return key
        }
    }

    /// How alike two texts are: the larger of their Jaccard similarity and, when the shorter
    /// has at least 8 shingles, the share of the shorter's shingles found in the longer (a
    /// cross-post cut short for X still repeats the long one).
    public func similarity(to other: ShingleSignature) -> Double {
        guard !shingles.isEmpty, !other.shingles.isEmpty else { return 0 }
        var i = 0, j = 0, shared = 0
        while i < shingles.count, j < other.shingles.count {
            if shingles[i] == other.shingles[j] { shared += 1; i += 1; j += 1 }
            else if shingles[i] < other.shingles[j] { i += 1 } else { j += 1 }
        }
        let union = shingles.count + other.shingles.count - shared
        let jaccard = Double(shared) / Double(union)
        let smaller = min(shingles.count, other.shingles.count)
        let containment = smaller >= 8 ? Double(shared) / Double(smaller) * 0.8 : 0
        return max(jaccard, containment)
    }

    /// Fixed seeds, one per MinHash slot (stable across runs and machines).
    private static let seeds: [UInt64] = (0..<UInt64(hashCount)).map { mix($0 &+ 0x5851_F42D_4C95_7F2D) }

    /// FNV-1a over the UTF-8 of a word.
    static func fnv1a(_ word: Substring) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    /// SplitMix64's finaliser, so every output bit depends on every input bit.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
