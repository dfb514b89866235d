import Aggregator
import HTTPTypes
import Hummingbird
import NIOCore

/// The public side of embeds (SPEC §3.9): `GET /embed.js`, `/embed.css`, `/admin/embeds.js`,
/// `GET /embed/:embedUuid` (a full page) and `GET /embed/:embedUuid/config` (what the script
/// reads when placed on another page). No key is asked for: the embed's UUID names a saved
/// view of public posts, and the configuration hands out only the embed's own read key.
struct EmbedPageController: Sendable {
    let store: any RoostStore
    let posts: PostsController
    let links: LinkBuilder

    /// The policy of the full page: only Roost's own script, style and API; images and video
    /// files from anywhere (posts carry them); players of the two video hosts, after a click.
    static let pagePolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src https: http: data:; media-src https: http:; "
        + "frame-src https://www.youtube-nocookie.com https://player.vimeo.com; connect-src 'self'; base-uri 'none'; form-action 'none'"

    /// `GET /embed.js`.
    func script(_ request: Request, context: some RequestContext) async throws -> Response {
        try asset(EmbedAssets.shared.script, request: request)
    }

    /// `GET /embed.css`.
    func style(_ request: Request, context: some RequestContext) async throws -> Response {
        try asset(EmbedAssets.shared.style, request: request)
    }

    /// `GET /admin/embeds.js`: the admin page's embeds panel.
    func adminScript(_ request: Request, context: some RequestContext) async throws -> Response {
        try asset(EmbedAssets.shared.adminScript, request: request)
    }

    /// The full page: the template with the embed's configuration and first page inlined as a
    /// JSON data block (not script), so the first cards need no further request.
    func page(_ request: Request, context: some RequestContext) async throws -> Response {
        let assets = EmbedAssets.shared
        guard assets.script.present, assets.style.present, !assets.pageTemplate.isEmpty else { throw Self.missing }
        let (embed, config) = try await configuration(request, context: context)
        let settings = EmbedSettings.stored(embed.settings)
        let base = links.base(for: request)
        let data = String(decoding: config, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
        let html = assets.pageTemplate
            .replacingOccurrences(of: "{{TITLE}}", with: HTMLText.escape(settings.name))
            .replacingOccurrences(of: "{{STYLE}}", with: "\(base)/embed.css?v=\(assets.style.version)")
            .replacingOccurrences(of: "{{SCRIPT}}", with: "\(base)/embed.js?v=\(assets.script.version)")
            .replacingOccurrences(of: "{{UUID}}", with: embed.uuid)
            .replacingOccurrences(of: "{{CONFIG}}", with: data)
        let bytes = Array(html.utf8)
        let etag = EntityTag.of(bytes)
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8", .contentSecurityPolicy: Self.pagePolicy,
                                   .cacheControl: "no-cache", .eTag: etag]
        if let name = HTTPField.Name("Referrer-Policy") { headers[name] = "no-referrer" }
        if Self.matches(request, etag) {
            headers[.contentType] = nil
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// `{"embed": {...settings, readKey, postsUrl, statsUrl, styleUrl}, "page": PostsPage}`.
    func config(_ request: Request, context: some RequestContext) async throws -> Response {
        let (_, config) = try await configuration(request, context: context)
        let etag = EntityTag.of(config)
        var headers: HTTPFields = [.cacheControl: "no-cache", .eTag: etag]
        headers.append(contentsOf: CORS.simpleHeaders)
        if Self.matches(request, etag) { return Response(status: .notModified, headers: headers) }
        return JSONResponse.make(bytes: config, headers: headers)
    }

    private func configuration(_ request: Request, context: some RequestContext) async throws -> (Embed, [UInt8]) {
        let uuid = try context.parameters.require("embedUuid")
        let store = self.store
        guard uuid.utf8.count <= 64, let embed = try await Blocking.run({ try store.embed(uuid: uuid) }) else {
            throw APIError.notFound("embed \(uuid.prefix(64))")
        }
        let base = links.base(for: request)
        let settings = EmbedSettings.stored(embed.settings)
        let postsRequest = try PostsRequest(settings.postsParameters())
        let page = try await posts.page(postsRequest, siteId: embed.siteId, siteUUID: embed.siteUUID, base: base)
        var json = JSONWriter(capacity: page.body.readableBytes + 2048)
        json.beginObject()
        EmbedWire.writeConfig(embed, base: base, into: &json)
        json.raw("page", page.body.readableBytesView)
        json.endObject()
        return (embed, json.bytes)
    }

    /// A static file: immutable for a year under its versioned URL, else an hour with its tag.
    private func asset(_ asset: EmbedAssets.Asset, request: Request) throws -> Response {
        guard asset.present else { throw Self.missing }
        let etag = "\"\(asset.version)\""
        let versioned = request.uri.queryParameters["v"].map { String($0) == asset.version } ?? false
        var headers: HTTPFields = [
            .contentType: asset.contentType, .eTag: etag,
            .cacheControl: versioned ? "public, max-age=31536000, immutable" : "public, max-age=3600",
            .accessControlAllowOrigin: "*",
        ]
        if let name = HTTPField.Name("Cross-Origin-Resource-Policy") { headers[name] = "cross-origin" }
        if Self.matches(request, etag) {
            headers[.contentType] = nil
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: asset.body))
    }

    private static func matches(_ request: Request, _ etag: String) -> Bool {
        guard let match = request.headers[.ifNoneMatch] else { return false }
        return match.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == etag }
    }

    private static let missing = APIError(.server, status: .internalServerError,
                                          message: "the embed files are missing from this build (Resources/embed)")
}
