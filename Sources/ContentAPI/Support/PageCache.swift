import Synchronization

/// Rendered post pages, kept until the site's posts change (the store's change counter)
/// or a second passes (so that writes by another process show within a second). The read
/// endpoint is hit by every embed view; most hits are the same few pages.
final class PageCache: Sendable {
    struct Page: Sendable {
        var body: [UInt8]
        var etag: String
    }

    private struct Entry {
        var page: Page
        var counter: UInt64
        var expires: ContinuousClock.Instant
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

    /// The cached page for `key`, if it was rendered at this counter and is still fresh.
    func page(_ key: String, counter: UInt64) -> Page? {
        guard enabled else { return nil }
        let now = ContinuousClock.now
        return entries.withLock { entries in
            guard let entry = entries[key], entry.counter == counter, entry.expires > now else { return nil }
            return entry.page
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

/// A weak entity tag from a body: FNV-1a, 64 bits.
enum EntityTag {
    static func of(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return "W/\"" + String(hash, radix: 16) + "\""
    }
}
