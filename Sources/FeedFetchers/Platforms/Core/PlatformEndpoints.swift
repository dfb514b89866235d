import Foundation

/// Where each platform's API lives, and the replacements an operator configured with
/// `ROOST_PLATFORM_BASE_<SERVICE>` (SPEC §3.6), for tests and proxies.
///
/// A replacement stands for every host of the service (Google reviews use three): the
/// request keeps its path and query and goes to the replacement's origin (and path prefix).
/// Replacements are operator configuration, so they are trusted: a base on the local network
/// is fetched through the transport that allows it, while every address a user typed still
/// goes through the network policy.
public struct PlatformEndpoints: Sendable {
    /// Replacement bases by service (`twitter_v2` → `http://127.0.0.1:9000`), without a trailing `/`.
    public var overrides: [String: String]

    /// Creates endpoints with the given replacements.
    public init(overrides: [String: String] = [:]) {
        self.overrides = overrides.mapValues { Self.trimmingSlash($0) }
    }

    /// Reads `ROOST_PLATFORM_BASE_<SERVICE>` for every service in `services`.
    public init(environment: [String: String], services: [String]) {
        var found: [String: String] = [:]
        for service in services {
            let name = "ROOST_PLATFORM_BASE_" + service.uppercased()
            if let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty { found[service] = value }
        }
        self.init(overrides: found)
    }

    /// The URL of `path` (starting with `/`) on `realBase` (`https://api.x.com`), or on the
    /// service's replacement; `query` is appended already encoded.
    public func url(service: String, realBase: String, path: String, query: String = "") -> String {
        let base = overrides[service] ?? Self.trimmingSlash(realBase)
        return base + path + (query.isEmpty ? "" : "?" + query)
    }

    /// Whether `url` goes to a replacement base of `service` (and so to trusted configuration).
    public func isOverridden(_ url: String, service: String) -> Bool {
        guard let base = overrides[service] else { return false }
        return url == base || url.hasPrefix(base + "/") || url.hasPrefix(base + "?")
    }

    private static func trimmingSlash(_ text: String) -> String {
        var text = text
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }
}
