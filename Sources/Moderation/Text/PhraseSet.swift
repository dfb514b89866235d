/// A set of folded phrases found in a text's folded words, all of them at once: what the scam
/// rule counts (several scam phrases weigh more than one).
struct PhraseSet: Sendable {
    /// Phrases by their first word, each as its words.
    private var byFirstWord: [Substring: [[Substring]]] = [:]

    /// A set of `phrases`, each folded into words.
    init(_ phrases: [String]) {
        for phrase in phrases {
            let words = TextNormalizer.words(phrase)
            guard let first = words.first else { continue }
            byFirstWord[first, default: []].append(words)
        }
    }

    /// Whether the set has no phrase.
    var isEmpty: Bool { byFirstWord.isEmpty }

    /// The distinct phrases that occur in `words`, in order of first occurrence.
    func matches(in words: [Substring]) -> [String] {
        var found: [String] = []
        for start in words.indices {
            guard let candidates = byFirstWord[words[start]] else { continue }
            for phrase in candidates where words.count - start >= phrase.count {
                if phrase.indices.allSatisfy({ words[start + $0] == phrase[$0] }) {
                    let text = phrase.joined(separator: " ")
                    if !found.contains(text) { found.append(text) }
                }
            }
        }
        return found
    }
}
