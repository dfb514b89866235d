import FeedFetchers
import Foundation
import Moderation

/// The classifier rule's HTTP call (issue 15): the post as JSON, POSTed through the transport
/// the composition root gives (the guarded client: network policy, capped body, timeouts).
/// Every failure is a verdict naming what went wrong, never an error thrown at ingest.
public struct HTTPPostClassifier: PostClassifier {
    let transport: any HTTPTransport

    /// A classifier calling endpoints through `transport`.
    public init(transport: any HTTPTransport) {
        self.transport = transport
    }

    /// POSTs `request` to `settings.url` and reads the labels of a 2xx JSON answer.
    public func classify(_ request: ClassifierRequest, settings: ClassifierSettings) async -> ClassifierVerdict {
        let fetch = FetchRequest(url: settings.url, headers: [("Content-Type", "application/json"), ("Accept", "application/json")],
                                 method: "POST", body: request.body)
        let response: FetchResponse
        do {
            response = try await transport.fetch(fetch)
        } catch .bodyTooLarge(_, let limit) {
            return .failed("the answer is larger than \(limit / 1024) KB")
        } catch {
            return .failed(error.description)
        }
        guard (200..<300).contains(response.status) else {
            return .failed("\(settings.url) answered \(response.status)")
        }
        return ClassifierAnswer.parse(response.body)
    }
}
