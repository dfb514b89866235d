import Foundation

/// A flat JSON object of strings, as Roost stores small maps in one text column (a
/// platform feed's state, a connection's credentials): keys sorted, non-string members of
/// unreadable text dropped.
public enum StringMapJSON {
    /// The map as JSON text (`{}` when empty).
    public static func encode(_ map: [String: String]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: map, options: [.sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// The string members of the JSON object in `text`; empty when it is not one.
    public static func decode(_ text: String?) -> [String: String] {
        guard let data = text?.data(using: .utf8), let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            return [:]
        }
        return object.compactMapValues { $0 as? String }
    }
}
