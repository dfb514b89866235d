import ArgumentParser
import FeedFetchers
import Foundation

/// A failure of a command, with the exit code SPEC §1 gives its class.
struct CommandFailure: Error, CustomStringConvertible {
    /// 64 bad usage, 65 bad input data, 1 anything else.
    enum Kind: Int32 { case usage = 64, data = 65, other = 1 }
    var kind: Kind
    var message: String

    var description: String { message }
}

/// Turns errors into exit codes and the one-line `roost: <message>` on stderr (SPEC §1).
/// The only place that does.
enum ExitStatus {
    /// Reports `error` and returns the process exit code.
    static func report(_ error: Error) -> Int32 {
        switch error {
        case let failure as CommandFailure:
            return fail(failure.message, code: failure.kind.rawValue)
        case let parseError as FeedParseError:
            return fail(parseError.description, code: CommandFailure.Kind.data.rawValue)
        default:
            let code = RoostCommand.exitCode(for: error)
            if code == .success {
                // --help and --version: the full text on stdout.
                print(RoostCommand.fullMessage(for: error))
                return 0
            }
            let message = RoostCommand.message(for: error)
            let firstLine = message.split(separator: "\n").first.map(String.init) ?? "failed"
            let cleaned = firstLine.hasPrefix("Error: ") ? String(firstLine.dropFirst(7)) : firstLine
            return fail(cleaned, code: code == .validationFailure ? 64 : code.rawValue)
        }
    }

    private static func fail(_ message: String, code: Int32) -> Int32 {
        let line = message.replacingOccurrences(of: "\n", with: " ")
        FileHandle.standardError.write(Data("roost: \(line)\n".utf8))
        return code
    }
}
