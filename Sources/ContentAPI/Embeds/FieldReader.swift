import FeedFetchers
import Foundation

/// Reads typed members of a JSON object, collecting a problem per bad field (named with its
/// path, e.g. `theme.radius`) instead of stopping at the first one.
struct FieldReader {
    let object: [String: Any]
    let prefix: String
    private(set) var problems: [APIError.Detail] = []

    /// A reader of `object` whose fields are reported as `prefix + name`.
    init(object: [String: Any], prefix: String) {
        self.object = object
        self.prefix = prefix
    }

    /// Reports members not in `known`.
    mutating func rejectUnknown(_ known: Set<String>) {
        for key in object.keys.sorted() where !known.contains(key) {
            fail(key, "is not a field here (\(known.sorted().joined(separator: ", ")))")
        }
    }

    /// A string member, or `current` when absent.
    mutating func string(_ key: String, _ current: String, maxLength: Int = 200, allowed: Set<String>? = nil,
                         pattern: ((String) -> Bool)? = nil, problem: String? = nil) -> String {
        guard let value = object[key] else { return current }
        guard let text = value as? String else {
            fail(key, "must be a string")
            return current
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let allowed, !allowed.contains(trimmed) {
            fail(key, "must be one of \(allowed.sorted().joined(separator: ", "))")
            return current
        }
        if let pattern, !pattern(trimmed) {
            fail(key, problem ?? "is not valid")
            return current
        }
        guard !trimmed.isEmpty, trimmed.count <= maxLength else {
            fail(key, "must be a non-empty string of at most \(maxLength) characters")
            return current
        }
        return trimmed
    }

    /// One of an enumeration's raw values.
    mutating func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ current: T) -> T where T.RawValue == String {
        let raw = string(key, current.rawValue, allowed: Set(T.allCases.map(\.rawValue)))
        return T(rawValue: raw) ?? current
    }

    /// An integer member within `range`.
    mutating func integer(_ key: String, _ current: Int, _ range: ClosedRange<Int>) -> Int {
        guard let value = object[key] else { return current }
        guard let whole = JSONScalar.integer(value), let integer = Int(exactly: whole), range.contains(integer) else {
            fail(key, "must be an integer between \(range.lowerBound) and \(range.upperBound)")
            return current
        }
        return integer
    }

    /// A boolean member.
    mutating func bool(_ key: String, _ current: Bool) -> Bool {
        guard let value = object[key] else { return current }
        guard let flag = JSONScalar.boolean(value) else {
            fail(key, "must be true or false")
            return current
        }
        return flag
    }

    /// A list member, each element read by `element`, at most `max` long.
    mutating func list<T>(_ key: String, _ current: [T], max: Int, _ element: (Any) -> Result<T, ElementProblem>) -> [T] {
        guard let value = object[key] else { return current }
        guard let items = value as? [Any], items.count <= max else {
            fail(key, "must be a list of at most \(max) items")
            return current
        }
        var out: [T] = []
        for item in items {
            switch element(item) {
            case .success(let value): out.append(value)
            case .failure(let problem):
                fail(key, problem.message)
                return current
            }
        }
        return out
    }

    private mutating func fail(_ key: String, _ message: String) {
        problems.append(.init(field: prefix + key, message: message))
    }
}

/// Why one element of a list member was refused.
struct ElementProblem: Error {
    let message: String

    /// A problem from its message.
    init(_ message: String) { self.message = message }
}

extension Result where Failure == ElementProblem {
    /// A refused element with its message.
    static func refused(_ message: String) -> Result { .failure(ElementProblem(message)) }
}
