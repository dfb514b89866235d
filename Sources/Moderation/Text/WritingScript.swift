/// The writing system of a letter, as far as language detection cares.
///
/// Scripts that only one common language uses decide the language on their own (the
/// detector's "script shortcut"); the others are told apart by n-gram profiles.
enum WritingScript: Int, Sendable, CaseIterable {
    case latin, cyrillic, arabic, greek, hebrew, hangul, kana, han, thai, devanagari,
         georgian, armenian, other

    /// The script of `scalar`, by Unicode block (letters only are asked about).
    init(_ scalar: Unicode.Scalar) {
        switch scalar.value {
        case 0x0041...0x024F, 0x1E00...0x1EFF, 0x2C60...0x2C7F, 0xA720...0xA7FF, 0xFF21...0xFF5A:
            self = .latin
        case 0x0400...0x052F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F:
            self = .cyrillic
        case 0x0600...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF:
            self = .arabic
        case 0x0370...0x03FF, 0x1F00...0x1FFF: self = .greek
        case 0x0590...0x05FF, 0xFB1D...0xFB4F: self = .hebrew
        case 0x1100...0x11FF, 0x3130...0x318F, 0xA960...0xA97F, 0xAC00...0xD7FF: self = .hangul
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: self = .kana
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: self = .han
        case 0x0E00...0x0E7F: self = .thai
        case 0x0900...0x097F, 0xA8E0...0xA8FF: self = .devanagari
        case 0x10A0...0x10FF, 0x1C90...0x1CBF: self = .georgian
        case 0x0530...0x058F: self = .armenian
        default: self = .other
        }
    }

    /// The language a script shortcut names, when the script alone is enough.
    ///
    /// Han is resolved by the detector (with kana it is Japanese); Devanagari is Hindi, by far
    /// its most used language on social media (Marathi and Nepali also use it).
    var shortcutLanguage: String? {
        switch self {
        case .greek: return "el"
        case .hebrew: return "he"
        case .hangul: return "ko"
        case .kana: return "ja"
        case .han: return "zh"
        case .thai: return "th"
        case .devanagari: return "hi"
        case .georgian: return "ka"
        case .armenian: return "hy"
        case .latin, .cyrillic, .arabic, .other: return nil
        }
    }

    /// Whether one character of this script carries about a word's worth of meaning, so a
    /// shorter text suffices to recognise it.
    var isLogographic: Bool {
        self == .han || self == .kana || self == .hangul
    }
}
