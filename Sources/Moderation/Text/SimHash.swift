/// 64-bit SimHash fingerprints of texts, for spotting near-duplicate posts (SPEC §3.5 `spam`).
///
/// The features are the overlapping 3-word shingles of the folded text with URLs and mentions
/// removed, so reposts that differ in case, punctuation, emoji or tracking links share a
/// fingerprint or differ by a few bits; unrelated texts differ by about 32. Shingles are hashed
/// with FNV-1a (stable across runs and machines, unlike `Hasher`), then mixed.
public struct SimHash: Sendable {
    /// The fingerprint of `text`; 0 when it has no words.
    public static func fingerprint(_ text: String) -> UInt64 {
        let kept = text.split(whereSeparator: \.isWhitespace).filter { token in
            token.first != "@" && !SpamSignals.isLink(token)
        }
        let words = TextNormalizer.words(kept.joined(separator: " "))
        guard !words.isEmpty else { return 0 }
        var tally = [Int](repeating: 0, count: 64)
        let width = min(3, words.count)
        for start in 0...(words.count - width) {
            let hash = mix(fnv1a(words[start..<start + width]))
            for bit in 0..<64 {
                tally[bit] += (hash >> UInt64(bit)) & 1 == 1 ? 1 : -1
            }
        }
        var fingerprint: UInt64 = 0
        for bit in 0..<64 where tally[bit] > 0 {
            fingerprint |= 1 << UInt64(bit)
        }
        return fingerprint
    }

    /// The Hamming distance between two fingerprints: 0 for the same text, about 32 for unrelated ones.
    public static func distance(_ a: UInt64, _ b: UInt64) -> Int {
        (a ^ b).nonzeroBitCount
    }

    /// FNV-1a over the UTF-8 of the words, separated by a space.
    private static func fnv1a(_ words: ArraySlice<Substring>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for (index, word) in words.enumerated() {
            if index > 0 { hash = (hash ^ 0x20) &* 0x0000_0100_0000_01B3 }
            for byte in word.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        }
        return hash
    }

    /// A finaliser (SplitMix64) so every output bit depends on every input bit.
    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The fingerprints of recent posts, to ask whether a new post nearly repeats one of them.
///
/// A plain list scanned linearly: a few thousand XOR-and-popcounts take microseconds. When full,
/// the oldest fingerprint makes room for the newest.
public struct NearDuplicateIndex: Sendable {
    /// How many fingerprints the index keeps.
    public let capacity: Int
    private var entries: [(id: Int64, fingerprint: UInt64)] = []
    private var oldest = 0

    /// An empty index keeping the latest `capacity` fingerprints.
    public init(capacity: Int = 5_000) {
        self.capacity = max(1, capacity)
    }

    /// The number of fingerprints held.
    public var count: Int { entries.count }

    /// Remembers the fingerprint of post `id`; fingerprint 0 (no words) is not kept.
    public mutating func insert(id: Int64, fingerprint: UInt64) {
        guard fingerprint != 0 else { return }
        if entries.count < capacity {
            entries.append((id, fingerprint))
        } else {
            entries[oldest] = (id, fingerprint)
            oldest = (oldest + 1) % capacity
        }
    }

    /// The post whose fingerprint is closest to `fingerprint`, within `maxDistance` bits; the
    /// most recent one on a tie. `nil` when none is that close or `fingerprint` is 0.
    public func nearest(to fingerprint: UInt64, maxDistance: Int = 3) -> Int64? {
        guard fingerprint != 0 else { return nil }
        var best: (id: Int64, distance: Int)?
        for offset in 0..<entries.count {
            // Newest first: walk backwards from the slot written last.
            let index = (oldest - 1 - offset + 2 * entries.count) % entries.count
            let entry = entries[index]
            let distance = SimHash.distance(entry.fingerprint, fingerprint)
            if distance <= maxDistance, distance < (best?.distance ?? .max) {
                best = (entry.id, distance)
            }
        }
        return best?.id
    }
}
