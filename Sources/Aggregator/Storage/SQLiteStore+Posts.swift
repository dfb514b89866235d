import FeedFetchers
import Foundation
import GRDB
import Moderation

extension SQLiteStore {
    static let postColumns = """
        id, site_id, section_id, feed_id, channel, source_id, source_url, title, text_rich, text_plain, published_at,
        author_name, author_username, author_profile_url, author_image_url, tags, images, videos, attachments, cta_link,
        state, pinned_index, created_at, updated_at, decided_by, score, reasons, decided_at, post_type
        """

    @discardableResult
    public func upsertPosts(_ posts: [Post], feed: Feed, now: Date, decide: (Post) -> Decision) throws -> UpsertSummary {
        guard !posts.isEmpty else { return UpsertSummary() }
        let summary = try writer.write { db in
            var summary = UpsertSummary()
            for post in posts {
                let key = PostColumns.dedupeKey(post)
                let hash = PostColumns.contentHash(post)
                let lookup = try db.cachedStatement(sql: """
                    SELECT id, content_hash, pinned FROM posts WHERE section_id = ? AND channel = ? AND dedupe_key = ?
                    """)
                let existing = try Row.fetchOne(lookup, arguments: [feed.sectionId, post.channel, key])
                if let existing {
                    guard (existing[1] as String) != hash else { summary.unchanged += 1; continue }
                    try update(db, id: existing[0], post: post, hash: hash, pinned: existing[2], now: now)
                    summary.updated += 1
                } else {
                    try insert(db, post: post, feed: feed, key: key, hash: hash, decision: decide(post), now: now)
                    summary.inserted += 1
                }
            }
            return summary
        }
        if summary.inserted + summary.updated > 0 { bump(siteId: feed.siteId) }
        return summary
    }

    private func insert(_ db: Database, post: Post, feed: Feed, key: String, hash: String, decision: Decision, now: Date) throws {
        var arguments: StatementArguments = [
            feed.siteId, feed.sectionId, feed.id, post.channel, key, hash, post.sourceId, post.sourceUrl,
            post.title, post.textRich, post.textPlain, post.publishedAt?.millis, post.from.name,
            post.from.username, post.from.profileUrl, post.from.profileImageUrl,
        ]
        arguments += [PostColumns.encode(tags: post.tags), PostColumns.encode(images: post.images),
                      PostColumns.encode(videos: post.videos), PostColumns.encode(attachments: post.attachments),
                      post.ctaLink, decision.state.rawValue, (post.publishedAt ?? now).millis, now.millis, now.millis,
                      decision.decidedBy.rawValue, decision.score, PostColumns.encode(reasons: decision.reasons), now.millis,
                      decision.fingerprint.map { Int64(bitPattern: $0) }, post.kind?.rawValue]
        try db.cachedStatement(sql: """
            INSERT INTO posts (site_id, section_id, feed_id, channel, dedupe_key, content_hash, source_id, source_url, title,
                text_rich, text_plain, published_at, author_name, author_username, author_profile_url, author_image_url,
                tags, images, videos, attachments, cta_link, state, pinned, order_key, created_at, updated_at,
                decided_by, score, reasons, decided_at, simhash, post_type)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: arguments)
        let id = db.lastInsertedRowID
        try replaceTags(db, postId: id, siteId: feed.siteId, tags: post.tags)
        try Self.recordHistory(db, postId: id, siteId: feed.siteId, at: now, actor: decision.decidedBy.rawValue, keyId: nil,
                               action: "decide", from: nil, to: decision.state.rawValue,
                               detail: decision.reasons.map(\.detail).joined(separator: "; "))
    }

    private func update(_ db: Database, id: Int64, post: Post, hash: String, pinned: Bool, now: Date) throws {
        // State, pin and flocklerId stay: a re-fetch changes what a post says, not where it stands.
        try db.execute(sql: """
            UPDATE posts SET content_hash = ?, source_id = ?, source_url = ?, title = ?, text_rich = ?, text_plain = ?,
                published_at = ?, author_name = ?, author_username = ?, author_profile_url = ?, author_image_url = ?,
                tags = ?, images = ?, videos = ?, attachments = ?, cta_link = ?, updated_at = ?, post_type = ?,
                order_key = CASE WHEN pinned = 1 THEN order_key ELSE COALESCE(?, created_at) END
            WHERE id = ?
            """, arguments: [hash, post.sourceId, post.sourceUrl, post.title, post.textRich, post.textPlain,
                             post.publishedAt?.millis, post.from.name, post.from.username, post.from.profileUrl,
                             post.from.profileImageUrl, PostColumns.encode(tags: post.tags),
                             PostColumns.encode(images: post.images), PostColumns.encode(videos: post.videos),
                             PostColumns.encode(attachments: post.attachments), post.ctaLink, now.millis,
                             post.kind?.rawValue, post.publishedAt?.millis, id])
        let siteId = try Int64.fetchOne(db, sql: "SELECT site_id FROM posts WHERE id = ?", arguments: [id]) ?? 0
        try replaceTags(db, postId: id, siteId: siteId, tags: post.tags)
    }

    func replaceTags(_ db: Database, postId: Int64, siteId: Int64, tags: [String]) throws {
        try db.cachedStatement(sql: "DELETE FROM post_tags WHERE post_id = ?").execute(arguments: [postId])
        let insert = try db.cachedStatement(sql: "INSERT INTO post_tags (post_id, site_id, tag) VALUES (?, ?, ?)")
        for tag in Set(tags.map { $0.lowercased() }) {
            try insert.execute(arguments: [postId, siteId, tag])
        }
    }

    public func post(siteId: Int64, flocklerId: Int64) throws -> StoredPost? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT \(Self.postColumns) FROM posts WHERE site_id = ? AND id = ?",
                             arguments: [siteId, flocklerId]).flatMap(Self.storedPost(from:))
        }
    }

    static func storedPost(from row: Row) -> StoredPost? {
        guard let state = ModerationState(rawValue: row[20]) else { return nil }
        let post = Post(
            channel: row[4], sourceId: row[5], sourceUrl: row[6], title: row[7], textRich: row[8], textPlain: row[9],
            publishedAt: (row[10] as Int64?).map(Date.init(millis:)),
            from: PostAuthor(name: row[11], username: row[12], profileUrl: row[13], profileImageUrl: row[14]),
            tags: PostColumns.tags(row[15]), images: PostColumns.images(row[16]), videos: PostColumns.videos(row[17]),
            ctaLink: row[19], attachments: PostColumns.attachments(row[18]),
            kind: (row[28] as String?).flatMap(PostType.init(rawValue:)))
        let moderation = ModerationRecord(decidedBy: Decision.Decider(rawValue: row[24]) ?? .auto, score: row[25],
                                          reasons: PostColumns.reasons(row[26]), decidedAt: (row[27] as Int64?).map(Date.init(millis:)))
        return StoredPost(flocklerId: row[0], siteId: row[1], sectionId: row[2], feedId: row[3], post: post, state: state,
                          pinnedIndex: row[21], moderation: moderation, createdAt: Date(millis: row[22]), updatedAt: Date(millis: row[23]))
    }
}
