import GRDB

/// The schema, as an ordered list of migrations; a database is brought up to date on open.
enum Migrations {
    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: sites, keys, sections, feeds, posts") { db in
            try db.execute(sql: """
                CREATE TABLE sites (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    uuid TEXT NOT NULL UNIQUE,
                    name TEXT NOT NULL,
                    created_at INTEGER NOT NULL
                );
                CREATE TABLE api_keys (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
                    key_hash TEXT NOT NULL UNIQUE,
                    scope TEXT NOT NULL CHECK (scope IN ('read', 'admin')),
                    created_at INTEGER NOT NULL
                );
                CREATE TABLE sections (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    uuid TEXT NOT NULL UNIQUE,
                    site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
                    name TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    UNIQUE (site_id, name)
                );
                CREATE TABLE feeds (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    uuid TEXT NOT NULL UNIQUE,
                    site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
                    section_id INTEGER NOT NULL REFERENCES sections(id),
                    name TEXT,
                    service TEXT NOT NULL,
                    attributes TEXT NOT NULL,
                    moderation_type TEXT NOT NULL,
                    enabled INTEGER NOT NULL,
                    is_healthy INTEGER NOT NULL DEFAULT 1,
                    error_message TEXT,
                    etag TEXT,
                    last_modified TEXT,
                    next_fetch_at INTEGER,
                    last_fetched_at INTEGER,
                    last_success_at INTEGER,
                    consecutive_failures INTEGER NOT NULL DEFAULT 0,
                    redirected_url TEXT,
                    permanent_redirects INTEGER NOT NULL DEFAULT 0,
                    cursor TEXT,
                    created_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL
                );
                CREATE INDEX feeds_site ON feeds (site_id, created_at);
                CREATE INDEX feeds_due ON feeds (enabled, next_fetch_at);
                CREATE TABLE posts (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
                    section_id INTEGER NOT NULL REFERENCES sections(id),
                    feed_id INTEGER REFERENCES feeds(id) ON DELETE SET NULL,
                    channel TEXT NOT NULL,
                    dedupe_key TEXT NOT NULL,
                    content_hash TEXT NOT NULL,
                    source_id TEXT,
                    source_url TEXT,
                    title TEXT,
                    text_rich TEXT,
                    text_plain TEXT,
                    published_at INTEGER,
                    author_name TEXT,
                    author_username TEXT,
                    author_profile_url TEXT,
                    author_image_url TEXT,
                    tags TEXT NOT NULL,
                    images TEXT NOT NULL,
                    videos TEXT NOT NULL,
                    attachments TEXT NOT NULL,
                    cta_link TEXT,
                    state TEXT NOT NULL CHECK (state IN ('published', 'hidden', 'inbox')),
                    pinned_index INTEGER,
                    pinned INTEGER NOT NULL DEFAULT 0,
                    order_key INTEGER NOT NULL,
                    created_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL,
                    UNIQUE (section_id, channel, dedupe_key)
                );
                CREATE INDEX posts_page ON posts (site_id, state, pinned DESC, order_key DESC, id DESC);
                CREATE TABLE post_tags (
                    post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
                    site_id INTEGER NOT NULL,
                    tag TEXT NOT NULL,
                    PRIMARY KEY (post_id, tag)
                ) WITHOUT ROWID;
                CREATE INDEX post_tags_site_tag ON post_tags (site_id, tag, post_id);
                """)
        }
        migrator.registerMigration("v2: moderation decisions, history, rules") { db in
            try db.execute(sql: """
                ALTER TABLE posts ADD COLUMN decided_by TEXT NOT NULL DEFAULT 'auto';
                ALTER TABLE posts ADD COLUMN score REAL;
                ALTER TABLE posts ADD COLUMN reasons TEXT NOT NULL DEFAULT '';
                ALTER TABLE posts ADD COLUMN decided_at INTEGER;
                ALTER TABLE posts ADD COLUMN simhash INTEGER;
                CREATE INDEX posts_recent ON posts (site_id, created_at DESC);
                CREATE TABLE post_history (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
                    site_id INTEGER NOT NULL,
                    at INTEGER NOT NULL,
                    actor TEXT NOT NULL,
                    key_id INTEGER,
                    action TEXT NOT NULL,
                    from_state TEXT,
                    to_state TEXT,
                    detail TEXT
                );
                CREATE INDEX post_history_post ON post_history (post_id, id);
                CREATE INDEX post_history_log ON post_history (site_id, actor, id DESC);
                CREATE TABLE moderation_rules (
                    site_id INTEGER PRIMARY KEY REFERENCES sites(id) ON DELETE CASCADE,
                    rules TEXT NOT NULL,
                    updated_at INTEGER NOT NULL
                );
                """)
        }
        migrator.registerMigration("v3: platform connections, explicit post types") { db in
            try db.execute(sql: """
                ALTER TABLE posts ADD COLUMN post_type TEXT;
                CREATE INDEX posts_feed_recent ON posts (feed_id, id DESC);
                CREATE TABLE connections (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    uuid TEXT NOT NULL UNIQUE,
                    site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
                    service TEXT NOT NULL,
                    name TEXT,
                    credentials TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL
                );
                CREATE INDEX connections_site ON connections (site_id, service, id);
                """)
        }
        migrator.registerMigration("v4: post_tags with its key columns first") { db in
            // SQLite 3.40's integrity_check (Debian 12's libsqlite3) misreads a WITHOUT ROWID
            // table whose primary key columns are not declared first, and reports "NULL value
            // in post_tags.site_id" for rows that hold none. Rebuilding the table with the key
            // columns first makes the check clean; databases made by v1 carry the old layout.
            try db.execute(sql: """
                CREATE TABLE post_tags_rebuilt (
                    post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
                    tag TEXT NOT NULL,
                    site_id INTEGER NOT NULL,
                    PRIMARY KEY (post_id, tag)
                ) WITHOUT ROWID;
                INSERT INTO post_tags_rebuilt (post_id, tag, site_id) SELECT post_id, tag, site_id FROM post_tags;
                DROP TABLE post_tags;
                ALTER TABLE post_tags_rebuilt RENAME TO post_tags;
                CREATE INDEX post_tags_site_tag ON post_tags (site_id, tag, post_id);
                """)
        }
        migrator.registerMigration("v5: the polling sequence of shown posts") { db in
            // `shown_seq` numbers, per site, each moment a post starts being shown: published
            // (first or again) or pinned. A `newer` link carries the site's highest number when
            // its page was read, so polling sees every post shown since, pinned or not, however
            // old its publishedAt (SPEC §3.3). Triggers keep it true for every write path.
            try db.execute(sql: """
                ALTER TABLE posts ADD COLUMN shown_seq INTEGER NOT NULL DEFAULT 0;
                UPDATE posts SET shown_seq = id WHERE state = 'published';
                CREATE INDEX posts_shown ON posts (site_id, shown_seq);
                CREATE TRIGGER posts_shown_insert AFTER INSERT ON posts WHEN NEW.state = 'published'
                BEGIN
                    UPDATE posts SET shown_seq = (SELECT COALESCE(MAX(shown_seq), 0) + 1 FROM posts WHERE site_id = NEW.site_id)
                    WHERE id = NEW.id;
                END;
                CREATE TRIGGER posts_shown_update AFTER UPDATE OF state, pinned ON posts
                WHEN NEW.state = 'published' AND (OLD.state IS NOT 'published' OR (OLD.pinned = 0 AND NEW.pinned = 1))
                BEGIN
                    UPDATE posts SET shown_seq = (SELECT COALESCE(MAX(shown_seq), 0) + 1 FROM posts WHERE site_id = NEW.site_id)
                    WHERE id = NEW.id;
                END;
                """)
        }
        migrator.registerMigration("v6: embeds and embed stats") { db in
            // An embed is a saved view (SPEC §3.9) with a read key of its own: the key's secret is
            // kept sealed beside it so the embed's pages can hand it to browsers; the key row goes
            // with the embed. Stats are daily counters, per embed (post_id 0) and per post; no
            // visitor address or cookie is ever stored (issue 11).
            try db.execute(sql: """
                CREATE TABLE embeds (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    uuid TEXT NOT NULL UNIQUE,
                    site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
                    settings TEXT NOT NULL,
                    read_key_id INTEGER REFERENCES api_keys(id) ON DELETE SET NULL,
                    read_key TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL
                );
                CREATE INDEX embeds_site ON embeds (site_id, id);
                CREATE TABLE embed_stats (
                    embed_id INTEGER NOT NULL REFERENCES embeds(id) ON DELETE CASCADE,
                    day TEXT NOT NULL,
                    post_id INTEGER NOT NULL DEFAULT 0,
                    views INTEGER NOT NULL DEFAULT 0,
                    clicks INTEGER NOT NULL DEFAULT 0,
                    PRIMARY KEY (embed_id, day, post_id)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v7: api key names and idempotency keys") { db in
            // Keys get names and a last-used time (SPEC §3.7); a deleted key keeps its row
            // (without a way to authenticate) so that the moderation log can still name it.
            // Idempotency keys are per site; a row is `running` until its response is kept.
            try db.execute(sql: """
                ALTER TABLE api_keys ADD COLUMN name TEXT NOT NULL DEFAULT '';
                ALTER TABLE api_keys ADD COLUMN last_used_at INTEGER;
                ALTER TABLE api_keys ADD COLUMN deleted_at INTEGER;
                UPDATE api_keys SET name = scope || ' key ' || id;
                CREATE INDEX api_keys_site ON api_keys (site_id, id);
                CREATE TABLE idempotency_keys (
                    site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
                    key TEXT NOT NULL,
                    fingerprint TEXT NOT NULL,
                    api_key_id INTEGER NOT NULL,
                    token TEXT NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('running', 'done')),
                    status INTEGER,
                    headers TEXT,
                    body BLOB,
                    created_at INTEGER NOT NULL,
                    expires_at INTEGER NOT NULL,
                    PRIMARY KEY (site_id, key)
                );
                CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);
                """)
        }
        migrator.registerMigration("v8: source checks and connection expiry") { db in
            // Issue 12. `connections.expires_at`: when the connection's token ends, where knowable
            // (null when not). `connection_expiry_notices`: each `connection.expiring`/`expired`
            // threshold sent once per connection and expiry, so a restart does not send it again.
            // `source_checks`: when each platform feed's recent posts were last re-checked.
            try db.execute(sql: """
                ALTER TABLE connections ADD COLUMN expires_at INTEGER;
                CREATE INDEX connections_expiry ON connections (expires_at) WHERE expires_at IS NOT NULL;
                CREATE TABLE connection_expiry_notices (
                    connection_id INTEGER NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
                    expires_at INTEGER NOT NULL,
                    threshold TEXT NOT NULL,
                    sent_at INTEGER NOT NULL,
                    PRIMARY KEY (connection_id, expires_at, threshold)
                ) WITHOUT ROWID;
                CREATE TABLE source_checks (
                    feed_id INTEGER PRIMARY KEY REFERENCES feeds(id) ON DELETE CASCADE,
                    checked_at INTEGER NOT NULL
                );
                """)
        }
        migrator.registerMigration("v9: change feed and webhooks") { db in
            try db.execute(sql: EventsSchema.sql)
        }
        return migrator
    }
}
