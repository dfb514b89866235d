import Foundation

/// Responses kept for `Idempotency-Key`s of admin `POST`s (SPEC §3.7), per site and key,
/// durably, for 24 hours.
public protocol IdempotencyStore: Sendable {
    /// Claims `request.key` for this request, or says what an earlier use of it left: still
    /// running, another request, or a response to answer again. Claims older than
    /// `abandonedAfter` (a process that died mid-request) are taken over. Also prunes expired keys.
    func claimIdempotencyKey(_ request: IdempotentRequest, now: Date, lifetime: TimeInterval,
                             abandonedAfter: TimeInterval) throws -> IdempotencyClaim
    /// Keeps the response of a claimed request, answered to its repeats until the key expires.
    func completeIdempotencyKey(siteId: Int64, key: String, token: String, response: StoredResponse) throws
    /// Gives a claim up without keeping a response (5xx, 429, failures): the key can be used again.
    func releaseIdempotencyKey(siteId: Int64, key: String, token: String) throws
}
