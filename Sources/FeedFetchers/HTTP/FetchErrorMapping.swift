import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOPosix

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns what AsyncHTTPClient and SwiftNIO throw into `FetchError`s an operator can act on.
enum FetchErrorMapping {
    /// The `FetchError` for `error`, raised while fetching `url`.
    static func map(_ error: any Error, url: String, limit: Int, timeouts: (connect: Duration, total: Duration)) -> FetchError {
        let connectSeconds = GuardedHTTPClient.wholeSeconds(timeouts.connect)
        switch error {
        case let error as FetchError:
            return error
        case let error as HTTPClientError:
            return map(error, url: url, seconds: (connectSeconds, GuardedHTTPClient.wholeSeconds(timeouts.total)))
        case let error as IOError:
            return .connectionFailed(url: url, detail: detail(errno: error.errnoCode) ?? error.description)
        case let error as NIOConnectionError:
            let errnos = error.connectionErrors.compactMap { ($0.error as? IOError)?.errnoCode }
            let known = errnos.lazy.compactMap(detail(errno:)).first
            return .connectionFailed(url: url, detail: known ?? "no address of the host accepted a connection")
        case let error as ChannelError:
            if case .connectTimeout = error { return .timedOut(url: url, seconds: connectSeconds) }
            return .connectionFailed(url: url, detail: "\(error)")
        case is HTTPParserError:
            return .connectionFailed(url: url, detail: "the server's answer is not valid HTTP")
        case is CancellationError:
            return .connectionFailed(url: url, detail: "the fetch was cancelled")
        default:
            return mapByModule(error, url: url, limit: limit)
        }
    }

    /// AsyncHTTPClient's own errors.
    private static func map(_ error: HTTPClientError, url: String, seconds: (connect: Int, total: Int)) -> FetchError {
        switch error {
        case .connectTimeout, .tlsHandshakeTimeout:
            return .timedOut(url: url, seconds: seconds.connect)
        case .deadlineExceeded:
            return .timedOut(url: url, seconds: seconds.total)
        case .readTimeout, .writeTimeout, .getConnectionFromPoolTimeout:
            return .connectionFailed(url: url, detail: "the server stopped answering")
        case .remoteConnectionClosed:
            return .connectionFailed(url: url, detail: "the server closed the connection before it answered")
        case .invalidURL, .emptyHost, .emptyScheme:
            return .invalidURL(url)
        case .cancelled:
            return .connectionFailed(url: url, detail: "the fetch was cancelled")
        case .alreadyShutdown:
            return .connectionFailed(url: url, detail: "the HTTP client has been shut down")
        default:
            return .connectionFailed(url: url, detail: error.shortDescription)
        }
    }

    /// Errors of modules FeedFetchers does not import (NIOSSL, NIOHTTPCompression: both are
    /// AsyncHTTPClient's dependencies, not ours), told apart by their type's module name.
    private static func mapByModule(_ error: any Error, url: String, limit: Int) -> FetchError {
        let type = String(reflecting: Swift.type(of: error))
        if type.hasPrefix("NIOHTTPCompression.") {
            // `NIOHTTPDecompression.DecompressionError.limit`: the decoded body passed the cap.
            return "\(error)" == "limit" ? .bodyTooLarge(url: url, limit: limit) : .decompressionFailed(url: url)
        }
        if type.hasPrefix("NIOSSL.") || type.hasPrefix("NIOTLS.") {
            return .tls(url: url, detail: "\(error)")
        }
        return .connectionFailed(url: url, detail: "\(error)")
    }

    /// A plain sentence for the socket errors feeds meet.
    private static func detail(errno code: Int32) -> String? {
        switch code {
        case ECONNREFUSED: "the connection was refused (nothing is listening on that port)"
        case ECONNRESET: "the connection was reset by the server"
        case ENETUNREACH: "the network is unreachable"
        case EHOSTUNREACH: "the host is unreachable"
        case ETIMEDOUT: "the connection timed out"
        default: nil
        }
    }
}
