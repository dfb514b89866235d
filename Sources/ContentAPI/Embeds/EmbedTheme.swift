import Foundation

/// An embed's look, applied as CSS custom properties on the embed's root (issue 11). The
/// presets pass WCAG 2.1 AA contrast; custom colours are checked when saved.
struct EmbedTheme: Codable, Sendable, Equatable {
    var preset = "light"
    var background = "#f4f4f5"
    var card = "#ffffff"
    var text = "#1a1a1a"
    var muted = "#52525b"
    var accent = "#0b57d0"
    var font = "system"
    /// Corner radius of cards, in CSS pixels.
    var radius = 10
    /// Space between cards, in CSS pixels.
    var gap = 16

    /// The light preset.
    static let light = EmbedTheme()
    /// The dark preset.
    static let dark = EmbedTheme(preset: "dark", background: "#121214", card: "#1f1f23", text: "#f4f4f5", muted: "#b4b4bb",
                                 accent: "#8ab4f8")
    /// The fonts a theme may name: system stacks only, so nothing is fetched from a font host.
    static let fonts: [String: String] = [
        "system": "system-ui, -apple-system, \"Segoe UI\", Roboto, sans-serif",
        "sans-serif": "\"Helvetica Neue\", Arial, sans-serif",
        "serif": "Georgia, \"Times New Roman\", serif",
        "monospace": "ui-monospace, \"SFMono-Regular\", Menlo, monospace",
        "rounded": "ui-rounded, \"Nunito\", system-ui, sans-serif",
    ]

    /// The CSS font stack of `font`.
    var fontStack: String { Self.fonts[font] ?? Self.fonts["system"] ?? "sans-serif" }

    /// `#rrggbb` as linear-light relative luminance (WCAG 2.1, 1.4.3).
    static func luminance(_ hex: String) -> Double? {
        guard hex.count == 7, hex.first == "#", hex.dropFirst().allSatisfy(\.isHexDigit), let value = UInt32(hex.dropFirst(), radix: 16) else { return nil }
        let channels = [(value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF].map { Double($0) / 255 }
        let linear = channels.map { $0 <= 0.03928 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    }

    /// The WCAG contrast ratio of two `#rrggbb` colours; nil when one is not such a colour.
    static func contrast(_ first: String, _ second: String) -> Double? {
        guard let a = luminance(first), let b = luminance(second) else { return nil }
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// The colour pairs that must reach 4.5:1 (text on cards and on the background, links on
    /// cards), named by the field a failure is reported on.
    var contrastPairs: [(field: String, foreground: String, background: String)] {
        [("theme.text", text, card), ("theme.text", text, background), ("theme.muted", muted, card), ("theme.accent", accent, card),
         ("theme.accent", accent, background)]
    }
}
