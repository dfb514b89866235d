import FeedFetchers

/// Decides what a new post becomes (SPEC §3.5). Pure: no I/O, no clock.
///
/// The rule engine of `ai_moderation` comes with the moderation change; until then a
/// feed's moderation type alone decides: `auto_publish` publishes, the others wait in the inbox.
public enum Moderator {
    /// The state of a new post of a feed with this moderation type.
    public static func initialState(of post: Post, feedMode: ModerationType) -> ModerationState {
        switch feedMode {
        case .autoPublish: return .published
        case .savedToInbox, .aiModeration: return .inbox
        }
    }
}
