import Aggregator
import HTTPTypes
import Hummingbird

/// `GET /v2/:site/changes?since=CURSOR&count=N` (SPEC §3.8): every change to what the posts
/// endpoint shows, in order, for a read or an admin key; 410 when the cursor is older than
/// what is kept, so the client reloads.
struct ChangesController: Sendable {
    let store: any RoostStore
    let authenticator: Authenticator

    /// The most changes one response carries, and the default.
    static let maxCount = 500
    static let defaultCount = 100

    func list(_ request: Request, context: some RequestContext) async throws -> Response {
        let siteUUID = try context.parameters.require("site").lowercased()
        let key = try await authenticator.require(request, site: siteUUID, scope: .read)
        var since: Int64?
        var count = Self.defaultCount
        for (name, value) in request.uri.queryParameters.map({ (String($0.key), String($0.value)) }) {
            switch name {
            case "since":
                guard let cursor = Int64(value), cursor >= 0 else {
                    throw APIError.badParameter("since", "is not a cursor from a changes response (its next, or a change's id)")
                }
                since = cursor
            case "count":
                guard let number = Int(value), (1...Self.maxCount).contains(number) else {
                    throw APIError.badParameter("count", "must be between 1 and \(Self.maxCount)")
                }
                count = number
            case "api_key": break
            default: throw APIError.badParameter(name, "is not a parameter of this endpoint (since, count)")
            }
        }
        let store = self.store
        let (asked, limit) = (since, count)
        do {
            let page = try await Blocking.run { try store.changes(siteId: key.siteId, since: asked, count: limit) }
            var headers: HTTPFields = [.cacheControl: "no-store"]
            headers.append(contentsOf: CORS.simpleHeaders)
            return JSONResponse.make(bytes: ChangeWire.encode(page), headers: headers)
        } catch ChangeCursorError.expired(let oldest) {
            throw APIError(.gone, status: .gone, message: "changes after this cursor are no longer kept; reload the posts and "
                           + "poll from the next cursor of a fresh changes response (the oldest kept is \(oldest))")
        } catch ChangeCursorError.unknown {
            throw APIError.badParameter("since", "is past every change recorded: it did not come from this server")
        }
    }
}
