import FeedFetchers
import Foundation
import GRDB
import Moderation
import Testing
@testable import Aggregator

@Suite("Connection credentials and the key that seals them")
struct CredentialKeyTests {
    private let now = Date(timeIntervalSince1970: 1_700_000_000)
    private static let keyA = String(repeating: "a1", count: 32)
    private static let keyB = String(repeating: "b2", count: 32)

    /// A database file with a site and one Vimeo connection sealed with `secretKey` (nil: the key file).
    private func database(secretKey: String?) throws -> (folder: URL, path: String, siteId: Int64, connectionId: Int64) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("roost-key-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("roost.sqlite").path
        let store = try SQLiteStore(path: path, secretKey: secretKey)
        let site = try store.createSite(name: "s", now: now).site
        let connection = try store.createConnection(NewConnection(siteId: site.id, service: .vimeo, name: nil,
                                                                  credentials: ["access_token": "very-secret-token-123"]), now: now)
        return (folder, path, site.id, connection.id)
    }

    private func storedText(_ path: String) throws -> String? {
        try DatabaseQueue(path: path).read { db in try String.fetchOne(db, sql: "SELECT credentials FROM connections") }
    }

    @Test("A wrong ROOST_SECRET_KEY is an error naming it, on reads and on a token refresh; nothing stored changes")
    func wrongEnvironmentKey() throws {
        let (folder, path, siteId, connectionId) = try database(secretKey: Self.keyA)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sealed = try storedText(path)
        let wrong = try SQLiteStore(path: path, secretKey: Self.keyB)
        let listed = #expect(throws: CredentialSealerError.self) { try wrong.connections(siteId: siteId) }
        #expect(listed?.description.contains("cannot be opened with ROOST_SECRET_KEY") == true)
        #expect(throws: CredentialSealerError.self) { try wrong.connection(siteId: siteId, idOrUUID: String(connectionId)) }
        #expect(throws: CredentialSealerError.self) {
            try wrong.updateCredentials(connectionId: connectionId, merging: ["access_token": "refreshed"], now: now)
        }
        #expect(try storedText(path) == sealed, "the sealed credentials are left as they were")
        let right = try SQLiteStore(path: path, secretKey: Self.keyA)
        #expect(try right.connections(siteId: siteId).first?.credentials == ["access_token": "very-secret-token-123"])
    }

    @Test("A lost or replaced key file is an error naming the file's path")
    func replacedKeyFile() throws {
        let (folder, path, siteId, _) = try database(secretKey: nil)
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = try Data(contentsOf: URL(fileURLWithPath: path + ".key"))
        try FileManager.default.removeItem(atPath: path + ".key")
        let reopened = try SQLiteStore(path: path)
        let error = #expect(throws: CredentialSealerError.self) { try reopened.connections(siteId: siteId) }
        #expect(error?.description.contains("the key file \(path).key") == true)
        #expect(error?.description.contains("Restore") == true)
        try original.write(to: URL(fileURLWithPath: path + ".key"))
        #expect(try SQLiteStore(path: path).connections(siteId: siteId).first?.credentials["access_token"] == "very-secret-token-123")
    }

    @Test("A platform feed whose connection the key cannot open is unhealthy with that message")
    func feedTurnsUnhealthy() async throws {
        let (folder, path, siteId, _) = try database(secretKey: Self.keyA)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteStore(path: path, secretKey: Self.keyB)
        let section = try store.section(siteId: siteId, named: "default", now: now)
        let feed = try store.createFeed(NewFeed(siteId: siteId, sectionId: section.id, name: "v", service: .vimeo,
                                                attributes: ["user": .string("kettleandcrow")], moderationType: .autoPublish), now: now)
        let now = self.now
        let client = GuardedHTTPClient(policy: NetworkPolicy(), now: { now })
        let ingest = IngestFeed(store: store, transport: client, now: { now }, random: { 0.1 },
                                platforms: PlatformRuntime(adapters: [ScriptedAdapter()]))
        let outcome = await ingest.run(feed)
        #expect(!outcome.health.isHealthy)
        #expect(outcome.health.errorMessage?.contains("cannot be opened with ROOST_SECRET_KEY") == true)
        await client.shutdown()
    }

    @Test("Sealing that fails is an error, never the plain text")
    func sealingFailure() {
        let broken = CredentialSealer(keyBytes: [1, 2, 3], source: .environment)
        #expect(throws: CredentialSealerError.self) { try broken.seal(#"{"access_token":"t"}"#) }
    }

    @Test("Credentials stored before sealing existed are sealed when the store opens, and read the same")
    func plainCredentialsAreSealed() throws {
        let (folder, path, siteId, _) = try database(secretKey: Self.keyA)
        defer { try? FileManager.default.removeItem(at: folder) }
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: #"UPDATE connections SET credentials = '{"access_token":"plain-token"}'"#)
        }
        let store = try SQLiteStore(path: path, secretKey: Self.keyA)
        #expect(try storedText(path)?.hasPrefix("sealed:v1:") == true)
        #expect(try store.connections(siteId: siteId).first?.credentials["access_token"] == "plain-token")
    }
}
