import Foundation

/// A platform that can say that stored posts are gone (issue 12, SPEC §3.8: deleted at the
/// source): X answers "Not Found Error" for a deleted id, Meta's Graph error 100/33 "Object
/// with ID does not exist", and Bluesky's `getPosts` leaves a deleted post out.
public protocol SourceChecking: PlatformAdapter {
    /// Most source ids one call of `deletedSourceIds` is given (one request on X and Bluesky,
    /// one request per id on Meta).
    var sourceCheckBatchSize: Int { get }

    /// The ids among `sourceIds` that the platform says no longer exist. Only a definite "gone"
    /// counts: an id the platform is silent or unsure about is not returned, and a transient
    /// failure (5xx, 429, a timeout) throws, so that nothing is unpublished on a bad day.
    func deletedSourceIds(_ sourceIds: [String], feed: PlatformFeed, client: PlatformClient) async throws(PlatformError) -> Set<String>
}
