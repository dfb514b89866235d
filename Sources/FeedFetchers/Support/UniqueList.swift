/// An ordered list that keeps each value once, optionally comparing case-insensitively
/// while keeping the first spelling (SPEC §2 `tags`).
struct UniqueList {
    private(set) var items: [String] = []
    private var seen: Set<String> = []
    private let caseInsensitive: Bool

    init(caseInsensitive: Bool) {
        self.caseInsensitive = caseInsensitive
    }

    /// Appends `value` unless already present; true when it was appended.
    @discardableResult
    mutating func append(_ value: String) -> Bool {
        let key = caseInsensitive ? value.lowercased() : value
        guard seen.insert(key).inserted else { return false }
        items.append(value)
        return true
    }
}
