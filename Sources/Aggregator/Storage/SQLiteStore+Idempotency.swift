import Foundation
import GRDB

/// `Idempotency-Key`s of admin `POST`s (SPEC §3.7), one row per site and key: `running` while
/// the first request runs, then `done` with its response. Expired rows are pruned as new keys
/// are claimed, a bounded number at a time.
extension SQLiteStore {
    public func claimIdempotencyKey(_ request: IdempotentRequest, now: Date, lifetime: TimeInterval,
                                    abandonedAfter: TimeInterval) throws -> IdempotencyClaim {
        let token = KeySecrets.uuid()
        let expires = now.addingTimeInterval(lifetime).millis
        return try writer.write { db -> IdempotencyClaim in
            try db.execute(sql: """
                DELETE FROM idempotency_keys WHERE rowid IN (SELECT rowid FROM idempotency_keys WHERE expires_at <= ? LIMIT 100)
                """, arguments: [now.millis])
            let existing = try Row.fetchOne(db, sql: """
                SELECT fingerprint, state, status, headers, body, created_at FROM idempotency_keys WHERE site_id = ? AND key = ?
                """, arguments: [request.siteId, request.key])
            if let existing {
                guard existing["fingerprint"] as String == request.fingerprint else { return .mismatch }
                if existing["state"] as String == "done", let status: Int = existing["status"] {
                    let body: Data? = existing["body"]
                    return .completed(StoredResponse(status: status, headers: Self.decodeHeaders(existing["headers"]),
                                                     body: Array(body ?? Data())))
                }
                let started: Int64 = existing["created_at"]
                guard started <= now.addingTimeInterval(-abandonedAfter).millis else { return .inProgress }
                // The process that claimed it died mid-request: this request takes the key over.
                try db.execute(sql: """
                    UPDATE idempotency_keys SET token = ?, api_key_id = ?, state = 'running', created_at = ?, expires_at = ?
                    WHERE site_id = ? AND key = ?
                    """, arguments: [token, request.apiKeyId, now.millis, expires, request.siteId, request.key])
                return .claimed(token: token)
            }
            try db.execute(sql: """
                INSERT INTO idempotency_keys (site_id, key, fingerprint, api_key_id, token, state, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, 'running', ?, ?)
                """, arguments: [request.siteId, request.key, request.fingerprint, request.apiKeyId, token, now.millis, expires])
            return .claimed(token: token)
        }
    }

    public func completeIdempotencyKey(siteId: Int64, key: String, token: String, response: StoredResponse) throws {
        try writer.write { db in
            try db.execute(sql: """
                UPDATE idempotency_keys SET state = 'done', status = ?, headers = ?, body = ?
                WHERE site_id = ? AND key = ? AND token = ?
                """, arguments: [response.status, Self.encodeHeaders(response.headers), Data(response.body), siteId, key, token])
        }
    }

    public func releaseIdempotencyKey(siteId: Int64, key: String, token: String) throws {
        try writer.write { db in
            try db.execute(sql: "DELETE FROM idempotency_keys WHERE site_id = ? AND key = ? AND token = ?",
                           arguments: [siteId, key, token])
        }
    }

    /// Header fields as `name: value` lines (HTTP field values hold no line breaks).
    private static func encodeHeaders(_ headers: [StoredHeader]) -> String {
        headers.map { "\($0.name): \($0.value)" }.joined(separator: "\n")
    }

    private static func decodeHeaders(_ text: String?) -> [StoredHeader] {
        guard let text, !text.isEmpty else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let value = line[line.index(after: colon)...].drop { $0 == " " }
            return StoredHeader(name: String(line[..<colon]), value: String(value))
        }
    }
}
