import Foundation
import LogSafety

/// What the runner runs: the stages in order, how often, and who is told
/// after each round. A reload builds a new plan from the re-read configuration.
public struct ServicePlan: Sendable {
    public var stages: [any PipelineStage]
    public var pollInterval: TimeInterval
    public var observer: (any RoundObserver)?
    /// The stages of a round run side by side rather than one after the
    /// other (`ServiceRunner`), so that fetching, carrying out and sending
    /// overlap; each stage then needs a database connection of its own.
    /// `--once` keeps the order whatever this says.
    public var concurrentStages: Bool

    public init(stages: [any PipelineStage], pollInterval: TimeInterval, observer: (any RoundObserver)? = nil,
                concurrentStages: Bool = false) {
        self.stages = stages
        self.pollInterval = max(pollInterval, 0.1)
        self.observer = observer
        self.concurrentStages = concurrentStages
    }
}

/// Why a reload was refused: the new configuration has problems. It names
/// how many and where (key paths), never values.
public struct ReloadRefused: LogSafeError, Sendable {
    public var problemCount: Int
    public var keyPaths: [String]

    public init(problemCount: Int, keyPaths: [String]) {
        self.problemCount = problemCount
        self.keyPaths = keyPaths
    }

    public var description: String {
        "\(problemCount) configuration problem(s) at " + keyPaths.joined(separator: ",")
    }
}
