import Foundation

/// The recent-search `query` a `twitter_v2` feed's attributes stand for (SPEC §3.6 and the
/// fixtures README): `from:<author>`, the term(s), `-is:retweet`, `-is:reply` unless replies
/// are wanted, then the media operators.
struct TwitterQuery: Equatable {
    /// X's longest query at the self-serve access levels.
    static let maxLength = 512

    var author: String?
    var terms: [String]
    var includeReplies: Bool
    var videosRequired: Bool
    var picturesRequired: Bool

    /// Reads the attributes, without judging them (see `problems`).
    init(_ attributes: [String: FeedAttribute]) {
        author = Self.username(attributes["author"]?.textValue)
        terms = Self.terms(attributes["hashtag_or_keyword"]?.textValue ?? "")
        includeReplies = attributes["include_replies"]?.boolValue ?? false
        videosRequired = attributes["videos_required"]?.boolValue ?? false
        picturesRequired = attributes["pictures_required"]?.boolValue ?? false
    }

    /// The query text: `from:kettleandcrow #LatteArt -is:retweet -is:reply`.
    var text: String {
        var parts: [String] = []
        if let author { parts.append("from:" + author) }
        switch terms.count {
        case 0: break
        case 1: parts.append(Self.quoted(terms[0]))
        default: parts.append("(" + terms.map(Self.quoted).joined(separator: " OR ") + ")")
        }
        parts.append("-is:retweet")
        if !includeReplies { parts.append("-is:reply") }
        switch (videosRequired, picturesRequired) {
        case (true, true): parts.append("(has:images OR has:videos)")
        case (true, false): parts.append("has:videos")
        case (false, true): parts.append("has:images")
        case (false, false): break
        }
        return parts.joined(separator: " ")
    }

    /// What is wrong with the attributes a query is built from.
    static func problems(in attributes: [String: FeedAttribute]) -> [AttributeProblem] {
        var problems: [AttributeProblem] = []
        let authorText = attributes["author"].map { $0.textValue ?? "" }
        let termText = attributes["hashtag_or_keyword"].map { $0.textValue ?? "" }
        let hasAuthor = authorText.map { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty } ?? false
        let hasTerms = termText.map { !terms($0).isEmpty } ?? false
        if hasAuthor, let authorText, !isUsername(username(authorText) ?? "") {
            problems.append(AttributeProblem("author", "must be an X username: 1–15 letters, digits or _ (a leading @ is fine)"))
        }
        if !hasAuthor && !hasTerms {
            let name = attributes["author"] == nil && attributes["hashtag_or_keyword"] != nil ? "hashtag_or_keyword" : "author"
            problems.append(AttributeProblem(name, "an X feed needs an author or a hashtag_or_keyword to search for"))
        } else if let termText, !termText.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, !hasTerms {
            problems.append(AttributeProblem("hashtag_or_keyword", "must hold at least one hashtag or keyword"))
        }
        for flag in ["include_replies", "videos_required", "pictures_required"] {
            if let value = attributes[flag], value.boolValue == nil {
                problems.append(AttributeProblem(flag, "must be true or false"))
            }
        }
        if problems.isEmpty {
            let length = TwitterQuery(attributes).text.count
            if length > maxLength {
                problems.append(AttributeProblem(hasTerms ? "hashtag_or_keyword" : "author",
                                                 "makes an X search query of \(length) characters; X allows at most \(maxLength)"))
            }
        }
        return problems
    }

    /// Whether `name` is an X username: `[A-Za-z0-9_]{1,15}`.
    static func isUsername(_ name: String) -> Bool {
        (1...15).contains(name.utf8.count) && name.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
        }
    }

    /// The author without white space and a leading `@`; nil when empty.
    static func username(_ text: String?) -> String? {
        guard var name = text?.trimmingCharacters(in: .whitespacesAndNewlines) else { return nil }
        if name.hasPrefix("@") { name.removeFirst() }
        return name.isEmpty ? nil : name
    }

    /// The search terms: separated by commas when there is one (a term may then hold spaces),
    /// else by white space; a `"quoted phrase"` is always one term.
    static func terms(_ text: String) -> [String] {
        let splitOnSpaces = !text.contains(",")
        var terms: [String] = []
        var current = ""
        var inQuotes = false
        /// Ends the current term.
        func finish() {
            let term = current.trimmingCharacters(in: .whitespacesAndNewlines)
            if !term.isEmpty { terms.append(term) }
            current = ""
        }
        for character in text {
            if character == "\"" {
                finish()
                inQuotes.toggle()
            } else if !inQuotes && (character == "," || (splitOnSpaces && character.isWhitespace)) {
                finish()
            } else {
                current.append(character.isNewline ? " " : character)
            }
        }
        finish()
        return terms
    }

    /// A term as X reads it: in double quotes when it holds white space.
    static func quoted(_ term: String) -> String {
        term.contains(where: \.isWhitespace) ? "\"" + term + "\"" : term
    }
}
