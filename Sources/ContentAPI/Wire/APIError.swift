import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// An API error with the envelope of SPEC §3.2. Every error response is made here.
public struct APIError: Error, HTTPResponseError, Sendable {
    /// The error classes of SPEC §3.2 and their status codes.
    public enum Kind: String, Sendable {
        case validation = "validation_error"
        case authentication = "authentication_error"
        case permission = "permission_error"
        case notFound = "not_found"
        case conflict
        case payloadTooLarge = "payload_too_large"
        case rateLimited = "rate_limited"
        case server = "server_error"
        case methodNotAllowed = "method_not_allowed"
        case gone
    }

    /// One field that was wrong.
    public struct Detail: Sendable, Equatable {
        public var field: String
        public var message: String

        /// Creates a detail.
        public init(field: String, message: String) {
            self.field = field
            self.message = message
        }
    }

    public var kind: Kind
    public var status: HTTPResponse.Status
    public var message: String
    public var details: [Detail]
    public var headers: HTTPFields { [:] }

    /// Creates an error.
    public init(_ kind: Kind, status: HTTPResponse.Status, message: String, details: [Detail] = []) {
        self.kind = kind
        self.status = status
        self.message = message
        self.details = details
    }

    /// 400: a bad query parameter, named.
    public static func badParameter(_ field: String, _ problem: String) -> APIError {
        APIError(.validation, status: .badRequest, message: "\(field) \(problem)", details: [Detail(field: field, message: problem)])
    }

    /// 422: a bad field of a request body, named.
    public static func invalidField(_ field: String, _ problem: String) -> APIError {
        APIError(.validation, status: .unprocessableContent, message: "\(field) \(problem)", details: [Detail(field: field, message: problem)])
    }

    /// 422 for several fields at once.
    public static func invalidFields(_ details: [Detail]) -> APIError {
        let message = details.map { "\($0.field) \($0.message)" }.joined(separator: "; ")
        return APIError(.validation, status: .unprocessableContent, message: message, details: details)
    }

    /// 404 for a named thing.
    public static func notFound(_ what: String) -> APIError {
        APIError(.notFound, status: .notFound, message: "\(what) not found")
    }

    /// The response: the envelope as JSON.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        envelope
    }

    /// The response, built without a request.
    public var envelope: Response {
        JSONResponse.make(status: status, bytes: body)
    }

    /// 429 `rate_limited` (SPEC §3.7).
    public static func rateLimited(_ message: String) -> APIError {
        APIError(.rateLimited, status: .tooManyRequests, message: message)
    }

    /// The envelope of SPEC §3.2 as JSON bytes.
    public var body: [UInt8] {
        var json = JSONWriter(capacity: 256)
        json.beginObject()
        json.beginObject("error")
        json.string("type", kind == .methodNotAllowed ? APIError.Kind.notFound.rawValue : kind.rawValue)
        json.string("message", message)
        json.string("code", (kind == .methodNotAllowed ? "METHOD_NOT_ALLOWED" : kind.rawValue.uppercased()))
        json.beginArray("details")
        for detail in details {
            json.beginObject()
            json.string("field", detail.field)
            json.string("message", detail.message)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        json.endObject()
        return json.bytes
    }
}

/// JSON responses from already-encoded bytes.
public enum JSONResponse {
    /// A response with a JSON body.
    public static func make(status: HTTPResponse.Status = .ok, bytes: [UInt8], headers extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
