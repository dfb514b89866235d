import AsyncHTTPClient
import NIOCore
import NIOHTTP1

/// One request and its answer, for one hop of a fetch.
struct Exchange {
    var status: Int
    var values: HTTPHeaderValues
    /// The decoded body; empty for a redirect.
    var body: [UInt8]
}

extension GuardedHTTPClient {
    /// Checks `url` and its address, sends the GET and reads the answer.
    func exchange(
        url: String, request: FetchRequest, forwardCredentials: Bool, deadline: NIODeadline
    ) async throws(FetchError) -> Exchange {
        let lease = try await checkedClient(for: url)
        defer { clients.release(lease) }
        let outgoing = makeRequest(url: url, request: request, forwardCredentials: forwardCredentials)
        do {
            let response = try await lease.client.execute(outgoing, deadline: deadline)
            let status = Int(response.status.code)
            let values = HTTPHeaderValues(response.headers, now: now())
            if Self.isRedirect(status) {
                // Read a small body so the connection goes back to the pool; drop a large one.
                _ = try await Self.read(response.body, limit: Self.maxRedirectBodyBytes)
                return Exchange(status: status, values: values, body: [])
            }
            if let length = values.contentLength, length > maxBodyBytes { throw FetchError.bodyTooLarge(url: url, limit: maxBodyBytes) }
            guard let body = try await Self.read(response.body, limit: maxBodyBytes, expected: values.contentLength) else {
                throw FetchError.bodyTooLarge(url: url, limit: maxBodyBytes)
            }
            return Exchange(status: status, values: values, body: body)
        } catch {
            throw FetchErrorMapping.map(error, url: url, limit: maxBodyBytes, timeouts: (connectTimeout, totalTimeout))
        }
    }

    /// A client that connects only to a checked address of `url`'s host.
    ///
    /// The URL is checked first (scheme, credentials, local names, literal addresses); then
    /// the host is read as AsyncHTTPClient will read it, resolved, and every address checked.
    /// A name with any refused address is refused: answers come in varying order, and a
    /// name that sometimes points inside the network is not a feed to keep fetching.
    func checkedClient(for url: String) async throws(FetchError) -> HTTPClientPool.Lease {
        if let violation = policy.check(url: url) { throw .refused(violation) }
        let target: URLTarget
        do { target = try HostParser.parse(url) } catch { throw .invalidURL(url) }
        guard let seen = ConnectionHost(url: url) else { throw .invalidURL(url) }
        let address: IPAddress
        switch (target.host, seen.literal) {
        case (.address(let parsed), let literal):
            // `2130706433` is a name to AsyncHTTPClient and 127.0.0.1 to us: the override
            // sends it to the address we checked either way.
            guard literal == nil || literal == parsed else { throw .invalidURL(url) }
            address = parsed
        case (.name(let name), nil):
            guard seen.names(name, policy: policy) else { throw .invalidURL(url) }
            let addresses = try await resolver.resolve(seen.bare)
            for candidate in addresses {
                if let violation = policy.check(address: candidate, url: url) { throw .refused(violation) }
            }
            guard let first = addresses.first else { throw .dnsFailure(host: seen.bare) }
            address = first
        case (.name, .some):
            throw .invalidURL(url)
        }
        // Checked again as the address connected to, whatever the URL spelled.
        if let violation = policy.check(address: address, url: url) { throw .refused(violation) }
        guard let lease = clients.lease(host: seen.key, address: address.description) else {
            throw .connectionFailed(url: url, detail: "the HTTP client has been shut down")
        }
        return lease
    }

    /// The request for one hop: Roost's headers, the conditional headers, then the caller's.
    func makeRequest(url: String, request: FetchRequest, forwardCredentials: Bool) -> HTTPClientRequest {
        var outgoing = HTTPClientRequest(url: url)
        outgoing.method = HTTPMethod(rawValue: request.method)
        if let body = request.body { outgoing.body = .bytes(ByteBuffer(bytes: body)) }
        var headers = HTTPHeaders()
        headers.add(name: "User-Agent", value: userAgent)
        headers.add(name: "Accept", value: Self.feedAccept)
        headers.add(name: "Accept-Encoding", value: "gzip, deflate")
        if let etag = request.etag, Self.isSafeValue(etag) { headers.add(name: "If-None-Match", value: etag) }
        if let date = request.lastModified, Self.isSafeValue(date) { headers.add(name: "If-Modified-Since", value: date) }
        for (name, value) in request.headers where Self.isSafeValue(value) {
            guard forwardCredentials || !Self.credentialHeaders.contains(name.lowercased()) else { continue }
            headers.replaceOrAdd(name: name, value: value)
        }
        outgoing.headers = headers
        return outgoing
    }

    /// Headers that carry credentials, kept from other origins on redirect (as curl and browsers do).
    static let credentialHeaders: Set<String> = ["authorization", "cookie", "proxy-authorization"]

    /// Whether a stored value can be sent as a header: no control characters but tab.
    static func isSafeValue(_ value: String) -> Bool {
        value.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x7F || $0 == 0x09 }
    }

    /// Reads a body, decoded bytes counted as they arrive; `nil` past `limit` (the rest is
    /// not read, and the connection is closed).
    static func read(
        _ body: HTTPClientResponse.Body, limit: Int, expected: Int? = nil
    ) async throws -> [UInt8]? {
        var bytes: [UInt8] = []
        if let expected { bytes.reserveCapacity(min(expected, limit)) }
        for try await chunk in body {
            guard bytes.count + chunk.readableBytes <= limit else { return nil }
            bytes.append(contentsOf: chunk.readableBytesView)
        }
        return bytes
    }
}
