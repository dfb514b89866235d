import Foundation
import Testing
@testable import Moderation

@Suite("LanguageDetector")
struct LanguageDetectorTests {
    /// `fixtures/moderation/language_samples.tsv`: hand-written posts, `lang<TAB>text` per line.
    static func samples() throws -> [(language: String, text: String)] {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("fixtures/moderation/language_samples.tsv")
        let content = try String(contentsOf: url, encoding: .utf8)
        return content.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let parts = line.split(separator: "\t", maxSplits: 1)
            return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
        }
    }

    @Test("recognises at least 90% of the hand-written posts of every language (80% for Norwegian)")
    func sampleAccuracy() throws {
        let samples = try Self.samples()
        let languages = Set(samples.map(\.language))
        #expect(languages.count >= 20)
        var report: [String] = []
        var right = 0, wrong = 0
        for language in languages.sorted() {
            let mine = samples.filter { $0.language == language }
            let misses = mine.filter { LanguageDetector.shared.detect($0.text).code != language }
            right += mine.count - misses.count
            let accuracy = Double(mine.count - misses.count) / Double(mine.count)
            report.append("\(language) \(mine.count - misses.count)/\(mine.count)")
            // Known weakness: short Norwegian (Bokmål) and Danish posts are often too close to
            // call, so the detector answers unknown for some of them rather than guess.
            let required = language == "no" ? 0.8 : 0.9
            #expect(accuracy >= required, "\(language): \(misses.map { "\($0.text) → \(LanguageDetector.shared.detect($0.text))" })")
            wrong += misses.filter { LanguageDetector.shared.detect($0.text).code != nil }.count
        }
        print("language samples: \(right)/\(samples.count) right, \(wrong) wrong; " + report.joined(separator: ", "))
        #expect(wrong <= samples.count / 50, "at most 2% confidently wrong")
    }

    @Test("says unknown for short text rather than guess", arguments: [
        "lol",
        "Thanks!",
        "ok see you",
        "🔥🔥🔥 #tbt @friend https://example.com/a/very/long/link/indeed",
        "",
        "12345 67890 !!!",
        "こんにちは",
    ])
    func shortTextIsUnknown(text: String) {
        guard case .unknown = LanguageDetector.shared.detect(text) else {
            Issue.record("guessed \(LanguageDetector.shared.detect(text)) for \(text)")
            return
        }
    }

    @Test("ignores URLs, hashtags and mentions when counting letters")
    func stripsNoise() {
        let text = "@someone_with_a_long_name #averyveryverylonghashtag https://example.com/path/to/something wow"
        #expect(LanguageDetector.shared.detect(text).code == nil)
    }

    @Test("uses the script when one language owns it", arguments: [
        ("오늘 날씨가 정말 좋네요 산책 가요", "ko"),
        ("今日はとても良い天気ですね、散歩に行きましょう", "ja"),
        ("今天天气很好，我们去公园散步吧", "zh"),
        ("Σήμερα ο καιρός είναι υπέροχος για βόλτα", "el"),
        ("היום מזג האוויר נפלא לטיול בפארק", "he"),
        ("วันนี้อากาศดีมากไปเดินเล่นที่สวนกัน", "th"),
    ])
    func scriptShortcuts(text: String, expected: String) {
        #expect(LanguageDetector.shared.detect(text).code == expected)
    }

    @Test("is confident on longer clear text and says which language")
    func confidence() {
        let guess = LanguageDetector.shared.detect(
            "Der schnelle braune Fuchs springt über den faulen Hund, und alle Kinder lachen darüber.")
        guard case .language(let code, let confidence) = guess else {
            Issue.record("no guess: \(guess)")
            return
        }
        #expect(code == "de")
        #expect(confidence > 0.9 && confidence <= 1)
    }

    @Test("reads text in decomposed form (NFD) the same as composed")
    func decomposed() {
        let composed = "Não acredito como esse álbum novo é bom, estou ouvindo o dia todo"
        #expect(LanguageDetector.shared.detect(composed.decomposedStringWithCanonicalMapping) == LanguageDetector.shared.detect(composed))
    }

    @Test("has a profile for every alphabetic language it promises")
    func profiles() {
        let codes = Set(LanguageProfiles.groups.values.flatMap(\.languages))
        for code in ["en", "es", "pt", "fr", "de", "it", "nl", "sv", "fi", "da", "no", "pl", "ru", "uk", "tr", "ar", "id"] {
            #expect(codes.contains(code), "\(code)")
        }
        #expect(LanguageProfiles.groups[.latin] != nil && LanguageProfiles.groups[.cyrillic] != nil)
    }

    @Test("detects a 300-character post quickly")
    func speed() {
        let post = String(repeating: "Acabo de volver de la playa y ya echo de menos el sol. ", count: 6).prefix(300)
        _ = LanguageDetector.shared.detect(String(post))
        let clock = ContinuousClock()
        let runs = 200
        let elapsed = clock.measure {
            for _ in 0..<runs { _ = LanguageDetector.shared.detect(String(post)) }
        }
        let perCall = elapsed / runs
        print("detect() on 300 characters: \(perCall)")
        // Generous for debug builds; a release build takes well under 50 µs.
        #expect(perCall < .milliseconds(5))
    }
}
