import Aggregator
import FeedFetchers
import Foundation
import Hummingbird

extension ConnectionsController {
    /// `POST /v2/:site/connections/:id/verify` (issue 12): checks the connection against its
    /// platform now and answers `data.verification`; refused credentials are a 200 with
    /// `valid: false`, a platform that cannot say anything now a 429 or 503.
    func verify(_ request: Request, context: some RequestContext) async throws -> Response {
        let key = try await authenticator.requireAdmin(request, context)
        let connection = try await find(context, siteId: key.siteId)
        guard let verifier else {
            throw APIError(.server, status: .serviceUnavailable,
                           message: "this server cannot reach platforms to check connections; run roost serve to verify connections")
        }
        let outcome: ConnectionVerifier.Outcome
        do {
            outcome = try await verifier.verify(connection)
        } catch {
            switch error {
            case .rateLimited(_, let message): throw APIError(.rateLimited, status: .tooManyRequests, message: message)
            case .unavailable(let message): throw APIError(.server, status: .serviceUnavailable, message: message)
            }
        }
        return JSONResponse.make(bytes: FeedWire.data { json in Self.write(outcome, into: &json) })
    }

    /// `verification`: valid, checked_at, valid_until, scopes, account, message.
    static func write(_ outcome: ConnectionVerifier.Outcome, into json: inout JSONWriter) {
        let found = outcome.verification
        json.beginObject("verification")
        json.bool("valid", found.valid)
        json.string("checked_at", FeedWire.timestamp(outcome.checkedAt))
        json.string("valid_until", found.validUntil.map(FeedWire.timestamp))
        if let scopes = found.scopes {
            json.beginArray("scopes")
            for scope in scopes { json.string(nil, scope) }
            json.endArray()
        } else {
            json.null("scopes")
        }
        json.string("account", found.account)
        json.string("message", found.message)
        json.endObject()
    }
}
