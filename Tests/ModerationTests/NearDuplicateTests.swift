import FeedFetchers
@testable import Moderation
import Testing

@Suite("Near-duplicates by word shingles and MinHash, across feeds and platforms (issue 15)")
struct NearDuplicateTests {
    private static let original = "The town council meets on Tuesday evening to discuss the new library opening hours and the budget."
    private static let spam = Rule(id: "spam", action: .hide, kind: .spam(threshold: Rule.defaultSpamThreshold))

    @Test("Small edits still repeat the original", arguments: [
        "The town council meets on Wednesday evening to discuss the new library opening hours and the budget.",
        "The town council meets on Tuesday evening to discuss the new library opening hours and the budget 🙌 #library #council #news",
        "The TOWN council meets on Tuesday evening to discuss the new library opening hours and the budget https://t.co/abc123",
        "the town council meets on tuesday evening to discuss the new library opening hours and the budget!!",
        "@mayor The town council meets on Tuesday evening to discuss the new library hours and the budget.",
    ])
    func edits(text: String) {
        var index = RecentPostIndex()
        index.insert(id: "7", text: Self.original)
        let found = index.original(of: ShingleSignature(text: text))
        #expect(found?.id == "7", "\(text)")
    }

    @Test("Unrelated posts, and posts that share a topic but not their words, are not repeats", arguments: [
        "The library opens a new reading room for children on Saturday, with free books for every visitor.",
        "Tuesday evening football: the town team won three nil against the visitors from the coast.",
        "Council budget approved after a long debate; the library keeps its Sunday hours.",
        "Goal!",
    ])
    func unrelated(text: String) {
        var index = RecentPostIndex()
        index.insert(id: "7", text: Self.original)
        #expect(index.original(of: ShingleSignature(text: text)) == nil, "\(text)")
    }

    @Test("A cross-post from X and then Instagram shows once: the first is kept, the repeat names it")
    func crossPost() {
        let onX = Post(channel: "twitter", sourceId: "x1", textPlain: "Doors open at 7pm for the harbour festival tonight, bring a jumper and your friends! https://t.co/xyz")
        let onInstagram = Post(channel: "instagram", sourceId: "ig1",
                               textPlain: "Doors open at 7pm for the harbour festival tonight, bring a jumper and your friends! #harbour #festival #tonight")
        var context = ModerationContext()
        let rules = RuleSet(rules: [Self.spam])
        let first = Moderator.decide(onX, feedMode: .autoPublish, ruleSet: rules, context: context)
        context.remember(id: "101", post: onX)
        let second = Moderator.decide(onInstagram, feedMode: .autoPublish, ruleSet: rules, context: context)
        #expect(first.state == .published)
        #expect(second.state == .hidden)
        #expect(second.reasons.first?.detail.contains("repeats post 101") == true)
    }

    @Test("Of several earlier copies, the earliest is named")
    func earliest() {
        var index = RecentPostIndex()
        index.insert(id: "first", text: Self.original)
        index.insert(id: "second", text: Self.original + " #again")
        #expect(index.original(of: ShingleSignature(text: Self.original + " 👍"))?.id == "first")
    }

    @Test("Signatures are stable: the same text gives the same shingles and MinHash on every run")
    func stable() {
        let a = ShingleSignature(text: Self.original), b = ShingleSignature(text: Self.original)
        #expect(a == b)
        #expect(a.minHashes.count == 24)
        #expect(a.bandKeys.count == 12)
        #expect(a.similarity(to: b) == 1)
    }
}
