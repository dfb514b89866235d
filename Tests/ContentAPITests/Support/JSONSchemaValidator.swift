import FeedFetchers
import Foundation

/// Checks a JSON value against a JSON Schema (draft 2020-12, as OpenAPI 3.1 uses it), for the
/// keywords the project's OpenAPI document uses: `$ref` (local), `type`, `properties`,
/// `required`, `additionalProperties`, `items`, `enum`, `const`, `allOf`/`anyOf`/`oneOf`/`not`,
/// `if`/`then`/`else`, numeric and length bounds, `pattern`, and item and property counts.
/// An unknown keyword is a failure of the test, so the document cannot use one unchecked.
struct JSONSchemaValidator {
    /// The whole document, for `$ref`.
    let document: [String: Any]

    private static let annotations: Set<String> = [
        "description", "format", "example", "examples", "default", "title", "discriminator", "deprecated", "readOnly", "writeOnly",
    ]

    /// Every problem of `value` against `schema`, as `path: problem`; empty when it validates.
    func problems(_ value: Any, against schema: Any, at path: String = "$") -> [String] {
        if let flag = schema as? Bool { return flag ? [] : ["\(path): no value is allowed here"] }
        guard let schema = schema as? [String: Any] else { return ["\(path): the schema is not an object"] }
        var found: [String] = []
        for (keyword, rule) in schema {
            found += check(keyword, rule, schema: schema, value: value, path: path)
        }
        return found
    }

    private func check(_ keyword: String, _ rule: Any, schema: [String: Any], value: Any, path: String) -> [String] {
        switch keyword {
        case "$ref":
            guard let reference = rule as? String, let target = resolve(reference) else { return ["\(path): unresolvable $ref \(rule)"] }
            return problems(value, against: target, at: path)
        case "type":
            let names = (rule as? [String]) ?? [rule as? String ?? ""]
            return names.contains(where: { Self.hasType(value, $0) }) ? [] : ["\(path): \(Self.describe(value)) is not of type \(names)"]
        case "properties":
            guard let object = value as? [String: Any], let properties = rule as? [String: Any] else { return [] }
            return properties.flatMap { name, subschema in
                object[name].map { problems($0, against: subschema, at: "\(path).\(name)") } ?? []
            }
        case "required":
            guard let object = value as? [String: Any], let names = rule as? [String] else { return [] }
            return names.filter { object[$0] == nil }.map { "\(path): the member \($0) is missing" }
        case "additionalProperties":
            guard let object = value as? [String: Any] else { return [] }
            let declared = Set((schema["properties"] as? [String: Any] ?? [:]).keys)
            return object.filter { !declared.contains($0.key) }.sorted(by: { $0.key < $1.key }).flatMap { name, member in
                if let allowed = rule as? Bool { return allowed ? [] : ["\(path): the member \(name) is not in the schema"] }
                return problems(member, against: rule, at: "\(path).\(name)")
            }
        case "items":
            guard let array = value as? [Any] else { return [] }
            return array.enumerated().flatMap { index, element in problems(element, against: rule, at: "\(path)[\(index)]") }
        case "enum":
            let options = rule as? [Any] ?? []
            return options.contains(where: { Self.equal($0, value) }) ? [] : ["\(path): \(Self.describe(value)) is not one of \(options)"]
        case "const":
            return Self.equal(rule, value) ? [] : ["\(path): \(Self.describe(value)) is not \(rule)"]
        case "allOf":
            return (rule as? [Any] ?? []).flatMap { problems(value, against: $0, at: path) }
        case "anyOf":
            let branches = rule as? [Any] ?? []
            return branches.contains(where: { problems(value, against: $0, at: path).isEmpty }) ? [] :
                ["\(path): matches none of anyOf: " + branches.map { problems(value, against: $0, at: path).joined(separator: "; ") }.joined(separator: " | ")]
        case "oneOf":
            let matching = (rule as? [Any] ?? []).filter { problems(value, against: $0, at: path).isEmpty }.count
            return matching == 1 ? [] : ["\(path): matches \(matching) branches of oneOf, not exactly one"]
        case "not":
            return problems(value, against: rule, at: path).isEmpty ? ["\(path): matches a schema it must not"] : []
        case "if":
            let branch = problems(value, against: rule, at: path).isEmpty ? schema["then"] : schema["else"]
            return branch.map { problems(value, against: $0, at: path) } ?? []
        case "then", "else":
            return []
        case "minimum", "maximum":
            guard let number = Self.number(value), let bound = Self.number(rule) else { return [] }
            let ok = keyword == "minimum" ? number >= bound : number <= bound
            return ok ? [] : ["\(path): \(number) is outside \(keyword) \(bound)"]
        case "minLength", "maxLength":
            guard let text = value as? String, let bound = rule as? Int else { return [] }
            let ok = keyword == "minLength" ? text.count >= bound : text.count <= bound
            return ok ? [] : ["\(path): a string of \(text.count) characters is outside \(keyword) \(bound)"]
        case "minItems", "maxItems":
            guard let array = value as? [Any], let bound = rule as? Int else { return [] }
            let ok = keyword == "minItems" ? array.count >= bound : array.count <= bound
            return ok ? [] : ["\(path): \(array.count) items is outside \(keyword) \(bound)"]
        case "minProperties", "maxProperties":
            guard let object = value as? [String: Any], let bound = rule as? Int else { return [] }
            let ok = keyword == "minProperties" ? object.count >= bound : object.count <= bound
            return ok ? [] : ["\(path): \(object.count) members is outside \(keyword) \(bound)"]
        case "pattern":
            guard let text = value as? String, let pattern = rule as? String else { return [] }
            guard let regex = try? NSRegularExpression(pattern: pattern) else { return ["\(path): the pattern \(pattern) does not compile"] }
            let matched = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            return matched ? [] : ["\(path): \"\(text.prefix(60))\" does not match \(pattern)"]
        default:
            return Self.annotations.contains(keyword) ? [] : ["\(path): the validator does not know the keyword \(keyword)"]
        }
    }

