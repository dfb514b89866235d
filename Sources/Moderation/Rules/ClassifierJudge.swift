import FeedFetchers
import Synchronization

/// Asks the classifier rules of a rule set about a post, each bounded by its own timeout,
/// whatever the classifier does (issue 15): an answer that never comes is a failed verdict
/// once the time is up, and the caller goes on. The rest of the rules are decided
/// synchronously; this runs afterwards, off the ingest path.
public enum ClassifierJudge {
    /// The verdict of every classifier rule of `ruleSet` for `post`, asked concurrently.
    public static func judge(_ post: Post, ruleSet: RuleSet, classifier: any PostClassifier) async -> [String: ClassifierVerdict] {
        let request = ClassifierRequest(post: post)
        return await withTaskGroup(of: (String, ClassifierVerdict).self) { group in
            for rule in ruleSet.classifierRules {
                guard case .classifier(let settings) = rule.kind else { continue }
                group.addTask { (rule.id, await bounded(request, settings: settings, classifier: classifier)) }
            }
            var verdicts: [String: ClassifierVerdict] = [:]
            for await (id, verdict) in group { verdicts[id] = verdict }
            return verdicts
        }
    }

    /// The classifier's verdict, or a failed one after `settings.timeoutMs`, whichever comes
    /// first. The call runs in its own task, so one that ignores cancellation cannot hold the
    /// caller; it is cancelled when the time is up.
    static func bounded(_ request: ClassifierRequest, settings: ClassifierSettings, classifier: any PostClassifier) async -> ClassifierVerdict {
        let slot = VerdictSlot()
        let timeout = settings.timeoutMs
        return await withCheckedContinuation { (continuation: CheckedContinuation<ClassifierVerdict, Never>) in
            slot.arm(continuation)
            let call = Task { slot.finish(await classifier.classify(request, settings: settings)) }
            Task {
                try? await Task.sleep(for: .milliseconds(timeout))
                if slot.finish(.failed("no answer within \(timeout) ms")) { call.cancel() }
            }
        }
    }
}

/// Where the first of an answer and a timeout resumes the waiting caller; the second is dropped.
final class VerdictSlot: Sendable {
    private let continuation = Mutex<CheckedContinuation<ClassifierVerdict, Never>?>(nil)

    /// Sets the continuation to resume.
    func arm(_ continuation: CheckedContinuation<ClassifierVerdict, Never>) {
        self.continuation.withLock { $0 = continuation }
    }

    /// Resumes the caller with `verdict` unless it was resumed already; true if this did.
    @discardableResult
    func finish(_ verdict: ClassifierVerdict) -> Bool {
        let waiting = continuation.withLock { slot -> CheckedContinuation<ClassifierVerdict, Never>? in
            defer { slot = nil }
            return slot
        }
        waiting?.resume(returning: verdict)
        return waiting != nil
    }
}
