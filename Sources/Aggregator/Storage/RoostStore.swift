import FeedFetchers
import Foundation
import Moderation

/// Everything Roost keeps, behind one small protocol so that a PostgreSQL store can stand
/// beside the SQLite one without touching the API (DESIGN.md). Every method is synchronous
/// and thread-safe; callers on an event loop hop to a thread pool first.
public protocol RoostStore: EventStore, APIKeyStore, IdempotencyStore, EmbedStore {
    // MARK: sites and keys
    /// Creates a site and its first admin key; returns the key's secret, which is never stored.
    func createSite(name: String, now: Date) throws -> (site: Site, adminKey: String)
    /// Creates another key for a site; returns its secret.
    func createKey(siteId: Int64, scope: KeyScope, now: Date) throws -> String
    /// The key with this secret, or nil.
    func authenticate(secret: String) throws -> AuthenticatedKey?
    /// The site with this UUID, or nil.
    func site(uuid: String) throws -> Site?
    /// How many sites there are.
    func siteCount() throws -> Int

    // MARK: sections
    func sections(siteId: Int64) throws -> [Section]
    /// The section with this id or UUID, within the site.
    func section(siteId: Int64, idOrUUID: String) throws -> Section?
    /// The section with this name, created when the site has none.
    func section(siteId: Int64, named name: String, now: Date) throws -> Section

    // MARK: feeds
    func feeds(siteId: Int64, order: SortOrder, services: [FeedService]) throws -> [Feed]
    func feed(siteId: Int64, idOrUUID: String) throws -> Feed?
    func createFeed(_ feed: NewFeed, now: Date) throws -> Feed
    func updateFeed(id: Int64, _ changes: FeedChanges, now: Date) throws -> Feed?
    func deleteFeed(id: Int64) throws -> Bool
    /// Enabled feeds whose next fetch is due at `now`, soonest first.
    func dueFeeds(now: Date, limit: Int) throws -> [Feed]
    /// Points a feed at the address its server moved it to, keeping its fetch state.
    func moveFeed(id: Int64, attributes: [String: FeedAttribute], now: Date) throws
    /// Makes enabled feeds due now (an operator's "fetch now"): one feed, a site's, or every
    /// feed when both are nil. Returns how many.
    func requestFetch(feedId: Int64?, siteId: Int64?, now: Date) throws -> Int
    /// Records a fetch's outcome for a feed.
    func saveFetchOutcome(feedId: Int64, health: FeedHealth, fetchState: FeedFetchState, now: Date) throws

    // MARK: connections (SPEC §3.6)
    /// Stores a site's credentials for one platform account.
    func createConnection(_ connection: NewConnection, now: Date) throws -> Connection
    /// A site's connections, oldest first.
    func connections(siteId: Int64) throws -> [Connection]
    /// One connection of a site by id or uuid.
    func connection(siteId: Int64, idOrUUID: String) throws -> Connection?
    /// The connection a feed fetches with: the one its `connection_id` names, else the
    /// site's newest connection of the feed's service.
    func connection(for feed: Feed) throws -> Connection?
    /// Deletes a connection; false when there was none.
    func deleteConnection(id: Int64) throws -> Bool
    /// Merges changed credential fields (a refreshed token) into a connection.
    func updateCredentials(connectionId: Int64, merging changes: [String: String], now: Date) throws
    /// Source ids of a feed's most recently stored posts (platform polling stops at one).
    func sourceIds(feedId: Int64, limit: Int) throws -> Set<String>

    // MARK: posts
    /// Stores fetched posts of a feed: a post seen before (same section, channel and source
    /// id, or link, or content) is updated in place; a new one gets `decide(post)`.
    @discardableResult
    func upsertPosts(_ posts: [Post], feed: Feed, now: Date, decide: (Post) -> Decision) throws -> UpsertSummary
    /// One page of posts.
    func posts(_ query: PostQuery) throws -> PostPage
    /// One post of a site in any state.
    func post(siteId: Int64, flocklerId: Int64) throws -> StoredPost?
    // MARK: moderation
    /// The site's rule set (empty when none was saved).
    func ruleSet(siteId: Int64) throws -> RuleSet
    /// Replaces the site's rule set.
    func saveRuleSet(siteId: Int64, _ ruleSet: RuleSet, keyId: Int64?, now: Date) throws
    /// Applies an operator action to posts of a site, all or none (`ModerationStoreError.notFound`).
    func apply(_ action: OperatorAction, to flocklerIds: [Int64], siteId: Int64, keyId: Int64, now: Date) throws -> [StoredPost]
    /// A post's history, oldest first.
    func history(siteId: Int64, flocklerId: Int64) throws -> [HistoryEntry]
    /// Operator actions on a site's posts, newest first.
    func auditLog(siteId: Int64, limit: Int, beforeId: Int64?) throws -> [HistoryEntry]
    /// Ids and texts (title and plain text) of the site's most recent posts, oldest first, for
    /// near-duplicate checks: of all its posts (nil), or of those stored before the post `flocklerId`.
    func recentTexts(siteId: Int64, before flocklerId: Int64?, limit: Int) throws -> [(id: Int64, text: String)]
    /// Inbox posts of any site waiting for a classifier's answer (issue 15), oldest first.
    func awaitingClassifier(limit: Int) throws -> [StoredPost]
    /// The site's most recent posts in any state, newest first (rule previews).
    func recentPosts(siteId: Int64, limit: Int) throws -> [StoredPost]
    /// The inbox posts no operator decided, oldest first: what re-evaluation decides again.
    func reevaluationCandidates(siteId: Int64) throws -> [StoredPost]
    /// Stores new decisions for posts read by `reevaluationCandidates`, in one transaction;
    /// a post an operator decided in the meantime keeps that decision. Returns how many
    /// changed state.
    func applyReevaluation(siteId: Int64, _ decisions: [(post: StoredPost, decision: Decision)], now: Date) throws -> Int

    /// A number that changes whenever anything a site's post listings show changes.
    func changeCounter(siteId: Int64) -> UInt64
}
