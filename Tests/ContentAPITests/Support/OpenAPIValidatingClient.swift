import ContentAPI
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// A test client that checks every response it passes on against the OpenAPI document: the
/// operation must exist, the status must be documented, and a JSON body must validate against
/// that status's schema. Every endpoint test through `APIFixture.withClient` is so also a test
/// that the document and the wire agree.
/// With rate limits on, it also checks that every response says where its budget stands
/// (SPEC §3.7: `X-RateLimit-*` on every response of every route, errors and 304s included).
struct OpenAPIValidatingClient: TestClientProtocol {
    let inner: any TestClientProtocol
    var rateLimited = true

    var port: Int? { inner.port }

    func executeRequest(uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?) async throws -> TestResponse {
        let response = try await inner.executeRequest(uri: uri, method: method, headers: headers, body: body)
        var problems = OpenAPIConformance.problems(method: method, uri: uri, response: response)
        if rateLimited { problems += OpenAPIConformance.rateLimitProblems(response) }
        for problem in problems {
            Issue.record("\(method) \(uri.prefix(120)) → \(response.status.code): \(problem)")
        }
        return response
    }
}

/// Finds a request's operation in the document and checks a response against it.
enum OpenAPIConformance {
    /// The parsed document; read-only once built.
    nonisolated(unsafe) static let document: [String: Any] = {
        guard let bytes = OpenAPIDocument.bytes,
              let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else { return [:] }
        return object
    }()

    /// The problems of `response` as an answer to `method uri`; empty when it conforms.
    static func problems(method: HTTPRequest.Method, uri: String, response: TestResponse) -> [String] {
        let path = String(uri.split(separator: "?", maxSplits: 1).first ?? "")
        guard let (template, item) = pathItem(for: path) else {
            // Unknown paths must answer the documented error envelope as a 404.
            return response.status == .notFound ? errorProblems(response) : ["no path of the document matches \(path)"]
        }
        guard let operation = item[method.rawValue.lowercased()] as? [String: Any] else {
            return response.status == .methodNotAllowed || response.status == .notFound ? errorProblems(response)
                : ["\(template) has no \(method) operation"]
        }
        let responses = operation["responses"] as? [String: Any] ?? [:]
        guard var documented = (responses[String(response.status.code)] ?? responses["default"]) as? [String: Any] else {
            return ["\(method) \(template) does not document status \(response.status.code)"]
        }
        let validator = JSONSchemaValidator(document: document)
        if let reference = documented["$ref"] as? String, let target = validator.resolve(reference) as? [String: Any] {
            documented = target
        }
        guard let content = documented["content"] as? [String: Any] else {
            return response.body.readableBytes == 0 || response.status == .notModified ? [] : ["the response has a body the document does not describe"]
        }
        let type = response.headers[.contentType].map { String($0.split(separator: ";")[0]) } ?? ""
        guard let media = content[type] as? [String: Any] else { return ["the content type \(type) is not documented for this status"] }
        guard type.hasSuffix("json"), let schema = media["schema"] else { return [] }
        guard let value = try? JSONSerialization.jsonObject(with: Data(buffer: response.body), options: [.fragmentsAllowed]) else {
            return ["the body is not JSON"]
        }
        return validator.problems(value, against: schema)
    }

    /// The rate-limit headers a response lacks or spells wrongly.
    static func rateLimitProblems(_ response: TestResponse) -> [String] {
        var problems: [String] = []
        for name in ["X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"] {
            guard let field = HTTPField.Name(name) else { continue }
            if response.headers[field].flatMap({ Int($0) }) == nil { problems.append("no integer \(name) header") }
        }
        if response.status == .tooManyRequests, response.headers[.retryAfter].flatMap({ Int($0) }) == nil {
            problems.append("a 429 without an integer Retry-After")
        }
        return problems
    }

    /// An error response's body against the `Error` schema.
    private static func errorProblems(_ response: TestResponse) -> [String] {
        guard let value = try? JSONSerialization.jsonObject(with: Data(buffer: response.body)) else { return ["the error body is not JSON"] }
        return JSONSchemaValidator(document: document).problems(value, against: ["$ref": "#/components/schemas/Error"])
    }

    /// The document's path template for a concrete path: literal segments win over parameters.
    static func pathItem(for path: String) -> (String, [String: Any])? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        let paths = document["paths"] as? [String: Any] ?? [:]
        var best: (template: String, item: [String: Any], literals: Int)?
        for (template, item) in paths {
            guard let item = item as? [String: Any] else { continue }
            let parts = template.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == segments.count else { continue }
            var literals = 0
            var matches = true
            for (part, segment) in zip(parts, segments) {
                if part.hasPrefix("{") && part.hasSuffix("}") { if segment.isEmpty { matches = false; break } } else if part == segment {
                    literals += 1
                } else { matches = false; break }
            }
            if matches, literals > (best?.literals ?? -1) { best = (template, item, literals) }
        }
        return best.map { ($0.template, $0.item) }
    }
}
