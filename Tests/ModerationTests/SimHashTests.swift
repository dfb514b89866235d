import Testing
@testable import Moderation

@Suite("SimHash")
struct SimHashTests {
    static let original = "Huge sale this weekend at our downtown store, every jacket and pair of boots half price until Sunday evening"

    @Test("near-duplicates land within a few bits", arguments: [
        "HUGE SALE this weekend at our downtown store!!! Every jacket and pair of boots half price until Sunday evening 🎉",
        "Huge sale this weekend at our downtown store, every jacket and pair of boots half price until Sunday evening https://shop.example/x?utm=1",
        "@friend Huge sale this weekend at our downtown store, every jacket and pair of boots half-price until Sunday evening.",
    ])
    func nearDuplicates(text: String) {
        let distance = SimHash.distance(SimHash.fingerprint(Self.original), SimHash.fingerprint(text))
        #expect(distance <= 3, "distance \(distance)")
    }

    @Test("different texts land far apart", arguments: [
        "The city council voted on Tuesday to extend the bike lanes along the river",
        "Just finished my first marathon and my legs are completely destroyed right now",
        "Huge storm warning for the coast this weekend, stay safe and keep indoors",
    ])
    func different(text: String) {
        let distance = SimHash.distance(SimHash.fingerprint(Self.original), SimHash.fingerprint(text))
        #expect(distance > 10, "distance \(distance)")
    }

    @Test("is stable, and zero for text without words")
    func stable() {
        #expect(SimHash.fingerprint(Self.original) == SimHash.fingerprint(Self.original))
        #expect(SimHash.fingerprint("!!! 🎉") == 0)
        #expect(SimHash.fingerprint("hello") != 0)
        #expect(SimHash.distance(0, UInt64.max) == 64)
    }

    @Test("the index finds the closest recent post within the distance")
    func index() {
        var index = NearDuplicateIndex()
        index.insert(id: 1, fingerprint: SimHash.fingerprint("The city council voted on Tuesday to extend the bike lanes"))
        index.insert(id: 2, fingerprint: SimHash.fingerprint(Self.original))
        index.insert(id: 3, fingerprint: 0)
        #expect(index.count == 2)
        #expect(index.nearest(to: SimHash.fingerprint(Self.original.uppercased())) == 2)
        #expect(index.nearest(to: SimHash.fingerprint("Something else entirely, about cats and their naps")) == nil)
        #expect(index.nearest(to: 0) == nil)
    }

    @Test("the index forgets the oldest fingerprint when full and prefers the newest on a tie")
    func capacity() {
        var index = NearDuplicateIndex(capacity: 2)
        index.insert(id: 1, fingerprint: 0b1111)
        index.insert(id: 2, fingerprint: 0b1111)
        #expect(index.nearest(to: 0b1111) == 2)
        index.insert(id: 3, fingerprint: 0b1111_0000)
        index.insert(id: 4, fingerprint: 0b1111_0000_0000)
        #expect(index.count == 2)
        #expect(index.nearest(to: 0b1111, maxDistance: 0) == nil)
        #expect(index.nearest(to: 0b1111_0000, maxDistance: 0) == 3)
    }
}
