/// The site's recent posts as shingle signatures, indexed by MinHash band, to ask whether a new
/// post repeats one of them with small edits, whatever feed or platform it came from (issue 15).
public struct RecentPostIndex: Sendable {
    /// One remembered post.
    struct Entry: Sendable {
        var id: String
        var signature: ShingleSignature
    }

    /// Shingle similarity at or above which a post repeats another (see `ShingleSignature`).
    public static let threshold = 0.5
    /// Fewest words a post needs for the check: short cheers ("Goal!") repeat by nature.
    public static let minimumWords = 6

    private var entries: [Entry] = []
    private var buckets: [UInt64: [Int]] = [:]

    /// An empty index.
    public init() {}

    /// The number of posts held.
    public var count: Int { entries.count }

    /// Remembers post `id` (a Flockler id, or any label) with the text it had.
    public mutating func insert(id: String, text: String) {
        insert(id: id, signature: ShingleSignature(text: text))
    }

    /// Remembers post `id` with its signature; posts too short to compare are not kept.
    public mutating func insert(id: String, signature: ShingleSignature) {
        guard signature.wordCount >= Self.minimumWords else { return }
        let index = entries.count
        entries.append(Entry(id: id, signature: signature))
        for key in signature.bandKeys { buckets[key, default: []].append(index) }
    }

    /// The earliest remembered post that `signature` repeats, with their similarity.
    public func original(of signature: ShingleSignature) -> (id: String, similarity: Double)? {
        guard signature.wordCount >= Self.minimumWords else { return nil }
        var candidates: Set<Int> = []
        for key in signature.bandKeys { if let hits = buckets[key] { candidates.formUnion(hits) } }
        var best: (index: Int, similarity: Double)?
        for index in candidates {
            let similarity = entries[index].signature.similarity(to: signature)
            guard similarity >= Self.threshold else { continue }
            // Keep the first: the earliest post is the one shown, later copies point at it.
            if best == nil || index < (best?.index ?? .max) { best = (index, similarity) }
        }
        return best.map { (entries[$0.index].id, $0.similarity) }
    }
}
