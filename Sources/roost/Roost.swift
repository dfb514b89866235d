import ArgumentParser
import Foundation

/// The `roost` command line (SPEC §1): the one place that wires the parts together.
@main
struct Roost {
    static func main() async {
        do {
            var command = try RoostCommand.parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(ExitStatus.report(error))
        }
    }
}

/// The root command and its subcommands.
struct RoostCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roost",
        abstract: "Roost: a self-hosted social content aggregator.",
        subcommands: [ServeCommand.self, ParseCommand.self, SitesCommand.self, KeysCommand.self, FeedsCommand.self, ConnectionsCommand.self,
                      FetchCommand.self, BenchCommand.self]
    )
}
