import Foundation

/// A Graph error body: `{"error": {"message", "type", "code", "error_subcode", "fbtrace_id", "is_transient"}}`.
struct MetaErrorBody: Decodable, Sendable {
    /// The error itself.
    struct Detail: Decodable, Sendable {
        var message: String?
        var type: String?
        var code: Int?
        var errorSubcode: Int?
        var isTransient: Bool?
        var fbtraceId: String?

        enum CodingKeys: String, CodingKey {
            case message, type, code
            case errorSubcode = "error_subcode"
            case isTransient = "is_transient"
            case fbtraceId = "fbtrace_id"
        }
    }
    var error: Detail?
}

/// What an adapter's error messages say: the platform, the object read, and what to do.
struct MetaErrorContext: Sendable {
    /// `Instagram`, `Facebook`.
    var platform: String
    /// The object the request read, e.g. `Instagram account 17841405822304914`.
    var subject: String
    /// What the operator does about a dead token, e.g. `reconnect the Instagram account`.
    var reconnectAdvice: String
    /// What the operator does about a missing permission.
    var permissionAdvice: String
    /// The token sent, kept out of every message.
    var token: String
}

/// Turns a Graph error answer into a `PlatformError`, by `error.code` rather than the HTTP
/// status (both fixtures READMEs: throttling is a 400, sometimes a 403).
enum MetaErrors {
    /// Throttling: app (4), user (17), Page (32), call-specific (613) and Business Use Case (800xx) limits.
    static let throttlingCodes: Set<Int> = [4, 17, 32, 613]
    /// Business Use Case limits: 80001 Pages, 80002 Instagram, and the rest of Meta's 800xx family.
    static let businessUseCaseCodes: ClosedRange<Int> = 80000...80099
    /// Token codes: 190 (expired, invalidated, revoked) and the legacy 102 (session key invalid).
    static let tokenCodes: Set<Int> = [190, 102]

    /// The error for a non-2xx `response`.
    static func error(_ response: FetchResponse, _ context: MetaErrorContext, client: PlatformClient) async -> PlatformError {
        let detail = client.decodeIfPossible(MetaErrorBody.self, from: response)?.error
        let code = detail?.code
        let said = describe(detail, status: response.status, token: context.token)
        let subject = context.subject
        let platform = context.platform
        if code.map(tokenCodes.contains) ?? (response.status == 401) {
            return .reconnect("\(platform) refused the access token for the \(subject)\(said); \(context.reconnectAdvice) in the site's connections")
        }
        if response.status == 429 || code.map({ throttlingCodes.contains($0) || businessUseCaseCodes.contains($0) }) == true {
            let until = MetaUsage.regainDate(response.headers, now: client.now())
            return await client.throttled(response, until: until, "\(platform) rate limit reached for the \(subject)\(said)")
        }
        if (code == 100 && detail?.errorSubcode == 33) || code == 803 || (code == nil && response.status == 404) {
            return .notFound("The \(subject) was not found, or the connected token cannot see it\(said)")
        }
        if let code, code == 3 || code == 10 || (200...299).contains(code) {
            return .misconfigured("\(platform) refused to show the \(subject) for lack of a permission\(said); \(context.permissionAdvice)")
        }
        if code == nil && response.status == 403 {
            return .misconfigured("\(platform) refused to show the \(subject)\(said); \(context.permissionAdvice)")
        }
        if code == 100 {
            return .misconfigured("\(platform) rejected the request for the \(subject)\(said); check the feed's ids")
        }
        if code == 1 || code == 2 || detail?.isTransient == true {
            return .unavailable("\(platform) had a temporary problem reading the \(subject)\(said); Roost tries again at the next fetch")
        }
        return .failed("\(platform) answered HTTP \(response.status) for the \(subject)\(said)")
    }

    /// ` (Meta error 190/463: <message>)`, the message without the token and cut to a readable length.
    static func describe(_ detail: MetaErrorBody.Detail?, status: Int, token: String) -> String {
        guard let detail, detail.code != nil || detail.message != nil else { return " (HTTP \(status))" }
        var label = "Meta error"
        if let code = detail.code {
            label += " \(code)" + (detail.errorSubcode.map { "/\($0)" } ?? "")
        }
        guard let message = SocialText.nonEmpty(detail.message) else { return " (\(label))" }
        var text = PlatformError.redacting([token], in: message.trimmingCharacters(in: .whitespacesAndNewlines))
        if text.count > 300 { text = String(text.prefix(300)) + "…" }
        return " (\(label): \(text))"
    }
}
