import FeedFetchers
import Foundation
import Testing
@testable import Moderation

@Suite("Moderator: modes, precedence and reasons")
struct ModeratorTests {
    private let post = Post(channel: "rss", sourceUrl: "https://example.com/1", title: "Big spoiler ahead",
                            textPlain: "The finale reveals everything about the show and its characters in detail.",
                            from: PostAuthor(name: "Ann", username: "ann"), tags: ["tv"])

    private func rule(_ id: String, _ action: Rule.Action, weight: Double = 0, _ kind: Rule.Kind) -> Rule {
        Rule(id: id, action: action, weight: weight, kind: kind)
    }

    @Test("With no rules the mode decides: auto_publish publishes, the others wait in the inbox", arguments: [
        (ModerationType.autoPublish, ModerationState.published), (.savedToInbox, .inbox), (.aiModeration, .published),
    ])
    func modes(mode: ModerationType, expected: ModerationState) {
        #expect(Moderator.decide(post, feedMode: mode, ruleSet: .empty).state == expected)
    }

    @Test("Hide rules win in every mode, and say what they matched", arguments: ModerationType.allCases)
    func hideWins(mode: ModerationType) {
        let rules = RuleSet(rules: [rule("allow", .publish, .authors(["ann"])), rule("spoilers", .hide, .keywords(["spoiler"]))])
        let decision = Moderator.decide(post, feedMode: mode, ruleSet: rules)
        #expect(decision.state == .hidden)
        #expect(decision.decidedBy == .rules)
        #expect(decision.reasons == [Reason(rule: "spoilers", type: "keywords", detail: "matched 'spoiler' in title")])
    }

    @Test("auto_publish: an inbox rule holds a post back, unless a publish rule allows it")
    func autoPublishOrder() {
        let inbox = RuleSet(rules: [rule("tv", .inbox, .keywords(["finale"]))])
        #expect(Moderator.decide(post, feedMode: .autoPublish, ruleSet: inbox).state == .inbox)
        let both = RuleSet(rules: [rule("tv", .inbox, .keywords(["finale"])), rule("trusted", .publish, .authors(["@ann"]))])
        #expect(Moderator.decide(post, feedMode: .autoPublish, ruleSet: both).state == .published)
    }

    @Test("saved_to_inbox: only hide rules act")
    func savedToInbox() {
        let rules = RuleSet(rules: [rule("trusted", .publish, .authors(["ann"]))])
        #expect(Moderator.decide(post, feedMode: .savedToInbox, ruleSet: rules).state == .inbox)
    }

    @Test("ai_moderation: score weights add up (capped at 1) against the thresholds", arguments: [
        (0.2, ModerationState.published), (0.5, .inbox), (0.7, .hidden), (0.9, .hidden),
    ])
    func scores(weight: Double, expected: ModerationState) {
        let rules = RuleSet(rules: [rule("a", .score, weight: weight / 2, .keywords(["spoiler"])),
                                    rule("b", .score, weight: weight / 2, .media(.image)),
                                    rule("c", .score, weight: 0.5, .keywords(["never-here"]))])
        let decision = Moderator.decide(post, feedMode: .aiModeration, ruleSet: rules)
        #expect(decision.state == expected)
        #expect(abs((decision.score ?? -1) - weight) < 1e-9)
        #expect(decision.reasons.map(\.rule) == ["a", "b"])
    }

    @Test("Each rule type fires on what it looks for")
    func ruleTypes() {
        let evaluator = RuleEvaluator(post: post, context: ModerationContext())
        #expect(evaluator.fires(rule("k", .hide, .keywords(["SPOILER"]))) != nil)
        #expect(evaluator.fires(rule("k2", .hide, .keywords(["spoil"]))) == nil, "whole words only")
        #expect(evaluator.fires(rule("a", .hide, .authors(["ANN"]))) != nil)
        #expect(evaluator.fires(rule("r", .hide, .regex(pattern: "fin(ale)?", fields: [.text]))) != nil)
        #expect(evaluator.fires(rule("r2", .hide, .regex(pattern: "fin(ale)?", fields: [.url]))) == nil)
        #expect(evaluator.fires(rule("m", .hide, .media(.any))) == "has no image or video")
        #expect(evaluator.fires(rule("l", .hide, .length(min: 200, max: nil))) != nil)
        #expect(evaluator.fires(rule("l2", .hide, .length(min: 10, max: 500))) == nil)
        #expect(evaluator.fires(rule("c", .hide, .channels(["rss"]))) == "comes from rss")
        #expect(evaluator.fires(rule("c2", .hide, .channels(["twitter"]))) == nil)
        #expect(evaluator.fires(rule("lang", .hide, .language(allow: ["en"]))) == nil)
        #expect(evaluator.fires(rule("lang2", .hide, .language(allow: ["fi"]))) != nil)
        #expect(evaluator.fires(rule("p", .hide, .profanity)) == nil)
        #expect(evaluator.fires(rule("s", .hide, .spam(threshold: 0.6))) == nil)
    }

