/// Where a post stands in moderation (SPEC §3.5).
public enum ModerationState: String, Sendable, Equatable, CaseIterable {
    case published, hidden, inbox
}

/// What a feed's new posts become (SPEC §3.5 `moderation_type`).
public enum ModerationType: String, Sendable, Equatable, CaseIterable {
    case savedToInbox = "saved_to_inbox"
    case aiModeration = "ai_moderation"
    case autoPublish = "auto_publish"
}
