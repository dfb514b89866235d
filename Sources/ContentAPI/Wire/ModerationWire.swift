import Aggregator
import FeedFetchers
import Foundation
import Moderation

/// The admin shapes of SPEC §3.5: the `moderation` member, a post's history, the audit log.
enum ModerationWire {
    /// `"moderation": {"state", "decidedBy", "score", "reasons", "decidedAt"}`.
    static func writeModeration(_ stored: StoredPost, into json: inout JSONWriter) {
        json.beginObject("moderation")
        json.string("state", stored.state.rawValue)
        json.string("decidedBy", stored.moderation.decidedBy.rawValue)
        json.number("score", stored.moderation.score)
        writeReasons(stored.moderation.reasons, into: &json)
        json.string("decidedAt", (stored.moderation.decidedAt ?? stored.createdAt).isoMillis)
        json.endObject()
    }

    /// `"reasons": [{"rule", "type", "detail"}]`.
    static func writeReasons(_ reasons: [Reason], into json: inout JSONWriter) {
        json.beginArray("reasons")
        for reason in reasons {
            json.beginObject()
            json.string("rule", reason.rule)
            json.string("type", reason.type)
            json.string("detail", reason.detail)
            json.endObject()
        }
        json.endArray()
    }

    /// A post with its moderation member (and history, when given), as the member `key`.
    static func writePost(_ stored: StoredPost, history: [HistoryEntry]?, key: String?, into json: inout JSONWriter) {
        PostWire.write(stored.post, stored: StoredPostFields(flocklerId: Int(stored.flocklerId), pinnedIndex: stored.pinnedIndex),
                       key: key, into: &json, extra: { json in
                           writeModeration(stored, into: &json)
                           if let history { writeHistory(history, key: "history", into: &json) }
                       })
    }

    /// History or audit entries as an array member.
    static func writeHistory(_ entries: [HistoryEntry], key: String, into json: inout JSONWriter) {
        json.beginArray(key)
        for entry in entries {
            json.beginObject()
            json.integer("id", Int(entry.id))
            json.integer("flocklerId", Int(entry.flocklerId))
            json.string("at", entry.at.isoMillis)
            json.string("actor", entry.actor)
            json.integer("keyId", entry.keyId.map(Int.init))
            json.string("keyName", entry.keyName)
            json.string("action", entry.action)
            json.string("fromState", entry.fromState)
            json.string("toState", entry.toState)
            json.string("detail", entry.detail)
            json.endObject()
        }
        json.endArray()
    }
}

extension Date {
    /// ISO 8601 in UTC with milliseconds, as every post time is written.
    var isoMillis: String { FeedDate.isoString(self) }
}
