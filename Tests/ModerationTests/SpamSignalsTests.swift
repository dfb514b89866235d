import Testing
@testable import Moderation

@Suite("SpamSignals")
struct SpamSignalsTests {
    @Test("flags each kind of stuffing and noise with a detail", arguments: [
        ("Buy now #a #b #c #d #e #f #g #h #i #j #k #l", [String](), 0, SpamSignal.Kind.hashtagStuffing, "12 hashtags"),
        ("Nice #one #two #three #four day", [], 0, .hashtagStuffing, "4 of 6 words are hashtags"),
        ("Plain text", (1...11).map { "tag\($0)" }, 0, .hashtagStuffing, "11 hashtags"),
        ("See our offers", [], 5, .linkStuffing, "5 links"),
        ("a http://a.example b https://b.example c http://c.example d www.d.example", [], 0, .linkStuffing, "4 links"),
        ("Wow!!!!!!!! amazing", [], 0, .repeatedCharacters, "“!” repeated 8 times"),
        ("I love it soooooo much", [], 0, .repeatedCharacters, "“o” repeated 6 times"),
        ("THIS IS THE BEST DEAL YOU WILL EVER SEE", [], 0, .shouting, "100% of 31 letters upper-case"),
    ])
    func fires(text: String, tags: [String], links: Int, kind: SpamSignal.Kind, detail: String) {
        let signals = SpamSignals.analyze(text: text, tags: tags, links: links)
        #expect(signals.contains { $0.kind == kind && $0.detail == detail }, "\(signals)")
    }

    @Test("stays quiet on ordinary posts", arguments: [
        "Lovely day at the beach with friends #summer #beach",
        "Read more at https://example.com/article",
        "We sold 1000000 copies!",
        "NASA and the ESA launched a new probe today",
        "Hmm... okay",
        "",
    ])
    func quiet(text: String) {
        #expect(SpamSignals.analyze(text: text, tags: ["summer"], links: 1).isEmpty)
    }

    @Test("counts a hashtag in the text and the tags once")
    func hashtagsOnce() {
        let text = (1...6).map { "#tag\($0)" }.joined(separator: " ") + " with plenty of real words here today"
        #expect(SpamSignals.analyze(text: text, tags: (1...6).map { "tag\($0)" }, links: 0).isEmpty)
    }

    @Test("reports several signals in kind order")
    func several() {
        let signals = SpamSignals.analyze(text: "FREE MONEY!!!!!!!! CLICK NOW EVERYONE", tags: [], links: 4)
        #expect(signals.map(\.kind) == [.linkStuffing, .repeatedCharacters, .shouting])
    }
}
