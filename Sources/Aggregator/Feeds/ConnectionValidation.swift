import FeedFetchers

/// Checks a connection's service and credentials (SPEC §3.6) and spells its fields the way
/// the platform's adapter names them.
public enum ConnectionValidation {
    /// Credentials with each alias renamed to its field's name (`access_token` → X's `bearer_token`).
    public static func normalizedCredentials(service: String, _ credentials: [String: String]) -> [String: String] {
        guard let adapter = PlatformAdapters.adapter(for: service) else { return credentials }
        var out: [String: String] = [:]
        for (key, value) in credentials {
            let field = adapter.credentialFields.first { $0.name == key || $0.aliases.contains(key) }
            let name = field?.name ?? key
            // The field's own name wins over an alias given beside it.
            if out[name] == nil || key == name { out[name] = value }
        }
        return out
    }

    /// The problems with a connection's service and credentials (SPEC §3.6).
    public static func problems(service name: String, credentials: [String: String]) -> [FieldProblem] {
        guard let service = FeedService(rawValue: name), service != .rss else {
            return [FieldProblem(field: "service", message: "is not a platform Roost connects to")]
        }
        guard let adapter = PlatformAdapters.adapter(for: name) else {
            if service == .instagramBasicDisplay {
                return [FieldProblem(field: "service", message: "instagram_basic_display was retired by Meta on 4 December 2024; connect an Instagram business or creator account as instagram_graph_api instead")]
            }
            return [FieldProblem(field: "service", message: "\(name) is not supported by this Roost build")]
        }
        guard !adapter.credentialFields.isEmpty else {
            return [FieldProblem(field: "service", message: "\(name) feeds read public data and need no connection")]
        }
        let fields = adapter.credentialFields
        let credentials = normalizedCredentials(service: name, credentials)
        var problems: [FieldProblem] = []
        for key in credentials.keys.sorted() where !fields.contains(where: { $0.name == key }) {
            problems.append(FieldProblem(field: "credentials.\(key)", message: "is not a credential of \(name) (\(fields.map(\.name).joined(separator: ", ")))"))
        }
        for field in fields where field.required && (credentials[field.name]?.isEmpty ?? true) {
            problems.append(FieldProblem(field: "credentials.\(field.name)", message: "is required for \(name)"))
        }
        for (key, value) in credentials where value.utf8.count > 8192 {
            problems.append(FieldProblem(field: "credentials.\(key)", message: "is longer than 8192 bytes"))
        }
        return problems
    }

}
