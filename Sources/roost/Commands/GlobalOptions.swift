import Aggregator
import ArgumentParser
import FeedFetchers
import Foundation

/// Settings every command takes (SPEC §1): `--db PATH` or `ROOST_DB`, and
/// `--allow-private-networks` or `ROOST_ALLOW_PRIVATE_NETWORKS=1`.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "The SQLite database file (default ./roost.sqlite, or ROOST_DB).")
    var databasePath: String?

    @Flag(name: .customLong("allow-private-networks"),
          help: "Let fetchers reach loopback and private addresses (or ROOST_ALLOW_PRIVATE_NETWORKS=1).")
    var allowPrivateNetworks = false

    /// The database path in force.
    var resolvedDatabasePath: String {
        databasePath ?? ProcessInfo.processInfo.environment["ROOST_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "./roost.sqlite"
    }

    /// The network policy in force.
    var networkPolicy: NetworkPolicy {
        let environment = ProcessInfo.processInfo.environment["ROOST_ALLOW_PRIVATE_NETWORKS"] ?? ""
        return NetworkPolicy(allowPrivateNetworks: allowPrivateNetworks || ["1", "true", "yes"].contains(environment.lowercased()))
    }

    /// Opens the store, turning failures into one clear line.
    func openStore() throws -> SQLiteStore {
        let path = resolvedDatabasePath
        do {
            let secretKey = ProcessInfo.processInfo.environment["ROOST_SECRET_KEY"].flatMap { $0.isEmpty ? nil : $0 }
            return try SQLiteStore(path: path, secretKey: secretKey)
        } catch {
            throw CommandFailure(kind: .other, message: "cannot open the database \(path): \(error)")
        }
    }
}
