/// Why a document's bytes could not be turned into text.
public enum DocumentDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The document (or its HTTP header) names an encoding neither Roost nor iconv knows.
    case unknownEncoding(String)
    /// The encoding is known by name but the system's iconv could not decode it.
    case unsupportedEncoding(String)

    /// A sentence an operator can act on (DESIGN.md, errors).
    public var description: String {
        switch self {
        case .unknownEncoding(let name):
            "the document is in an encoding Roost cannot read: \(name)"
        case .unsupportedEncoding(let name):
            "the document is in \(name), which this system's iconv cannot decode (are the glibc gconv modules installed?)"
        }
    }
}
