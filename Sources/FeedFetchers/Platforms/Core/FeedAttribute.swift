import Foundation

/// One value of a feed attribute: feed attributes are flat JSON scalars (SPEC §3.4).
public enum FeedAttribute: Sendable, Equatable {
    case string(String)
    case bool(Bool)
    case number(Double)

    /// The value as a string, when it is one.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The value as a boolean: a JSON boolean, or "true"/"1"/"false"/"0" from a form.
    public var boolValue: Bool? {
        switch self {
        case .bool(let value): return value
        case .string(let value):
            switch value.lowercased() {
            case "true", "1", "yes", "on": return true
            case "false", "0", "no", "off", "": return false
            default: return nil
            }
        case .number(let value): return value != 0
        }
    }

    /// The value as a number: a JSON number, or a string holding one (from a form).
    public var numberValue: Double? {
        switch self {
        case .number(let value): return value
        case .string(let value): return Double(value.trimmingCharacters(in: .whitespaces))
        case .bool: return nil
        }
    }

    /// The value as text: strings as they are, numbers without a needless `.0`
    /// (ids typed as JSON numbers, `{"page_id": 104512398765432}`).
    public var textValue: String? {
        switch self {
        case .string(let value): return value
        case .number(let value):
            guard value.rounded() == value, abs(value) < 9e15 else { return nil }
            return String(Int64(value))
        case .bool: return nil
        }
    }
}