    /// What a local JSON pointer (`#/components/schemas/Feed`) points at.
    func resolve(_ reference: String) -> Any? {
        guard reference.hasPrefix("#/") else { return nil }
        var current: Any = document
        for token in reference.dropFirst(2).split(separator: "/", omittingEmptySubsequences: false) {
            let name = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            guard let object = current as? [String: Any], let next = object[name] else { return nil }
            current = next
        }
        return current
    }

    private static func hasType(_ value: Any, _ name: String) -> Bool {
        switch name {
        case "null": return value is NSNull
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "boolean": return isBoolean(value)
        case "number": return JSONScalar.number(value) != nil
        case "integer": return JSONScalar.integer(value) != nil
        default: return false
        }
    }

    /// JSONSerialization's booleans, told apart from numbers by their dynamic type.
    private static func isBoolean(_ value: Any) -> Bool {
        JSONScalar.isBoolean(value)
    }

    private static func number(_ value: Any) -> Double? {
        JSONScalar.number(value)
    }

    private static func equal(_ left: Any, _ right: Any) -> Bool {
        if isBoolean(left) || isBoolean(right) {
            return isBoolean(left) && isBoolean(right) && (left as? Bool) == (right as? Bool)
        }
        if let a = number(left), let b = number(right) { return a == b }
        if let a = left as? String, let b = right as? String { return a == b }
        if left is NSNull, right is NSNull { return true }
        return false
    }

    private static func describe(_ value: Any) -> String {
        if value is NSNull { return "null" }
        if isBoolean(value) { return "a boolean" }
        if let text = value as? String { return "\"\(text.prefix(60))\"" }
        if let number = number(value) { return "the number \(number)" }
        if value is [Any] { return "an array" }
        return "an object"
    }
}
