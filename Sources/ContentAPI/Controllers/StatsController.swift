import Aggregator
import FeedFetchers
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// `POST /stats/:site`: the beacons of embeds (issue 11), the endpoint the posts response
/// names in `meta.statsApiEndpoint`. A body `{"embed": UUID, "event": "view"}` or
/// `{"embed": UUID, "event": "click", "flocklerId": N}`, sent as `text/plain` by
/// `navigator.sendBeacon` (no preflight, no cookies). Rate limited per visitor in memory.
struct StatsController: Sendable {
    let store: any RoostStore
    let limiter: BeaconLimiter
    let now: @Sendable () -> Date

    /// Where beacons of a site's embeds go.
    static func endpoint(base: String, siteUUID: String) -> String { "\(base)/stats/\(siteUUID)" }

    /// Counts one beacon, unless it repeats or the visitor is over the limit.
    func record(_ request: Request, context: some RequestContext) async throws -> Response {
        let siteUUID = try context.parameters.require("site").lowercased()
        let buffer = try await request.body.collect(upTo: 4096)
        guard let object = (try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView))) as? [String: Any] else {
            throw APIError(.validation, status: .badRequest, message: "the body must be a JSON object {\"embed\", \"event\"}")
        }
        for field in object.keys.sorted() where !["embed", "event", "flocklerId"].contains(field) {
            throw APIError.invalidField(field, "is not a field of a beacon (embed, event, flocklerId)")
        }
        guard let embedUUID = object["embed"] as? String, !embedUUID.isEmpty, embedUUID.utf8.count <= 64 else {
            throw APIError.invalidField("embed", "must be the UUID of an embed of this site")
        }
        let event: EmbedEvent
        switch object["event"] as? String {
        case "view":
            guard object["flocklerId"] == nil else { throw APIError.invalidField("flocklerId", "belongs only to click events") }
            event = .view
        case "click":
            guard let id = JSONScalar.integer(object["flocklerId"]), id > 0 else {
                throw APIError.invalidField("flocklerId", "must be the positive id of the clicked post")
            }
            event = .click(flocklerId: id)
        default:
            throw APIError.invalidField("event", "must be view or click")
        }
        let store = self.store
        guard let embed = try await Blocking.run({ try store.embed(uuid: embedUUID) }), embed.siteUUID == siteUUID else {
            throw APIError.notFound("embed \(embedUUID.prefix(64)) of this site")
        }
        let subject: String
        switch event {
        case .view: subject = "view|\(embed.id)"
        case .click(let id): subject = "click|\(embed.id)|\(id)"
        }
        let address = (context as? any RemoteAddressRequestContext)?.remoteAddress?.ipAddress ?? "unknown"
        let now = self.now()
        var counted = false
        switch limiter.check(address: address, subject: subject, now: now) {
        case .limited(let retryAfter):
            throw RateLimited(retryAfter: retryAfter)
        case .repeated:
            counted = false
        case .count:
            let day = StatsDay.of(now)
            counted = try await Blocking.run { try store.recordEmbedEvent(embedId: embed.id, event, day: day) }
        }
        var json = JSONWriter()
        json.beginObject()
        json.bool("counted", counted)
        json.endObject()
        return JSONResponse.make(status: .accepted, bytes: json.bytes, headers: CORS.simpleHeaders)
    }
}

/// A 429 `rate_limited` with `Retry-After` (SPEC §3.7).
struct RateLimited: Error, HTTPResponseError {
    /// Seconds until the visitor's minute is over.
    let retryAfter: Int
    /// 429.
    var status: HTTPResponse.Status { .tooManyRequests }
    /// `Retry-After`.
    var headers: HTTPFields { [.retryAfter: String(retryAfter)] }

    /// The envelope of SPEC §3.2 with the Retry-After header.
    func response(from request: Request, context: some RequestContext) throws -> Response {
        let error = APIError(.rateLimited, status: .tooManyRequests, message: "too many beacons from this visitor; try again in \(retryAfter) seconds")
        return JSONResponse.make(status: .tooManyRequests, bytes: error.body, headers: headers)
    }
}
