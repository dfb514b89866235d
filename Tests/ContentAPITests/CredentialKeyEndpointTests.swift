import Aggregator
import ContentAPI
import FeedFetchers
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Connections under a key that cannot open them")
struct CredentialKeyEndpointTests {
    @Test("Listing connections with the wrong ROOST_SECRET_KEY answers an error that names the key, and loses nothing")
    func wrongKey() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("roost-api-key-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("roost.sqlite").path
        let now = Date(timeIntervalSince1970: 1_746_679_401)
        let right = String(repeating: "0f", count: 32), wrong = String(repeating: "f0", count: 32)
        let (site, adminKey) = try SQLiteStore(path: path, secretKey: right).createSite(name: "s", now: now)
        _ = try SQLiteStore(path: path, secretKey: right).createConnection(
            NewConnection(siteId: site.id, service: .vimeo, name: nil, credentials: ["access_token": "kept"]), now: now)

        let store = try SQLiteStore(path: path, secretKey: wrong)
        let router = buildRouter(store: store, configuration: APIConfiguration(publicBaseURL: "http://roost.test"), now: { now })
        try await Application(router: router).test(.router) { client in
            let listed = try await client.execute(uri: "/v2/\(site.uuid)/connections", method: .get, headers: [.authorization: "Bearer \(adminKey)"])
            #expect(listed.status == .internalServerError)
            let message = (try json(listed)["error"] as? [String: Any])?["message"] as? String
            #expect(message?.contains("cannot be opened with ROOST_SECRET_KEY") == true)
        }
        #expect(try SQLiteStore(path: path, secretKey: right).connections(siteId: site.id).first?.credentials == ["access_token": "kept"])
    }
}
