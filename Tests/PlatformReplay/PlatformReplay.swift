import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Synchronization

/// A real HTTP server on 127.0.0.1 that answers like a platform API, from the recorded
/// request → response pairs in `fixtures/platforms/<service>/manifest.json`.
///
/// Matching follows the fixtures README: method, path, every listed query parameter
/// (decoded), listed headers and body members; `<...>` is a placeholder that any non-empty
/// value matches. When several interactions match, the most specific one (most listed
/// query parameters and body members) answers, then the first in the manifest; a test
/// picks another (an error, a 429) with `prefer(_:)`. An unmatched request gets a 404 whose
/// body says so, and is recorded like every request.
public final class PlatformReplay: Sendable {
    /// One recorded interaction.
    public struct Interaction: Sendable {
        public var name: String
        public var method: String
        public var path: String
        public var query: [String: String]
        public var headers: [String: String]
        /// The expected body: a JSON object's members, or form pairs.
        public var body: [String: String]
        public var status: Int
        public var responseHeaders: [(String, String)]
        public var file: String?
    }

    /// One request the server saw.
    public struct Seen: Sendable {
        public var method: String
        public var path: String
        public var rawQuery: String
        public var query: [String: String]
        public var headers: [String: String]
        public var body: String
        /// The interaction that answered, nil when none matched.
        public var answeredBy: String?
    }

    public let service: String
    public let interactions: [Interaction]
    private let folder: URL
    private let preferred = Mutex<[String]>([])
    private let seen = Mutex<[Seen]>([])

    /// Loads `fixtures/platforms/<service>/`.
    public init(service: String) throws {
        self.service = service
        folder = Self.fixtures.appendingPathComponent("platforms/\(service)")
        let data = try Data(contentsOf: folder.appendingPathComponent("manifest.json"))
        guard let manifest = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let list = manifest["interactions"] as? [[String: Any]] else {
            throw ReplayError("manifest.json of \(service) has no interactions")
        }
        interactions = list.map(Self.interaction)
    }