    @Test("The profanity and spam rules fire on what the built-in checks find; shouting alone only scores")
    func profanityAndSpam() {
        let rude = Post(channel: "rss", title: "What the f*ck", textPlain: "This is a perfectly ordinary sentence otherwise.")
        let shouting = Post(channel: "rss", textPlain: "BUY NOW THE BEST DEAL OF THE YEAR, LIMITED OFFER FOR EVERYONE")
        let stuffed = Post(channel: "rss", textPlain: "BUY NOW THE BEST DEAL!!!!!!!! https://a.example https://b.example https://c.example https://d.example")
        let copy = Post(channel: "rss", textPlain: "The town council meets on Tuesday evening to discuss the new library opening hours.")
        let spam = Rule(id: "s", action: .hide, kind: .spam(threshold: 0.6))
        #expect(RuleEvaluator(post: rude, context: ModerationContext()).fires(Rule(id: "p", action: .hide, kind: .profanity)) != nil)
        #expect(RuleEvaluator(post: shouting, context: ModerationContext()).fires(spam) == nil)
        #expect(RuleEvaluator(post: stuffed, context: ModerationContext()).fires(spam)?.hasPrefix("spam score ") == true)
        var recent = ModerationContext()
        recent.remember(id: "41", post: copy)
        let detail = RuleEvaluator(post: copy, context: recent).fires(spam)
        #expect(detail == "spam score 1: repeats post 41 (100% alike) (1)")
    }

    @Test("A score exactly at the publish threshold publishes: 0.1 + 0.2 is 0.3, not 0.30000000000000004")
    func exactlyAtPublish() {
        let rules = RuleSet(rules: [rule("a", .score, weight: 0.1, .keywords(["spoiler"])), rule("b", .score, weight: 0.2, .authors(["ann"]))],
                            thresholds: RuleSet.Thresholds(publish: 0.3, hide: 0.7))
        let decision = Moderator.decide(post, feedMode: .aiModeration, ruleSet: rules)
        #expect(decision.state == .published)
        #expect(decision.score == 0.3)
    }

    @Test("A score exactly at the hide threshold hides: 0.3 + 0.6 is 0.9, not 0.8999999999999999")
    func exactlyAtHide() {
        let rules = RuleSet(rules: [rule("a", .score, weight: 0.3, .keywords(["spoiler"])), rule("b", .score, weight: 0.6, .authors(["ann"]))],
                            thresholds: RuleSet.Thresholds(publish: 0.2, hide: 0.9))
        let decision = Moderator.decide(post, feedMode: .aiModeration, ruleSet: rules)
        #expect(decision.state == .hidden)
        #expect(decision.score == 0.9)
    }
}

@Suite("Rule sets as JSON")
struct RuleSetCodingTests {
    @Test("A valid rule set reads and writes back the same")
    func roundTrip() throws {
        let json: [String: Any] = [
            "rules": [
                ["id": "k", "type": "keywords", "action": "hide", "words": ["spoiler", "leak"]],
                ["id": "s", "type": "spam", "action": "score", "weight": 0.4],
                ["id": "r", "type": "regex", "action": "inbox", "pattern": "^win", "fields": ["title"]],
                ["id": "len", "type": "length", "action": "hide", "min": 3],
            ],
            "thresholds": ["publish": 0.2, "hide": 0.8],
        ]
        let rules = try RuleSet.from(json: json)
        #expect(rules.rules.count == 4)
        #expect(rules.thresholds == RuleSet.Thresholds(publish: 0.2, hide: 0.8))
        #expect(RuleSet.from(jsonText: rules.jsonText) == rules)
    }

    @Test("Every mistake names its rule and field", arguments: [
        (#"[{"id": "x", "type": "colour", "action": "hide"}]"#, "rules[0].type"),
        (#"[{"id": "x", "type": "keywords", "action": "nuke", "words": ["a"]}]"#, "rules[0].action"),
        (#"[{"id": "x", "type": "keywords", "action": "hide", "words": []}]"#, "rules[0].words"),
        (#"[{"id": "x", "type": "score", "action": "score"}]"#, "rules[0].type"),
        (#"[{"id": "x", "type": "spam", "action": "score"}]"#, "rules[0].weight"),
        (#"[{"id": "x", "type": "spam", "action": "score", "weight": 2}]"#, "rules[0].weight"),
        (#"[{"id": "x", "type": "regex", "action": "hide", "pattern": "(?<x>a+)\\k<x>+$"}]"#, "rules[0].pattern"),
        (#"[{"id": "x", "type": "regex", "action": "hide", "pattern": "(unclosed"}]"#, "rules[0].pattern"),
        (#"[{"id": "x", "type": "media", "action": "hide", "require": "gif"}]"#, "rules[0].require"),
        (#"[{"id": "x", "type": "spam", "action": "hide"}, {"id": "x", "type": "spam", "action": "hide"}]"#, "rules[1].id"),
        (#"[{"type": "spam", "action": "hide"}]"#, "rules[0].id"),
    ])
    func invalid(rules: String, field: String) throws {
        let parsed = try JSONSerialization.jsonObject(with: Data(rules.utf8))
        do {
            _ = try RuleSet.from(json: ["rules": parsed])
            Issue.record("expected a problem with \(field)")
        } catch {
            #expect(error.problems.map(\.field).contains(field))
        }
    }
}
