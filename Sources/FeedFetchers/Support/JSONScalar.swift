import Foundation

/// Reads scalars out of `JSONSerialization` results the same way on every platform: on
/// Linux a JSON `0` arrives as an `NSNumber` that also casts to `Bool`, so "is it a boolean"
/// must look at the dynamic type, not at what it casts to.
public enum JSONScalar {
    /// True when the value was a JSON `true`/`false`.
    public static func isBoolean(_ value: Any?) -> Bool {
        guard let value else { return false }
        if type(of: value) == Bool.self { return true }
        let name = String(describing: type(of: value))
        return name.contains("Boolean")
    }

    /// A JSON number as a Double; nil for booleans, strings and everything else.
    public static func number(_ value: Any?) -> Double? {
        guard !isBoolean(value) else { return nil }
        if let number = value as? NSNumber { return number.doubleValue }
        if let double = value as? Double { return double }
        if let integer = value as? Int { return Double(integer) }
        return nil
    }

    /// A JSON number that is a whole number in Int64 range.
    public static func integer(_ value: Any?) -> Int64? {
        guard let double = number(value), double.rounded() == double, abs(double) < 9e15 else { return nil }
        return Int64(double)
    }

    /// A JSON boolean.
    public static func boolean(_ value: Any?) -> Bool? {
        guard isBoolean(value) else { return nil }
        return (value as? Bool) ?? (value as? NSNumber)?.boolValue
    }
}
