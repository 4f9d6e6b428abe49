/// One stage of the pipeline (intake, delivery, …): it does one round of
/// work when asked, reading rows in one state and writing the next inside
/// PostgreSQL transactions, so a crash anywhere re-runs a round safely.
public protocol PipelineStage: Sendable {
    /// A short constant name for logs and status lines (`intake`, `delivery`).
    var name: String { get }

    /// Does the work that is ready now and reports what it did. Throws when
    /// a service it needs (IMAP, SMTP, PostgreSQL) cannot be reached; the
    /// runner retries with backoff.
    func runOnce() async throws -> StageReport

    /// The same, calling `progress` after each unit of work (a message
    /// recorded, a request carried out, a reply sent). The runner pings
    /// systemd's watchdog from it, so a long round that keeps moving is not
    /// taken for a hung one, while a round stuck in one network call still
    /// is. Stages whose units are few and short need not implement it.
    func runOnce(progress: StageProgress) async throws -> StageReport
}

/// Called by a stage after each unit of work; cheap, never throws.
public typealias StageProgress = @Sendable () -> Void

extension PipelineStage {
    public func runOnce(progress: StageProgress) async throws -> StageReport {
        try await runOnce()
    }
}

/// What one round of a stage did, for logs and the systemd STATUS line.
public struct StageReport: Sendable, Equatable {
    /// Units of work done (messages recorded, replies sent, …).
    public var handled: Int
    /// Units that failed and will be tried again later.
    public var deferred: Int
    /// Units that failed for good (and went to review).
    public var failed: Int
    /// A one-line summary without personal data (`3 recorded, 1 duplicate`).
    public var summary: String
    /// The stage stopped at its batch limit with work still waiting: the
    /// runner starts the next round at once instead of after the poll
    /// interval, so a backlog drains at full speed.
    public var moreWaiting: Bool

    public init(handled: Int = 0, deferred: Int = 0, failed: Int = 0, summary: String = "", moreWaiting: Bool = false) {
        self.handled = handled
        self.deferred = deferred
        self.failed = failed
        self.summary = summary
        self.moreWaiting = moreWaiting
    }
}
