import Foundation

/// LinkedIn's "little text" post commentary: `{hashtag|\#|Tag}` templates, `@[Name](urn:li:…)`
/// mentions, and a backslash before reserved characters (`\(`, `\)`, `\_`, `\-`, `\\`).
enum LinkedInLittleText {
    /// One run of decoded commentary.
    enum Piece: Sendable, Equatable {
        case text(String)
        case hashtag(String)
        case mention(name: String, urn: String)
    }

    /// The commentary split into plain runs, hashtags and mentions, escapes removed.
    static func pieces(_ text: String) -> [Piece] {
        let characters = Array(text)
        var pieces: [Piece] = []
        var buffer = ""
        var index = 0
        func flush() {
            if !buffer.isEmpty { pieces.append(.text(buffer)) }
            buffer = ""
        }
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count {
                buffer.append(characters[index + 1])
                index += 2
            } else if character == "{", let (tag, end) = hashtag(characters, at: index) {
                flush()
                pieces.append(.hashtag(tag))
                index = end
            } else if character == "@", let (name, urn, end) = mention(characters, at: index) {
                flush()
                pieces.append(.mention(name: name, urn: urn))
                index = end
            } else {
                buffer.append(character)
                index += 1
            }
        }
        flush()
        return pieces
    }

    /// The text as a reader sees it: `#Tag` for hashtags, the name for mentions.
    static func plain(_ pieces: [Piece]) -> String {
        pieces.map { piece in
            switch piece {
            case .text(let text): return text
            case .hashtag(let tag): return "#" + tag
            case .mention(let name, _): return name
            }
        }.joined()
    }

    /// The text as HTML: hashtags linked to LinkedIn's hashtag page, organization mentions to
    /// the company page; people are not linked (a person URN is no public profile address).
    static func rich(_ pieces: [Piece]) -> String {
        pieces.map { piece in
            switch piece {
            case .text(let text):
                // README: hashtags and organization mentions are linked; URLs stay text.
                return SocialText.richText(text, linkURLs: false)
            case .hashtag(let tag):
                return SocialText.link("https://www.linkedin.com/feed/hashtag/\(tag)/", "#" + tag)
            case .mention(let name, let urn):
                let prefix = "urn:li:organization:"
                guard urn.hasPrefix(prefix) else { return SocialText.escape(name) }
                return SocialText.link("https://www.linkedin.com/company/\(urn.dropFirst(prefix.count))/", name)
            }
        }.joined()
    }

    /// The hashtags, in order.
    static func tags(_ pieces: [Piece]) -> [String] {
        pieces.compactMap { piece in
            if case .hashtag(let tag) = piece { return tag }
            return nil
        }
    }

    /// `{hashtag|\#|Tag}` at `start`: the tag and the index after `}`.
    private static func hashtag(_ characters: [Character], at start: Int) -> (String, Int)? {
        let opening = Array("{hashtag|")
        guard start + opening.count <= characters.count,
              characters[start..<(start + opening.count)].elementsEqual(opening, by: { $0.lowercased() == $1.lowercased() }),
              let (_, afterMarker) = field(characters, from: start + opening.count, until: "|"),
              let (tag, end) = field(characters, from: afterMarker, until: "}") else { return nil }
        let trimmed = tag.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : (trimmed, end)
    }

    /// `@[Name](urn:li:…)` at `start`: the name, the URN and the index after `)`.
    private static func mention(_ characters: [Character], at start: Int) -> (String, String, Int)? {
        guard start + 1 < characters.count, characters[start + 1] == "[",
              let (name, afterName) = field(characters, from: start + 2, until: "]"),
              afterName < characters.count, characters[afterName] == "(",
              let (urn, end) = field(characters, from: afterName + 1, until: ")"),
              urn.hasPrefix("urn:li:"), !name.isEmpty else { return nil }
        return (name, urn, end)
    }

    /// The text from `start` up to an unescaped `terminator` (escapes removed) and the index after
    /// it; nil when the line or the text ends first.
    private static func field(_ characters: [Character], from start: Int, until terminator: Character) -> (String, Int)? {
        var out = ""
        var index = start
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count {
                out.append(characters[index + 1])
                index += 2
                continue
            }
            if character == terminator { return (out, index + 1) }
            if character.isNewline { return nil }
            out.append(character)
            index += 1
        }
        return nil
    }
}
