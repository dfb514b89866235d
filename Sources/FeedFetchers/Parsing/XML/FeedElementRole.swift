/// What the feed builder does with an element and everything inside it.
enum FeedElementRole: Equatable {
    /// The document element; `container` says which.
    case container(Container)
    /// A text field: its character data (and any child markup) is collected.
    case field(FeedField, TextKind, base64: Bool = false)
    /// A child element inside a field, re-serialized as markup into the field's text.
    case markup(name: String, isVoid: Bool)
    /// The wrapper `div` of Atom XHTML content, which is not part of the content (RFC 4287 §3.1.1.3).
    case transparentMarkup
    /// Ignored, with everything inside it.
    case skip

    /// The elements whose children are themselves meaningful.
    enum Container: Equatable {
        case rssRoot, rdfRoot, atomRoot, channel, entry, author, channelImage, mediaGroup, mediaContent
    }
}

/// The text fields the feed builder collects.
enum FeedField: Equatable {
    case feedTitle, feedLink, feedDescription, feedLanguage, feedTTL, feedLogo, feedIcon, feedImageURL
    case feedAuthorText(rank: Int), feedFallbackTitle
    case feedLinkText(rel: String?, type: String?), entryLinkText(rel: String?, type: String?)
    case entryTitle, entryLink, entryId, entryContentEncoded, entryContent, entrySummary
    case entryPublished, entryUpdated, entryCategory
    case entryAuthorText(rank: Int), entryFallbackTitle, entryMediaDescription
    case authorName, authorURI, authorEmail
}
