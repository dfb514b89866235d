import HTTPTypes
import Hummingbird

/// Headers every response carries: `X-Content-Type-Options: nosniff`, so that no browser reads
/// a JSON body (which may quote feed text) as HTML or script.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The header fields added.
    static var headers: HTTPFields { [.xContentTypeOptions: "nosniff"] }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        if response.headers[.xContentTypeOptions] == nil { response.headers[.xContentTypeOptions] = "nosniff" }
        return response
    }
}
