import FeedFetchers
import Foundation

/// Reads feed documents from files or stdin, refusing anything over the parser's limit
/// before reading it.
enum DocumentInput {
    /// The bytes of `path`, or of stdin when `path` is `-`.
    static func read(_ path: String) throws(CommandFailure) -> [UInt8] {
        let limit = FeedParser.maximumDocumentSize
        let handle: FileHandle
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            guard let opened = FileHandle(forReadingAtPath: path) else {
                throw CommandFailure(kind: .other, message: "cannot read \(path): no such file, or not readable")
            }
            handle = opened
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                throw CommandFailure(kind: .usage, message: "\(path) is a folder, not a feed document")
            }
        }
        defer { if path != "-" { try? handle.close() } }
        do {
            let data = try handle.read(upToCount: limit + 1) ?? Data()
            guard data.count <= limit else {
                throw CommandFailure(kind: .data, message: "\(path) is larger than the \(limit)-byte limit for one feed")
            }
            return [UInt8](data)
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(kind: .other, message: "cannot read \(path): \(error.localizedDescription)")
        }
    }

    /// Every feed file under the given files and folders, sorted by path.
    static func feedFiles(under paths: [String]) -> [String] {
        let extensions: Set<String> = ["xml", "rss", "atom", "rdf", "json", "feed"]
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            guard isDirectory.boolValue else { files.append(path); continue }
            let enumerator = FileManager.default.enumerator(atPath: path)
            while let relative = enumerator?.nextObject() as? String {
                let full = (path as NSString).appendingPathComponent(relative)
                if extensions.contains((relative as NSString).pathExtension.lowercased()) { files.append(full) }
            }
        }
        return files.sorted()
    }
}
