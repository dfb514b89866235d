import ArgumentParser
import ContentAPI
import FeedFetchers
import Foundation

/// `roost parse PATH [--url URL]`: one feed document to the normalized JSON of SPEC §2.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse one feed document (- for stdin) and print the normalized result as JSON."
    )

    @Argument(help: "The feed document, or - to read stdin.")
    var path: String

    @Option(help: "The document's own address, the base for relative links.")
    var url: String?

    func run() throws {
        if let url, !["http://", "https://", "file:"].contains(where: { url.lowercased().hasPrefix($0) }) {
            throw CommandFailure(kind: .usage, message: "--url must be an absolute http(s) URL, not \(url)")
        }
        let bytes = try DocumentInput.read(path)
        let feed = try FeedParser.parse(bytes, url: url)
        let stdout = FileHandle.standardOutput
        ParseResultWire.write(feed) { stdout.write(Data($0)) }
    }
}
