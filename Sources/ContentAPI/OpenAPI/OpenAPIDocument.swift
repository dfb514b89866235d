import Foundation

/// The OpenAPI 3.1 description of the whole API, served at `GET /openapi.json`: the resource
/// file `Resources/openapi.json`, edited as a document. Tests check it against the router's own
/// routes and validate every endpoint's real responses against its schemas.
public enum OpenAPIDocument {
    /// The document's bytes, or nil when the resource is missing from the build (a packaging fault).
    public static let bytes: [UInt8]? = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"),
              let data = try? Data(contentsOf: url) else { return nil }
        return Array(data)
    }()
}
