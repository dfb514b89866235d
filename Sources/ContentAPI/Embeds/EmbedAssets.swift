import Foundation
import NIOCore

/// The embed's static files, shipped as package resources (`Resources/embed/`): the script,
/// its stylesheet and the full-page template. No build step: what is in the folder is served.
final class EmbedAssets: Sendable {
    /// One file, ready to send, with a version derived from its bytes.
    struct Asset: Sendable {
        var body: ByteBuffer
        /// A short hash of the bytes: the `?v=` of versioned URLs and the entity tag.
        var version: String
        var contentType: String
        /// False when the file is missing from the build (a packaging fault, answered 500).
        var present: Bool
    }

    /// The files of this build, read once.
    static let shared = EmbedAssets()

    let script: Asset
    let style: Asset
    let adminScript: Asset
    /// The page of `GET /embed/:embedUuid`, with `{{...}}` placeholders.
    let pageTemplate: String

    private init() {
        script = Self.load("embed.js", type: "text/javascript; charset=utf-8")
        style = Self.load("embed.css", type: "text/css; charset=utf-8")
        adminScript = Self.load("admin-embeds.js", type: "text/javascript; charset=utf-8")
        let page = Self.load("page.html", type: "text/html; charset=utf-8")
        pageTemplate = page.present ? String(buffer: page.body) : ""
    }

    private static func load(_ name: String, type: String) -> Asset {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "embed"),
              let data = try? Data(contentsOf: url) else {
            return Asset(body: ByteBuffer(), version: "missing", contentType: type, present: false)
        }
        let bytes = Array(data)
        let tag = EntityTag.of(bytes)
        let version = String(tag.dropFirst(3).dropLast().prefix(12))
        return Asset(body: ByteBuffer(bytes: bytes), version: version, contentType: type, present: true)
    }
}
