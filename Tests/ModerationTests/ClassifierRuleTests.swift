import FeedFetchers
import Foundation
@testable import Moderation
import Testing

@Suite("The classifier rule: held in the inbox until judged, labels as reasons, a defined fallback (issue 15)")
struct ClassifierRuleTests {
    private static let rule = Rule(id: "model", action: .hide, kind: .classifier(ClassifierSettings(url: "https://m.example/judge", timeoutMs: 200)))
    private static let post = Post(channel: "rss", title: "Hello", textPlain: "An ordinary post")

    @Test("Without an answer the post waits in the inbox in every mode: never published unjudged", arguments: ModerationType.allCases)
    func pending(mode: ModerationType) {
        let decision = Moderator.decide(Self.post, feedMode: mode, ruleSet: RuleSet(rules: [Self.rule]))
        #expect(decision.state == .inbox)
        #expect(decision.pendingClassifiers == ["model"])
        #expect(decision.reasons.map(\.detail) == ["waiting for the classifier's answer"])
    }

    @Test("A hide rule that fires decides at once, without waiting for the classifier")
    func hideFirst() {
        let rules = RuleSet(rules: [Rule(id: "k", action: .hide, kind: .keywords(["ordinary"])), Self.rule])
        #expect(Moderator.decide(Self.post, feedMode: .autoPublish, ruleSet: rules).state == .hidden)
    }

    @Test("Answers decide: a label at or above minScore fires; harmless labels and low scores do not; failures stay in the inbox")
    func answers() {
        let rules = RuleSet(rules: [Self.rule])
        func decide(_ verdict: ClassifierVerdict) -> Decision {
            Moderator.decide(Self.post, feedMode: .autoPublish, ruleSet: rules, context: ModerationContext(classifierVerdicts: ["model": verdict]))
        }
        let hidden = decide(.labels([ClassifierLabel(name: "nsfw", score: 0.91), ClassifierLabel(name: "ok", score: 0.09)]))
        #expect(hidden.state == .hidden)
        #expect(hidden.reasons.map(\.detail) == ["classifier labelled nsfw 0.91"])
        #expect(decide(.labels([ClassifierLabel(name: "ok", score: 0.99)])).state == .published)
        #expect(decide(.labels([ClassifierLabel(name: "spam", score: 0.2)])).state == .published)
        let failed = decide(.failed("no answer within 200 ms"))
        #expect(failed.state == .inbox)
        #expect(failed.reasons.map(\.detail) == ["classifier failed (no answer within 200 ms): left in the inbox"])
        #expect(failed.pendingClassifiers.isEmpty)
    }

    @Test("Answers are read strictly", arguments: [
        (#"{"labels": [{"label": "spam", "score": 0.9}]}"#, true), (#"{"labels": {"spam": 0.9, "ok": 0.1}}"#, true),
        (#"[{"name": "spam", "score": 1}]"#, true), ("not json", false), (#"{"labels": [{"label": "spam"}]}"#, false),
        (#"{"labels": {"spam": 7}}"#, false), (#"{"verdict": "spam"}"#, false), ("", false),
    ])
    func parsing(body: String, valid: Bool) {
        let verdict = ClassifierAnswer.parse(Array(body.utf8))
        if case .labels = verdict { #expect(valid, "\(body)") } else { #expect(!valid, "\(body)") }
    }

    /// A classifier that never answers and ignores cancellation's hint to hurry.
    struct Silent: PostClassifier {
        func classify(_ request: ClassifierRequest, settings: ClassifierSettings) async -> ClassifierVerdict {
            try? await Task.sleep(for: .seconds(3600))
            return .labels([])
        }
    }

    @Test("The judge gives up at the rule's timeout whatever the classifier does")
    func timeout() async {
        let verdicts = await ClassifierJudge.judge(Self.post, ruleSet: RuleSet(rules: [Self.rule]), classifier: Silent())
        #expect(verdicts == ["model": .failed("no answer within 200 ms")])
    }

    @Test("The request carries the text and media URLs as JSON")
    func request() throws {
        var post = Self.post
        post.images = [PostImage(url: "https://cdn.example/a.jpg")]
        let body = ClassifierRequest(post: post).body
        let object = try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])
        #expect(object["text"] as? String == "An ordinary post")
        #expect(object["title"] as? String == "Hello")
        #expect(object["media"] as? [String] == ["https://cdn.example/a.jpg"])
        #expect(object["channel"] as? String == "rss")
    }
}
