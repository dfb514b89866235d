import Foundation

/// A site's webhook: where events are posted and which ones (SPEC §3.8).
public struct Webhook: Sendable, Equatable {
    /// Every event a webhook can subscribe to: the change types, feed health and connection expiry.
    public static let eventTypes: [String] = Change.Kind.allCases.map(\.rawValue)
        + ["feed.health_changed", "connection.expiring", "connection.expired"]

    public var id: Int64
    public var uuid: String
    public var siteId: Int64
    public var url: String
    public var description: String?
    public var events: [String]
    public var active: Bool
    /// Why Roost turned the webhook off (a day of failed deliveries), nil while it never did.
    public var disabledReason: String?
    /// Since when every delivery has failed; nil after a success.
    public var failingSince: Date?
    public var createdAt: Date
    public var updatedAt: Date

    /// Creates a webhook value.
    public init(id: Int64, uuid: String, siteId: Int64, url: String, description: String?, events: [String], active: Bool,
                disabledReason: String?, failingSince: Date?, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.uuid = uuid
        self.siteId = siteId
        self.url = url
        self.description = description
        self.events = events
        self.active = active
        self.disabledReason = disabledReason
        self.failingSince = failingSince
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// A webhook to create; the store assigns ids, and the secret is sealed at rest.
public struct NewWebhook: Sendable, Equatable {
    public var siteId: Int64
    public var url: String
    public var description: String?
    public var events: [String]
    /// `whsec_` and the base64 of the signing key, shown to the operator once.
    public var secret: String

    /// Creates a new-webhook value.
    public init(siteId: Int64, url: String, description: String?, events: [String], secret: String) {
        self.siteId = siteId
        self.url = url
        self.description = description
        self.events = events
        self.secret = secret
    }
}

/// The members a PATCH may change; nil leaves a member as it is.
public struct WebhookChanges: Sendable, Equatable {
    public var url: String?
    public var description: String??
    public var events: [String]?
    /// Turning a webhook on again clears why it was turned off.
    public var active: Bool?

    /// Creates a change set.
    public init(url: String? = nil, description: String?? = nil, events: [String]? = nil, active: Bool? = nil) {
        self.url = url
        self.description = description
        self.events = events
        self.active = active
    }
}

/// One event on its way to one webhook: the outbox row, with what delivering it needs.
public struct PendingDelivery: Sendable, Equatable {
    public var id: Int64
    public var siteId: Int64
    public var webhookId: Int64
    public var url: String
    /// The signing secret (`whsec_...`), opened from its sealed form for this delivery only.
    public var secret: String
    /// `webhook-id`: the same on every attempt.
    public var messageId: String
    public var type: String
    /// The change announced, for post events, whose body is built at the first attempt.
    public var changeId: Int64?
    /// The body sent, fixed at the first attempt so that every retry sends the same bytes.
    public var payload: String?
    public var attempts: Int
    public var createdAt: Date
}

/// What one delivery attempt got back.
public struct DeliveryAttempt: Sendable, Equatable {
    public var succeeded: Bool
    public var responseStatus: Int?
    public var latencyMilliseconds: Int
    /// At most the first kilobyte of the answer's body, as text.
    public var responseExcerpt: String?
    /// Why it failed, in words an operator can act on.
    public var error: String?

    /// Creates an attempt value.
    public init(succeeded: Bool, responseStatus: Int?, latencyMilliseconds: Int, responseExcerpt: String?, error: String?) {
        self.succeeded = succeeded
        self.responseStatus = responseStatus
        self.latencyMilliseconds = latencyMilliseconds
        self.responseExcerpt = responseExcerpt
        self.error = error
    }
}

/// A delivery as its history shows it: the event, where it stands, and every attempt.
public struct DeliveryRecord: Sendable, Equatable {
    public var id: Int64
    public var messageId: String
    public var type: String
    /// `pending`, `delivered` or `failed`.
    public var state: String
    public var createdAt: Date
    public var nextAttemptAt: Date?
    public var attempts: [RecordedAttempt]

    /// One stored attempt.
    public struct RecordedAttempt: Sendable, Equatable {
        public var at: Date
        public var attempt: DeliveryAttempt
    }
}
