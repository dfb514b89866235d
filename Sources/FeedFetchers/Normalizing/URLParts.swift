/// The five components of a URI reference (RFC 3986 §3) as byte ranges of its text.
struct URLParts {
    var bytes: [UInt8]
    var scheme: Range<Int>?
    var authority: Range<Int>?
    var path: Range<Int>
    var query: Range<Int>?
    var fragment: Range<Int>?

    /// Splits `bytes` with the regular expression of RFC 3986 appendix B.
    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var index = 0
        if let colon = URLResolver.scheme(of: bytes) {
            scheme = 0..<colon
            index = colon + 1
        }
        let end = bytes.count
        if index + 1 < end, bytes[index] == 0x2F, bytes[index + 1] == 0x2F {
            let start = index + 2
            var stop = start
            while stop < end, bytes[stop] != 0x2F, bytes[stop] != 0x3F, bytes[stop] != 0x23 { stop += 1 }
            authority = start..<stop
            index = stop
        }
        var stop = index
        while stop < end, bytes[stop] != 0x3F, bytes[stop] != 0x23 { stop += 1 }
        path = index..<stop
        index = stop
        if index < end, bytes[index] == 0x3F {
            stop = index + 1
            while stop < end, bytes[stop] != 0x23 { stop += 1 }
            query = (index + 1)..<stop
            index = stop
        }
        if index < end, bytes[index] == 0x23 { fragment = (index + 1)..<end }
    }

    subscript(range: Range<Int>) -> ArraySlice<UInt8> { bytes[range] }
}

extension URLResolver {
    /// The target URI of reference `ref` against `base` (RFC 3986 §5.2.2, strict).
    static func merge(_ base: URLParts, _ refBytes: [UInt8]) -> [UInt8] {
        let ref = URLParts(refBytes)
        var out: [UInt8] = []
        out.reserveCapacity(base.bytes.count + refBytes.count)
        if let scheme = base.scheme { out += base[scheme]; out.append(0x3A) }
        if let authority = ref.authority {
            appendAuthority(authority, of: ref, to: &out)
            out += removeDotSegments(ref[ref.path])
            appendQuery(ref.query, of: ref, to: &out)
        } else {
            if let authority = base.authority { appendAuthority(authority, of: base, to: &out) }
            if ref.path.isEmpty {
                out += base[base.path]
                if ref.query != nil { appendQuery(ref.query, of: ref, to: &out) } else { appendQuery(base.query, of: base, to: &out) }
            } else {
                if ref.bytes[ref.path.lowerBound] == 0x2F {
                    out += removeDotSegments(ref[ref.path])
                } else {
                    out += removeDotSegments(mergePaths(base, ref[ref.path]))
                }
                appendQuery(ref.query, of: ref, to: &out)
            }
        }
        if let fragment = ref.fragment { out.append(0x23); out += ref[fragment] }
        return out
    }

    private static func appendAuthority(_ range: Range<Int>, of parts: URLParts, to out: inout [UInt8]) {
        out.append(0x2F); out.append(0x2F); out += parts[range]
    }

    private static func appendQuery(_ range: Range<Int>?, of parts: URLParts, to out: inout [UInt8]) {
        if let range { out.append(0x3F); out += parts[range] }
    }

    /// RFC 3986 §5.2.3: the base path up to its last `/`, then the reference path.
    private static func mergePaths(_ base: URLParts, _ refPath: ArraySlice<UInt8>) -> [UInt8] {
        let basePath = base[base.path]
        if base.authority != nil, basePath.isEmpty { return [0x2F] + refPath }
        guard let slash = basePath.lastIndex(of: 0x2F) else { return Array(refPath) }
        return Array(basePath[basePath.startIndex...slash]) + refPath
    }

    /// RFC 3986 §5.2.4: removes `.` and `..` segments from a path.
    static func removeDotSegments(_ path: some Collection<UInt8>) -> [UInt8] {
        guard path.contains(0x2E) else { return Array(path) }
        var segments: [ArraySlice<UInt8>] = []
        let input = Array(path)
        let absolute = input.first == 0x2F
        let parts = input.split(separator: 0x2F, omittingEmptySubsequences: false).dropFirst(absolute ? 1 : 0)
        var trailingSlash = false
        for segment in parts {
            trailingSlash = false
            if segment.elementsEqual([0x2E]) {
                trailingSlash = true
            } else if segment.elementsEqual([0x2E, 0x2E]) {
                if !segments.isEmpty { segments.removeLast() }
                trailingSlash = true
            } else {
                segments.append(segment)
            }
        }
        var out: [UInt8] = absolute ? [0x2F] : []
        for (index, segment) in segments.enumerated() {
            if index > 0 { out.append(0x2F) }
            out += segment
        }
        if trailingSlash, out.last != 0x2F { out.append(0x2F) }
        return out
    }
}
