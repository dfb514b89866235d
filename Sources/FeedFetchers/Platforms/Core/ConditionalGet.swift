import Foundation

extension PlatformClient {
    /// A conditional GET: sends back the `ETag` / `Last-Modified` that `state` kept for this
    /// same URL, so an unchanged feed answers 304.
    func conditionalGet(_ url: String, state: PlatformState, headers: [(String, String)] = []) async throws(PlatformError) -> FetchResponse {
        let same = state["validated_url"] == url
        return try await send(FetchRequest(url: url, etag: same ? state["etag"] : nil,
                                           lastModified: same ? state["last_modified"] : nil, headers: headers))
    }
}

extension PlatformState {
    /// Keeps the validators of a 200 from `url` for the next conditional GET (dropping stale ones).
    mutating func rememberValidators(of response: FetchResponse, for url: String) {
        let etag = response.etag.flatMap { $0.isEmpty ? nil : $0 }
        let lastModified = response.lastModified.flatMap { $0.isEmpty ? nil : $0 }
        self["etag"] = etag
        self["last_modified"] = lastModified
        self["validated_url"] = etag == nil && lastModified == nil ? nil : url
    }
}
