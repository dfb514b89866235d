import Foundation
import Testing

@Suite("roost serve checks its rate-limit settings at start", .timeLimit(.minutes(1)))
struct ServeSettingsTests {
    @Test("A malformed limit stops the server at once with exit 64 and a line naming the setting", arguments: [
        ("ROOST_RATE_LIMIT_ADMIN", "lots"), ("ROOST_RATE_LIMIT_READ", "0/min"), ("ROOST_RATE_LIMIT_FAILED_AUTH", "10/day"),
        ("ROOST_TRUST_FORWARDED_FOR", "maybe"),
    ])
    func badSetting(name: String, value: String) async throws {
        let db = FileManager.default.temporaryDirectory.appendingPathComponent("roost-serve-\(UUID().uuidString).sqlite").path
        let result = try await RoostProcess.run(["serve", "--port", "1", "--db", db], environment: [name: value])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("roost: \(name) "), "stderr: \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: db), "nothing was opened or created")
    }
}
