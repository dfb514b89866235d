import Aggregator
import FeedFetchers

/// The webhook endpoints' shapes, in the admin envelope: `data.webhook`, `data.webhooks[]`,
/// `data.deliveries[]`, `data.delivery`. The secret appears once, in the create answer.
enum WebhookWire {
    /// One webhook as the member `key` (or an array element when nil).
    static func write(_ webhook: Webhook, secret: String? = nil, key: String?, into json: inout JSONWriter) {
        json.beginObject(key)
        json.integer("id", Int(webhook.id))
        json.string("uuid", webhook.uuid)
        json.string("url", webhook.url)
        json.string("description", webhook.description)
        json.beginArray("events")
        for event in webhook.events { json.string(nil, event) }
        json.endArray()
        json.bool("active", webhook.active)
        json.string("disabled_reason", webhook.disabledReason)
        json.string("failing_since", webhook.failingSince.map(FeedWire.timestamp))
        if let secret { json.string("secret", secret) }
        json.string("created_at", FeedWire.timestamp(webhook.createdAt))
        json.string("updated_at", FeedWire.timestamp(webhook.updatedAt))
        json.endObject()
    }

    /// One delivery with its attempts.
    static func write(_ delivery: DeliveryRecord, key: String?, into json: inout JSONWriter) {
        json.beginObject(key)
        json.integer("id", Int(delivery.id))
        json.string("message_id", delivery.messageId)
        json.string("type", delivery.type)
        json.string("state", delivery.state)
        json.string("created_at", FeedDate.isoString(delivery.createdAt))
        json.string("next_attempt_at", delivery.nextAttemptAt.map(FeedDate.isoString))
        json.beginArray("attempts")
        for recorded in delivery.attempts {
            json.beginObject()
            json.string("at", FeedDate.isoString(recorded.at))
            writeAttemptMembers(recorded.attempt, into: &json)
            json.endObject()
        }
        json.endArray()
        json.endObject()
    }

    /// An attempt's members: outcome, status, latency, excerpt, error.
    static func writeAttemptMembers(_ attempt: DeliveryAttempt, into json: inout JSONWriter) {
        json.bool("succeeded", attempt.succeeded)
        json.integer("response_status", attempt.responseStatus)
        json.integer("latency_ms", attempt.latencyMilliseconds)
        json.string("response_excerpt", attempt.responseExcerpt)
        json.string("error", attempt.error)
    }
}
