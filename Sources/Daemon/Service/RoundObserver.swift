import Foundation

/// How a round ended, for whoever watches the service.
public struct RoundEnd: Sendable {
    public var round: Int
    public var results: [StageResult]
    public var finishedAt: Date

    public init(round: Int, results: [StageResult], finishedAt: Date) {
        self.round = round
        self.results = results
        self.finishedAt = finishedAt
    }

    /// Every stage did its round (a round cut short by a stop did not).
    public var succeeded: Bool { !results.isEmpty && results.allSatisfy(\.succeeded) }
}

/// The request counts the STATUS line carries: `open=N review=N overdue=N`.
public struct StatusFigures: Sendable, Equatable {
    public var open: Int
    public var review: Int
    public var overdue: Int

    public init(open: Int, review: Int, overdue: Int) {
        self.open = open
        self.review = review
        self.overdue = overdue
    }

    public var text: String { "open=\(open) review=\(review) overdue=\(overdue)" }
}

/// Told by the runner after each round (the metrics file, the heartbeat
/// `dsrd status` reads); returns the figures for the STATUS line, or nil
/// when it could not read them. It must not throw: watching never stops
/// the pipeline.
public protocol RoundObserver: Sendable {
    func roundEnded(_ end: RoundEnd) async -> StatusFigures?
}