    /// The repository's `fixtures/` folder.
    public static var fixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("fixtures")
    }

    /// Makes the interactions named answer, before any other that matches the same request.
    public func prefer(_ names: String...) {
        for name in names where !interactions.contains(where: { $0.name == name }) {
            preconditionFailure("no interaction named \(name) in \(service)")
        }
        preferred.withLock { $0 = names + $0.filter { !names.contains($0) } }
    }

    /// Forgets the preferences: the most specific interaction answers again.
    public func clearPreferences() { preferred.withLock { $0 = [] } }

    /// Every request seen so far, in order.
    public var requests: [Seen] { seen.withLock { $0 } }

    /// The bytes of a fixture file of this service.
    public func file(_ name: String) throws -> Data { try Data(contentsOf: folder.appendingPathComponent(name)) }

    /// Runs `body` with the server listening; passes its base URL (`http://127.0.0.1:PORT`).
    public func run(_ body: @Sendable (String) async throws -> Void) async throws {
        let router = Router()
        router.get("**") { request, _ in try await self.answer(request) }
        router.post("**") { request, _ in try await self.answer(request) }
        router.get("/") { request, _ in try await self.answer(request) }
        var logger = Logger(label: "replay")
        logger.logLevel = .error
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: logger)
        try await app.test(.live) { client in
            guard let port = client.port else { throw ReplayError("the replay server has no port") }
            try await body("http://127.0.0.1:\(port)")
        }
    }

    private func answer(_ request: Request) async throws -> Response {
        let buffer = try await request.body.collect(upTo: 1 << 20)
        let bodyText = String(buffer: buffer)
        let rawQuery = request.uri.query ?? ""
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        var request = Seen(method: request.method.rawValue, path: request.uri.path, rawQuery: rawQuery,
                           query: Self.pairs(rawQuery), headers: headers, body: bodyText)
        let match = best(for: request)
        request.answeredBy = match?.name
        seen.withLock { $0.append(request) }
        guard let match else {
            return Response(status: .notFound, body: .init(byteBuffer: ByteBuffer(string: "no interaction of \(service) matches \(request.method) \(request.path)?\(rawQuery)")))
        }
        var fields = HTTPFields()
        for (name, value) in match.responseHeaders {
            if let fieldName = HTTPField.Name(name) { fields.append(HTTPField(name: fieldName, value: value)) }
        }
        let bytes = try match.file.map { try Data(contentsOf: folder.appendingPathComponent($0)) } ?? Data()
        return Response(status: HTTPResponse.Status(code: match.status), headers: fields,
                        body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The interaction that answers `request`.
    private func best(for request: Seen) -> Interaction? {
        let candidates = interactions.filter { Self.matches($0, request) }
        let order = preferred.withLock { $0 }
        for name in order { if let hit = candidates.first(where: { $0.name == name }) { return hit } }
        return candidates.max { lhs, rhs in
            let left = lhs.query.count + lhs.body.count, right = rhs.query.count + rhs.body.count
            if left != right { return left < right }
            // Equal specificity: the earlier one in the manifest wins.
            return (interactions.firstIndex { $0.name == lhs.name } ?? 0) > (interactions.firstIndex { $0.name == rhs.name } ?? 0)
        }
    }

    static func matches(_ interaction: Interaction, _ request: Seen) -> Bool {
        guard interaction.method == request.method, interaction.path == request.path else { return false }
        for (name, expected) in interaction.query {
            guard let value = request.query[name], pattern(expected, matches: value) else { return false }
        }
        for (name, expected) in interaction.headers where name.lowercased() != "user-agent" {
            guard let value = request.headers.first(where: { $0.key.lowercased() == name.lowercased() })?.value,
                  pattern(withoutComment(expected), matches: value) else { return false }
        }
        if !interaction.body.isEmpty {
            let sent = bodyMembers(request.body)
            for (name, expected) in interaction.body {
                guard let value = sent[name], pattern(expected, matches: value) else { return false }
            }
        }
        return true
    }

    /// A header value without a trailing explanation in parentheses: the manifests write
    /// `"SOCS=CAI (consent, avoids the EU consent redirect)"` for the header `SOCS=CAI`.
    static func withoutComment(_ value: String) -> String {
        guard !value.contains("<"), let open = value.range(of: " (") else { return value }
        return String(value[..<open.lowerBound])
    }

    /// Whether `value` fits `expected`, where each `<...>` stands for any non-empty text.
    static func pattern(_ expected: String, matches value: String) -> Bool {
        var literals: [String] = []
        var rest = Substring(expected)
        var hasPlaceholder = false
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            literals.append(String(rest[..<open]))
            rest = rest[rest.index(after: close)...]
            hasPlaceholder = true
        }
        literals.append(String(rest))
        guard hasPlaceholder else { return expected == value }
        var remaining = Substring(value)
        for (index, literal) in literals.enumerated() {
            if index == 0 {
                guard remaining.hasPrefix(literal) else { return false }
                remaining = remaining.dropFirst(literal.count)
            } else if index == literals.count - 1 {
                guard remaining.count > literal.count, remaining.hasSuffix(literal) else { return false }
            } else {
                guard let range = remaining.dropFirst().range(of: literal) else { return false }
                remaining = remaining[range.upperBound...]
            }
        }
        return true
    }

    /// A request body's members: a JSON object's (values as compact JSON text or strings) or form pairs.
    static func bodyMembers(_ body: String) -> [String: String] {
        if let data = body.data(using: .utf8), let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
            return object.mapValues(text)
        }
        return pairs(body)
    }

    static func pairs(_ query: String) -> [String: String] {
        var out: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(parts[0])
            let value = parts.count > 1 ? (String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(parts[1])) : ""
            out[name] = value
        }
        return out
    }

    static func text(_ value: Any) -> String {
        if let string = value as? String { return string }
        if let data = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys]) {
            return String(decoding: data, as: UTF8.self)
        }
        return "\(value)"
    }

    static func interaction(_ raw: [String: Any]) -> Interaction {
        let request = raw["request"] as? [String: Any] ?? [:]
        let response = raw["response"] as? [String: Any] ?? [:]
        var body: [String: String] = [:]
        if let object = request["body"] as? [String: Any] { body = object.mapValues(text) }
        if let form = request["body"] as? String { body = pairs(form) }
        var responseHeaders: [(String, String)] = []
        if let headers = response["headers"] as? [String: Any] {
            responseHeaders = headers.keys.sorted().map { ($0, text(headers[$0] ?? "")) }
        }
        return Interaction(
            name: raw["name"] as? String ?? "", method: request["method"] as? String ?? "GET", path: request["path"] as? String ?? "/",
            query: (request["query"] as? [String: Any] ?? [:]).mapValues(text),
            headers: (request["headers"] as? [String: Any] ?? [:]).mapValues(text), body: body,
            status: response["status"] as? Int ?? 200, responseHeaders: responseHeaders, file: response["file"] as? String)
    }
}

/// A replay setup problem.
public struct ReplayError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
