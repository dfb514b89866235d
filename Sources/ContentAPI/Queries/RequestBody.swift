import Foundation
import HTTPTypes
import Hummingbird

/// Request bodies of the admin endpoints: JSON, or form-encoded with nested brackets
/// (`feed[name]=...&section[uuid]=...`, SPEC §3.4), read into one shape.
enum RequestBody {
    /// The largest body an admin endpoint reads.
    static let limit = 256 * 1024

    /// The body as a JSON-like object.
    static func object(_ request: Request, context: some RequestContext) async throws -> [String: Any] {
        let buffer = try await request.body.collect(upTo: limit)
        let bytes = Array(buffer.readableBytesView)
        let type = request.headers[.contentType]?.lowercased() ?? ""
        if type.hasPrefix("application/x-www-form-urlencoded") {
            return try form(String(decoding: bytes, as: UTF8.self))
        }
        guard type.isEmpty || type.hasPrefix("application/json") || type.hasSuffix("+json") else {
            throw APIError(.validation, status: .unsupportedMediaType,
                           message: "send the body as application/json or application/x-www-form-urlencoded")
        }
        guard !bytes.isEmpty else { return [:] }
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: Data(bytes))
        } catch {
            throw APIError(.validation, status: .badRequest, message: "the body is not valid JSON")
        }
        guard let object = parsed as? [String: Any] else {
            throw APIError(.validation, status: .unprocessableContent, message: "the body must be a JSON object")
        }
        return object
    }

    /// `a[b][c]=v&x=y` into nested objects.
    static func form(_ text: String) throws(APIError) -> [String: Any] {
        var root: [String: Any] = [:]
        for pair in text.split(separator: "&") where !pair.isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(parts[0])
            let value = parts.count > 1 ? decode(parts[1]) : ""
            let path = try keyPath(name)
            insert(value, at: path[...], into: &root)
        }
        return root
    }

    private static func keyPath(_ name: String) throws(APIError) -> [String] {
        guard let open = name.firstIndex(of: "[") else { return [name] }
        var path = [String(name[..<open])]
        var rest = name[open...]
        while rest.first == "[" {
            guard let close = rest.firstIndex(of: "]") else { throw .badParameter(name, "has an unbalanced [ in its name") }
            path.append(String(rest[rest.index(after: rest.startIndex)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        guard rest.isEmpty, path.count <= 4 else { throw .badParameter(name, "is not a field name this endpoint reads") }
        return path
    }

    private static func insert(_ value: String, at path: ArraySlice<String>, into object: inout [String: Any]) {
        guard let key = path.first else { return }
        if path.count == 1 {
            object[key] = value
            return
        }
        var child = object[key] as? [String: Any] ?? [:]
        insert(value, at: path.dropFirst(), into: &child)
        object[key] = child
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
