import Aggregator
import HTTPTypes
import Hummingbird
import Logging

/// Turns every error into the envelope of SPEC §3.2: unknown routes, wrong methods and
/// oversized bodies included. Anything unexpected is a 500 whose message names no internals;
/// the details go to the log.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            return Self.response(for: error, request: request, context: context)
        }
    }

    /// The enveloped response for any error; the middlewares outside this one answer their
    /// own failures through it too.
    static func response(for error: any Error, request: Request, context: some RequestContext) -> Response {
        switch error {
        case let error as APIError:
            return error.envelope
        case let error as RateLimited:
            return (try? error.response(from: request, context: context)) ?? APIError(.rateLimited, status: .tooManyRequests, message: "too many requests").envelope
        case let error as HTTPError:
            return translate(error).envelope
        case let error as any HTTPResponseError where error.status.code < 500:
            // NIO's own errors that carry a status: a body over `collect(upTo:)`'s limit is a 413.
            return translate(HTTPError(error.status)).envelope
        case let error as CredentialSealerError:
            // A server-side key problem, but the operator must read which key and what to do.
            context.logger.error("credential key problem", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            return APIError(.server, status: .internalServerError, message: error.description).envelope
        default:
            context.logger.error("unexpected error", metadata: ["error": "\(String(reflecting: error))", "path": "\(request.uri.path)"])
            return APIError(.server, status: .internalServerError, message: "the server could not complete the request").envelope
        }
    }

    /// Hummingbird's own errors in our envelope.
    static func translate(_ error: HTTPError) -> APIError {
        switch error.status {
        case .notFound: return APIError(.notFound, status: .notFound, message: "no such endpoint")
        case .methodNotAllowed: return APIError(.methodNotAllowed, status: .methodNotAllowed, message: "this endpoint does not take that method")
        case .contentTooLarge: return APIError(.payloadTooLarge, status: .contentTooLarge, message: "the request body is larger than this endpoint reads (\(RequestBody.limit / 1024) KB)")
        case .badRequest: return APIError(.validation, status: .badRequest, message: error.body ?? "the request is malformed")
        case .unauthorized: return APIError(.authentication, status: .unauthorized, message: "an API key is required")
        default:
            if error.status.code >= 500 { return APIError(.server, status: .internalServerError, message: "the server could not complete the request") }
            return APIError(.validation, status: error.status, message: error.body ?? "the request could not be processed")
        }
    }
}
