import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
@testable import ContentAPI

@Suite("The OpenAPI document")
struct OpenAPIDocumentTests {
    /// The members of an OpenAPI path item that are operations.
    private static let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    /// The document, parsed.
    private static func document() throws -> [String: Any] {
        let bytes = try #require(OpenAPIDocument.bytes, "Resources/openapi.json is missing from the build")
        let object = try JSONSerialization.jsonObject(with: Data(bytes))
        return try #require(object as? [String: Any])
    }

    /// Every operation as `"GET /v2/{site}/posts"` with its object.
    private static func operations(_ document: [String: Any]) throws -> [(key: String, operation: [String: Any])] {
        let paths = try #require(document["paths"] as? [String: Any])
        var operations: [(key: String, operation: [String: Any])] = []
        for (path, item) in paths {
            let item = try #require(item as? [String: Any], "path item \(path) is not an object")
            for (method, operation) in item where methods.contains(method) {
                let operation = try #require(operation as? [String: Any], "\(method) \(path) is not an object")
                operations.append((key: "\(method.uppercased()) \(path)", operation: operation))
            }
        }
        return operations
    }

    /// Hummingbird's `/v2/:site/feeds/:feedId` in OpenAPI's syntax, `/v2/{site}/feeds/{feedId}`.
    private static func openAPIPath(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false)
            .map { part in part.hasPrefix(":") ? "{\(part.dropFirst())}" : String(part) }
            .joined(separator: "/")
    }

    /// Every `$ref` value anywhere in `value`.
    private static func collectReferences(in value: Any, into references: inout [String]) {
        if let object = value as? [String: Any] {
            for (key, member) in object {
                if key == "$ref", let reference = member as? String {
                    references.append(reference)
                } else {
                    collectReferences(in: member, into: &references)
                }
            }
        } else if let array = value as? [Any] {
            for element in array { collectReferences(in: element, into: &references) }
        }
    }

    /// What a local JSON pointer reference (`#/components/...`, RFC 6901) points at, if anything.
    private static func resolve(_ reference: String, in document: [String: Any]) -> Any? {
        guard reference.hasPrefix("#/") else { return nil }
        var current: Any = document
        for token in reference.dropFirst(2).split(separator: "/", omittingEmptySubsequences: false) {
            let name = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            guard let object = current as? [String: Any], let next = object[name] else { return nil }
            current = next
        }
        return current
    }

    @Test("The document is JSON declaring OpenAPI 3.1.0")
    func isOpenAPI31() throws {
        let document = try Self.document()
        #expect(document["openapi"] as? String == "3.1.0")
        let info = try #require(document["info"] as? [String: Any])
        #expect(info["title"] as? String == "Roost")
        #expect(info["version"] is String)
    }

    @Test("Every route the router registers has an operation, and every operation is a route")
    func routesAndOperationsMatch() throws {
        let documented = try Self.operations(try Self.document()).map { $0.key }
        let fixture = try APIFixture()
        let router = buildRouter(store: fixture.store, configuration: APIConfiguration(), now: { fixture.now })
        let routed = router.routes.map { "\($0.method.rawValue.uppercased()) \(Self.openAPIPath("\($0.path)"))" }
        #expect(routed.count > 20)
        #expect(Set(routed).count == routed.count, "the router lists a route twice")
        let undocumented = Set(routed).subtracting(documented).sorted()
        let unrouted = Set(documented).subtracting(routed).sorted()
        #expect(undocumented.isEmpty, "routes without an operation: \(undocumented)")
        #expect(unrouted.isEmpty, "operations without a route: \(unrouted)")
    }

    @Test("Every operation has a response and names only defined security schemes")
    func operationsAreComplete() throws {
        let document = try Self.document()
        let components = try #require(document["components"] as? [String: Any])
        let schemes = try #require(components["securitySchemes"] as? [String: Any])
        for (key, operation) in try Self.operations(document) {
            let responses = operation["responses"] as? [String: Any] ?? [:]
            #expect(!responses.isEmpty, "\(key) has no responses")
            let security = try #require(operation["security"] as? [[String: Any]], "\(key) does not say which keys it takes")
            for requirement in security {
                for name in requirement.keys {
                    #expect(schemes[name] != nil, "\(key) names the unknown security scheme \(name)")
                }
            }
        }
    }

    @Test("Every $ref resolves to an existing component")
    func referencesResolve() throws {
        let document = try Self.document()
        var references: [String] = []
        Self.collectReferences(in: document, into: &references)
        #expect(!references.isEmpty)
        for reference in Set(references).sorted() {
            #expect(reference.hasPrefix("#/components/"), "\(reference) does not point into components")
            #expect(Self.resolve(reference, in: document) != nil, "\(reference) does not resolve")
        }
    }

    @Test("Every {parameter} of a path is declared as a path parameter of each of its operations")
    func pathParametersAreDeclared() throws {
        let document = try Self.document()
        let paths = try #require(document["paths"] as? [String: Any])
        for (path, item) in paths {
            let item = try #require(item as? [String: Any])
            let templated = Set(path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) })
            for (method, operation) in item where Self.methods.contains(method) {
                let listed = (item["parameters"] as? [Any] ?? []) + ((operation as? [String: Any])?["parameters"] as? [Any] ?? [])
                let declared = listed.compactMap { entry -> [String: Any]? in
                    guard let entry = entry as? [String: Any] else { return nil }
                    if let reference = entry["$ref"] as? String { return Self.resolve(reference, in: document) as? [String: Any] }
                    return entry
                }
                .filter { $0["in"] as? String == "path" }
                .compactMap { $0["name"] as? String }
                #expect(Set(declared) == templated, "\(method) \(path) declares path parameters \(declared.sorted())")
            }
        }
    }

    @Test("Every operation documents 429 and the X-RateLimit-* headers on every response; admin POSTs take Idempotency-Key")
    func flowConventionsDocumented() throws {
        let document = try Self.document()
        for (key, operation) in try Self.operations(document) {
            let responses = operation["responses"] as? [String: Any] ?? [:]
            #expect(responses["429"] != nil, "\(key) does not document 429")
            for (status, response) in responses {
                var response = response as? [String: Any] ?? [:]
                if let reference = response["$ref"] as? String { response = Self.resolve(reference, in: document) as? [String: Any] ?? [:] }
                let headers = response["headers"] as? [String: Any] ?? [:]
                for name in ["X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"] {
                    #expect(headers[name] != nil, "\(key) \(status) does not document \(name)")
                }
                if status == "429" { #expect(headers["Retry-After"] != nil, "\(key) 429 does not document Retry-After") }
            }
            guard key.hasPrefix("POST /v2/{site}/") else { continue }
            let parameters = (operation["parameters"] as? [[String: Any]] ?? []).compactMap { parameter -> String? in
                let resolved = (parameter["$ref"] as? String).flatMap { Self.resolve($0, in: document) as? [String: Any] } ?? parameter
                return resolved["name"] as? String
            }
            #expect(parameters.contains("Idempotency-Key"), "\(key) does not take Idempotency-Key")
            for status in ["409", "422"] { #expect(responses[status] != nil, "\(key) does not document the idempotency \(status)") }
        }
    }

    @Test("GET /openapi.json answers 200 with the document, without a key")
    func servedByTheRouter() async throws {
        let fixture = try APIFixture()
        try await fixture.withClient { client in
            let response: TestResponse = try await client.execute(uri: "/openapi.json", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(Array(buffer: response.body) == OpenAPIDocument.bytes)
            #expect(try json(response)["openapi"] as? String == "3.1.0")
        }
    }

    @Test("The response validator catches a body that strays from the schema")
    func validatorCatchesDrift() throws {
        let validator = JSONSchemaValidator(document: try Self.document())
        let list: [String: Any] = ["result": ["success": true, "data": ["feeds": [[
            "feed": ["id": 1, "uuid": "u", "name": "n", "service": "rss", "created_at": "2025-05-08T04:43:21Z",
                     "status": ["is_healthy": true, "error_message": ""],
                     "configuration": ["moderation": "auto_publish", "enabled": true]],
            "section": ["id": 2, "uuid": "s", "name": "Posts"],
        ]]]]]
        let schema = ["$ref": "#/components/schemas/FeedListResult"]
        #expect(validator.problems(list, against: schema).isEmpty)
        var extra = list
        extra["debug"] = true
        #expect(!validator.problems(extra, against: schema).isEmpty, "an extra member must not validate")
        let renamed = try JSONSerialization.jsonObject(with: try JSONSerialization.data(withJSONObject: list)
            .replacingOccurrences(of: "is_healthy", with: "healthy"))
        #expect(!validator.problems(renamed, against: schema).isEmpty, "a renamed member must not validate")
        let wrongType = try JSONSerialization.jsonObject(with: try JSONSerialization.data(withJSONObject: list)
            .replacingOccurrences(of: "\"id\":1", with: "\"id\":\"1\""))
        #expect(!validator.problems(wrongType, against: schema).isEmpty, "a string id must not validate")
    }
}

private extension Data {
    /// The data with one text replaced, for building wrong bodies from right ones.
    func replacingOccurrences(of target: String, with replacement: String) -> Data {
        Data(String(decoding: self, as: UTF8.self).replacingOccurrences(of: target, with: replacement).utf8)
    }
}
