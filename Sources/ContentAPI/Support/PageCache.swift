import NIOCore
import Synchronization

/// Rendered post pages, kept until the site's posts change (the store's change counter)
/// or a second passes (so that writes by another process show within a second). The read
/// endpoint is hit by every embed view; most hits are the same few pages.
final class PageCache: Sendable {
    struct Page: Sendable {
        /// The rendered body, shared by every response that sends it (no copy per request).
        var body: ByteBuffer
        var etag: String
    }

    private struct Entry {
        var page: Page
        var counter: UInt64
        var expires: ContinuousClock.Instant
        /// When a request started rendering a fresh copy; meanwhile the others keep serving
        /// this one. A refresh that never finished (its query failed) is retried after a while.
        var refreshStarted: ContinuousClock.Instant?
    }

    private let entries = Mutex<[String: Entry]>([:])
    private let lifetime: Duration
    private let capacity: Int
    let enabled: Bool

    init(enabled: Bool, lifetime: Duration = .seconds(1), capacity: Int = 20_000) {
        self.enabled = enabled
        self.lifetime = lifetime
        self.capacity = capacity
    }

    /// The cached page for `key`, if it was rendered at this counter. Past its lifetime the
    /// first caller gets nil (and renders a fresh copy) while everyone else is still served
    /// the old one: no stampede of identical queries when a busy page expires.
    func page(_ key: String, counter: UInt64) -> Page? {
        guard enabled else { return nil }
        let now = ContinuousClock.now
        return entries.withLock { entries in
            guard var entry = entries[key], entry.counter == counter else { return nil }
            if entry.expires > now { return entry.page }
            if let started = entry.refreshStarted, now - started < .seconds(5) { return entry.page }
            entry.refreshStarted = now
            entries[key] = entry
            return nil
        }
    }

    /// Keeps a rendered page.
    func store(_ page: Page, key: String, counter: UInt64) {
        guard enabled else { return }
        let expires = ContinuousClock.now + lifetime
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = Entry(page: page, counter: counter, expires: expires)
        }
    }
}

/// A weak entity tag from a body: FNV-1a over 64-bit words (eight bytes a step), so that
/// tagging a 30 KB page costs microseconds.
enum EntityTag {
    static func of(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        bytes.withUnsafeBytes { raw in
            let words = raw.count / 8
            for index in 0..<words {
                hash ^= raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)
                hash &*= 0x100_0000_01b3
            }
            for index in (words * 8)..<raw.count {
                hash ^= UInt64(raw[index])
                hash &*= 0x100_0000_01b3
            }
        }
        return "W/\"" + String(hash, radix: 16) + String(bytes.count, radix: 16) + "\""
    }
}
