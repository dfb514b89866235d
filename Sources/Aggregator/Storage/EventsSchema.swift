/// The tables and triggers of the change feed and the webhook outbox (SPEC §3.8).
///
/// Triggers on `posts` record every change to what the posts endpoint shows in the same
/// transaction as the change, whichever code path makes it (ingest, operator actions, rule
/// re-evaluation, feed deletion, source checks); a trigger on `changes` and one on `feeds`
/// put a delivery in the outbox for every active webhook subscribed to the event, in that same
/// transaction, so nothing is lost to a crash between the change and its announcement.
/// Times written by triggers come from SQLite's clock (milliseconds since 1970); deliveries
/// they queue are due at once (`next_attempt_at` 0).
enum EventsSchema {
    /// Milliseconds since 1970 in SQL.
    private static let nowMillis = "CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER)"

    /// An insert into `changes` for the row `row` (NEW or OLD) of type `type` (SQL expression).
    private static func change(_ type: String, _ row: String) -> String {
        "INSERT INTO changes (site_id, type, post_id, at) VALUES (\(row).site_id, \(type), \(row).id, \(nowMillis));"
    }

    static let sql = """
        CREATE TABLE changes (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
            type TEXT NOT NULL,
            post_id INTEGER NOT NULL,
            at INTEGER NOT NULL
        );
        CREATE INDEX changes_site ON changes (site_id, id);
        CREATE TABLE change_retention (
            site_id INTEGER PRIMARY KEY REFERENCES sites(id) ON DELETE CASCADE,
            pruned_through INTEGER NOT NULL
        );
        CREATE TRIGGER changes_post_insert AFTER INSERT ON posts WHEN NEW.state = 'published'
        BEGIN \(change("'post.published'", "NEW")) END;
        CREATE TRIGGER changes_post_delete AFTER DELETE ON posts WHEN OLD.state = 'published'
        BEGIN \(change("'post.unpublished'", "OLD")) END;
        CREATE TRIGGER changes_post_state AFTER UPDATE OF state ON posts
        WHEN OLD.state IS NOT NEW.state AND (OLD.state = 'published' OR NEW.state = 'published')
        BEGIN \(change("CASE WHEN NEW.state = 'published' THEN 'post.published' ELSE 'post.unpublished' END", "NEW")) END;
        CREATE TRIGGER changes_post_pin AFTER UPDATE OF pinned, pinned_index ON posts
        WHEN OLD.state = 'published' AND NEW.state = 'published'
            AND (OLD.pinned IS NOT NEW.pinned OR OLD.pinned_index IS NOT NEW.pinned_index)
        BEGIN \(change("CASE WHEN NEW.pinned = 1 THEN 'post.pinned' ELSE 'post.unpinned' END", "NEW")) END;
        CREATE TRIGGER changes_post_content AFTER UPDATE OF content_hash, tags ON posts
        WHEN OLD.state = 'published' AND NEW.state = 'published'
            AND (OLD.content_hash IS NOT NEW.content_hash OR OLD.tags IS NOT NEW.tags)
        BEGIN \(change("'post.updated'", "NEW")) END;

        CREATE TABLE webhooks (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            uuid TEXT NOT NULL UNIQUE,
            site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
            url TEXT NOT NULL,
            description TEXT,
            events TEXT NOT NULL,
            active INTEGER NOT NULL DEFAULT 1,
            secret TEXT NOT NULL,
            disabled_reason TEXT,
            failing_since INTEGER,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE INDEX webhooks_site ON webhooks (site_id, active);
        CREATE TABLE webhook_outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
            webhook_id INTEGER NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
            message_id TEXT NOT NULL,
            type TEXT NOT NULL,
            change_id INTEGER,
            payload TEXT,
            state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed')),
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER NOT NULL,
            locked_until INTEGER,
            created_at INTEGER NOT NULL
        );
        CREATE INDEX webhook_outbox_queue ON webhook_outbox (webhook_id, state, id);
        CREATE INDEX webhook_outbox_due ON webhook_outbox (state, next_attempt_at);
        CREATE TABLE webhook_attempts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            delivery_id INTEGER NOT NULL REFERENCES webhook_outbox(id) ON DELETE CASCADE,
            webhook_id INTEGER NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
            site_id INTEGER NOT NULL,
            at INTEGER NOT NULL,
            succeeded INTEGER NOT NULL,
            response_status INTEGER,
            latency_ms INTEGER NOT NULL,
            response_excerpt TEXT,
            error TEXT
        );
        CREATE INDEX webhook_attempts_webhook ON webhook_attempts (webhook_id, id DESC);
        CREATE TRIGGER webhook_outbox_change AFTER INSERT ON changes
        BEGIN
            INSERT INTO webhook_outbox (site_id, webhook_id, message_id, type, change_id, next_attempt_at, created_at)
            SELECT NEW.site_id, w.id, 'msg_chg_' || NEW.id, NEW.type, NEW.id, 0, NEW.at FROM webhooks w
            WHERE w.site_id = NEW.site_id AND w.active = 1
                AND EXISTS (SELECT 1 FROM json_each(w.events) e WHERE e.value = NEW.type);
        END;
        CREATE TRIGGER webhook_outbox_feed_health AFTER UPDATE OF is_healthy ON feeds
        WHEN OLD.is_healthy IS NOT NEW.is_healthy
        BEGIN
            INSERT INTO webhook_outbox (site_id, webhook_id, message_id, type, payload, next_attempt_at, created_at)
            SELECT NEW.site_id, w.id, 'msg_' || lower(hex(randomblob(12))), 'feed.health_changed',
                json_object('feed', json_object('id', NEW.id, 'uuid', NEW.uuid, 'name', COALESCE(NEW.name, ''),
                    'service', NEW.service,
                    'status', json_object('is_healthy', json(CASE WHEN NEW.is_healthy THEN 'true' ELSE 'false' END),
                                          'error_message', COALESCE(NEW.error_message, '')))),
                0, \(nowMillis)
            FROM webhooks w
            WHERE w.site_id = NEW.site_id AND w.active = 1
                AND EXISTS (SELECT 1 FROM json_each(w.events) e WHERE e.value = 'feed.health_changed');
        END;
        """
}
