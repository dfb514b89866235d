import FeedFetchers
@testable import Moderation
import Testing

@Suite("Spam signals are weighted: one cheer, chant or photo caption alone does not hide (issue 15)")
struct WeightedSpamTests {
    private func fires(_ text: String, tags: [String] = [], threshold: Double = Rule.defaultSpamThreshold) -> String? {
        let rule = Rule(id: "spam", action: .hide, kind: .spam(threshold: threshold))
        return RuleEvaluator(post: Post(channel: "instagram", textPlain: text, tags: tags), context: ModerationContext()).fires(rule)
    }

    @Test("Event-wall hard negatives stay", arguments: [
        "GOOOOOOOOOL!!! Vamos Betis",
        "Yessssss! What a finish from United",
        "COME ON ROVERS! COME ON ROVERS! WE ARE THE CHAMPIONS OF THE LEAGUE",
        "MAAAAAALI! HYVÄ ILVES! TÄÄLLÄ ON MESTARI!",
        "Golden hour by the lake #photography #nature #sunset #landscape #travel #lake #autumn #hiking #outdoors #weekend #goldenhour #picoftheday",
        "Our menu for the weekend is at https://cafe.example/menu with photos on https://cafe.example/gallery",
    ])
    func stays(text: String) {
        #expect(fires(text) == nil, "\(text)")
    }

    @Test("Signals together reach the threshold", arguments: [
        "BEST DEALS!!!!!!!! https://a.example/1 https://b.example/2 https://c.example/3 https://d.example/4 #follow4follow #like4like",
        "Check my page #f4f #followback #l4l #like4like",
        "Click here https://a.example/1 https://b.example/2 https://c.example/3 https://d.example/4 https://e.example/5",
    ])
    func fires(text: String) {
        #expect(fires(text) != nil, "\(text)")
    }

    @Test("The threshold is the site's: a strict site hides a lone chant, a lenient one keeps stuffing")
    func tunable() {
        #expect(fires("COME ON ROVERS! COME ON ROVERS! WE ARE THE CHAMPIONS", threshold: 0.2) != nil)
        #expect(fires("Check my page #f4f #followback #l4l #like4like", threshold: 1) == nil)
    }

    @Test("Each signal carries its weight in the reason")
    func reasonWeights() {
        let detail = fires("BEST DEALS!!!!!!!! https://a.example/1 https://b.example/2 https://c.example/3 https://d.example/4 #follow4follow") ?? ""
        #expect(detail.hasPrefix("spam score "))
        #expect(detail.contains("4 links (0.6)"))
        #expect(detail.contains("repeated 8 times (0.3)"))
    }
}
