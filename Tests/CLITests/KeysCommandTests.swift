import Foundation
import Testing

@Suite("roost keys create", .timeLimit(.minutes(1)))
struct KeysCommandTests {
    @Test("--name names the key; without it the key is called after its scope and id")
    func names() async throws {
        let db = FileManager.default.temporaryDirectory.appendingPathComponent("roost-keys-\(UUID().uuidString).sqlite").path
        let site = try #require(try await RoostProcess.run(["sites", "create", "--name", "Keys", "--db", db]).json()["uuid"] as? String)
        let named = try await RoostProcess.run(["keys", "create", "--site", site, "--name", "Lobby screen", "--db", db])
        #expect(named.status == 0)
        #expect(try named.json()["name"] as? String == "Lobby screen")
        #expect((try named.json()["apiKey"] as? String)?.hasPrefix("rk_") == true)
        let unnamed = try await RoostProcess.run(["keys", "create", "--site", site, "--scope", "admin", "--db", db])
        let id = try #require(try unnamed.json()["id"] as? Int)
        #expect(try unnamed.json()["name"] as? String == "admin key \(id)")
        let empty = try await RoostProcess.run(["keys", "create", "--site", site, "--name", " ", "--db", db])
        #expect(empty.status == 64)
    }
}
