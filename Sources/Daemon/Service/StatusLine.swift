/// The outcome of one stage in one round.
public struct StageResult: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        case done(StageReport)
        /// The stage threw; the text is log-safe (codes only).
        case failed(String)
    }

    public var stage: String
    public var outcome: Outcome

    public init(stage: String, outcome: Outcome) {
        self.stage = stage
        self.outcome = outcome
    }

    public var succeeded: Bool {
        if case .done = outcome { return true }
        return false
    }
}

/// The one-line summary of a round, for systemd's STATUS= (shown by
/// `systemctl status`): `round 12: open=4 review=1 overdue=0; delivery 3
/// sent, 0 deferred, 0 failed`. The counts come first so a narrow terminal
/// still shows them; without them (the database unreadable) they are left out.
public enum StatusLine {
    public static func format(round: Int, results: [StageResult], figures: StatusFigures? = nil) -> String {
        let parts = results.map { result -> String in
            switch result.outcome {
            case .done(let report):
                let summary = report.summary.isEmpty
                    ? "\(report.handled) done, \(report.deferred) deferred, \(report.failed) failed"
                    : report.summary
                return "\(result.stage) \(summary)"
            case .failed:
                return "\(result.stage) unavailable"
            }
        }
        let body = parts.isEmpty ? "no stages" : parts.joined(separator: "; ")
        guard let figures else { return "round \(round): \(body)" }
        return "round \(round): \(figures.text); \(body)"
    }
}
