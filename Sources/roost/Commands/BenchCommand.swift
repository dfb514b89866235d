import ArgumentParser
import ContentAPI
import FeedFetchers
import Foundation

/// `roost bench ...`: rerunnable in-process benchmarks.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Run a benchmark.",
        subcommands: [BenchParseCommand.self, BenchSeedCommand.self, BenchServeFixedCommand.self, BenchModerationCommand.self]
    )
}

/// `roost bench parse PATH... [--repeat N]`: parses every feed file under the paths
/// in-process, documents in memory, after one untimed warm-up pass (SPEC §1).
struct BenchParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse every feed file under the paths in-process and print throughput as JSON."
    )

    @Argument(help: "Feed files or folders.")
    var paths: [String]

    @Option(name: .customLong("repeat"), help: "Timed passes over the documents (default 1).")
    var repetitions: Int = 1

    func validate() throws {
        guard repetitions >= 1 && repetitions <= 10_000 else {
            throw ValidationError("--repeat must be between 1 and 10000")
        }
        guard !paths.isEmpty else { throw ValidationError("give at least one feed file or folder") }
    }

    func run() throws {
        let documents = try loadDocuments()
        guard !documents.isEmpty else {
            throw CommandFailure(kind: .usage, message: "no feed files under \(paths.joined(separator: " "))")
        }
        _ = parseAll(documents)
        let clock = ContinuousClock()
        var posts = 0
        let elapsed = clock.measure {
            for _ in 0..<repetitions { posts += parseAll(documents) }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let bytes = documents.reduce(0) { $0 + $1.count } * repetitions
        var json = JSONWriter()
        json.beginObject()
        json.integer("documents", documents.count * repetitions)
        json.integer("posts", posts)
        json.integer("bytes", bytes)
        json.number("seconds", (seconds * 1e6).rounded() / 1e6)
        json.number("postsPerSecond", (Double(posts) / seconds).rounded())
        json.number("mbPerSecond", (Double(bytes) / 1_000_000 / seconds * 100).rounded() / 100)
        json.endObject()
        print(json.string)
    }

    /// Reads every feed file; files that are not feeds (a corpus manifest, say) are left out
    /// with a note on stderr.
    private func loadDocuments() throws -> [[UInt8]] {
        var documents: [[UInt8]] = []
        for file in DocumentInput.feedFiles(under: paths) {
            let bytes = try DocumentInput.read(file)
            do {
                _ = try FeedParser.parse(bytes)
                documents.append(bytes)
            } catch {
                FileHandle.standardError.write(Data("roost: skipping \(file): \(error)\n".utf8))
            }
        }
        return documents
    }

    private func parseAll(_ documents: [[UInt8]]) -> Int {
        var posts = 0
        for document in documents {
            posts += (try? FeedParser.parse(document))?.posts.count ?? 0
        }
        return posts
    }
}
