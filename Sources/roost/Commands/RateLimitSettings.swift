import ContentAPI
import Foundation

/// The rate limits of `roost serve` from the environment (SPEC §3.7), each read and checked
/// at start: a bad value stops the server with a line naming the setting.
///
/// | variable | budget | default |
/// | --- | --- | --- |
/// | `ROOST_RATE_LIMIT_READ` | per read key | 12000/min |
/// | `ROOST_RATE_LIMIT_ADMIN` | per admin key | 100/min |
/// | `ROOST_RATE_LIMIT_KEY_CREATION` | per key, `POST .../api-keys` | 5/min |
/// | `ROOST_RATE_LIMIT_WEBHOOK_CREATION` | per key, `POST .../webhooks` | 10/min |
/// | `ROOST_RATE_LIMIT_CREATION` | per key, `POST` of feeds, connections, sections, embeds | 30/min |
/// | `ROOST_RATE_LIMIT_FAILED_AUTH` | per client address, unknown keys | 20/min |
/// | `ROOST_RATE_LIMIT_ANONYMOUS` | per client address, no key | 1200/min |
/// | `ROOST_TRUST_FORWARDED_FOR` | client address from `X-Forwarded-For` | 0 |
enum RateLimitSettings {
    /// Each budget's variable and where it goes.
    static var budgets: [(name: String, keyPath: WritableKeyPath<RateLimits, RateLimit?>)] {
        [("ROOST_RATE_LIMIT_READ", \.read), ("ROOST_RATE_LIMIT_ADMIN", \.admin),
         ("ROOST_RATE_LIMIT_KEY_CREATION", \.keyCreation), ("ROOST_RATE_LIMIT_WEBHOOK_CREATION", \.webhookCreation),
         ("ROOST_RATE_LIMIT_CREATION", \.creation), ("ROOST_RATE_LIMIT_FAILED_AUTH", \.failedAuthentication),
         ("ROOST_RATE_LIMIT_ANONYMOUS", \.anonymous)]
    }

    /// The limits `environment` sets, the defaults where it says nothing.
    static func read(_ environment: [String: String]) throws -> RateLimits {
        var limits = RateLimits()
        for (name, keyPath) in budgets {
            guard let text = environment[name], !text.isEmpty else { continue }
            do {
                limits[keyPath: keyPath] = try RateLimit.setting(text)
            } catch {
                throw CommandFailure(kind: .usage, message: "\(name) \(error.description)")
            }
        }
        switch environment["ROOST_TRUST_FORWARDED_FOR"]?.lowercased() ?? "" {
        case "", "0", "false", "no": limits.trustForwardedFor = false
        case "1", "true", "yes": limits.trustForwardedFor = true
        default: throw CommandFailure(kind: .usage, message: "ROOST_TRUST_FORWARDED_FOR must be 1 or 0 (true or false)")
        }
        return limits
    }
}
