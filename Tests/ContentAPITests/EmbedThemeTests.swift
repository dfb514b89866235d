@testable import ContentAPI
import Testing

@Suite("Embed themes (WCAG 2.1 AA)")
struct EmbedThemeTests {
    @Test("Every preset reaches 4.5:1 for text, muted text and links, on cards and on the background", arguments: ["light", "dark"])
    func presetContrast(preset: String) {
        let theme = preset == "dark" ? EmbedTheme.dark : EmbedTheme.light
        for pair in theme.contrastPairs {
            let ratio = EmbedTheme.contrast(pair.foreground, pair.background) ?? 0
            #expect(ratio >= 4.5, "\(preset) \(pair.field): \(pair.foreground) on \(pair.background) is \(ratio):1")
        }
    }

    @Test("Contrast ratios match WCAG's formula at its ends and refuse what is not #rrggbb")
    func formula() {
        #expect(EmbedTheme.contrast("#000000", "#ffffff").map { ($0 * 100).rounded() } == 2100)
        #expect(EmbedTheme.contrast("#777777", "#777777") == 1)
        #expect(EmbedTheme.luminance("#+12345") == nil)
        #expect(EmbedTheme.luminance("red") == nil)
    }
}
