import Foundation
import Records
import Requests

/// What `dsrd requests export` hands an inspector (Datatilsynet) for a
/// period: one line per request and a summary. Pure: the requests as read
/// (`RequestExportView`) and today in, lines and figures out. Days are
/// Europe/Oslo days, as the deadlines are; no addresses.
public enum InspectionExport {
    /// One request.
    public struct Line: Sendable, Equatable {
        public var reference: String
        public var receivedAt: Date
        /// The first due day.
        public var dueOn: Day
        /// The extended due day, when the deadline was extended.
        public var extendedTo: Day?
        /// When it was closed; nil while open.
        public var closedAt: Date?
        /// `completed`, `rejected` or `ignored` (machine mail, never a
        /// request), or `open (STATE)`.
        public var outcome: String
        public var kinds: [String]
        /// The operator's login who decided it (closed it by hand, rejected
        /// or approved it), `dsrd` when dsrd did it alone; empty while open
        /// and undecided.
        public var decidedBy: String
        /// Days from the day of receipt to the day it was closed.
        public var daysToClose: Int?
        /// Closed on or before the deadline in force; nil while open.
        public var inTime: Bool?
        /// Open past its deadline.
        public var overdue: Bool
    }

    /// The figures of the summary line.
    public struct Summary: Sendable, Equatable {
        public var requests = 0
        /// Completed or rejected (ignored machine mail is not an answer).
        public var answered = 0
        public var answeredInTime = 0
        public var open = 0
        public var overdue = 0
        public var ignored = 0
        /// The median of `daysToClose` over the answered requests.
        public var medianDaysToClose: Double?

        public init(requests: Int = 0, answered: Int = 0, answeredInTime: Int = 0, open: Int = 0, overdue: Int = 0,
                    ignored: Int = 0, medianDaysToClose: Double? = nil) {
            self.requests = requests
            self.answered = answered
            self.answeredInTime = answeredInTime
            self.open = open
            self.overdue = overdue
            self.ignored = ignored
            self.medianDaysToClose = medianDaysToClose
        }
    }

    public static func lines(_ requests: [ExportedRequest], today: Day) -> [Line] {
        requests.map { line($0, today: today) }
    }

    static func line(_ request: ExportedRequest, today: Day) -> Line {
        let deadline = request.extendedDueOn ?? request.dueOn
        let received = Day(request.receivedAt)
        let closedDay = request.closedAt.map { Day($0) }
        let operatorLogin = request.closedBy.flatMap { actor in
            actor.hasPrefix("operator:") ? String(actor.dropFirst("operator:".count)) : nil
        }
        let decidedBy = operatorLogin ?? request.approvedBy ?? (request.state.isOpen ? "" : "dsrd")
        return Line(
            reference: request.reference, receivedAt: request.receivedAt, dueOn: request.dueOn,
            extendedTo: request.extendedDueOn, closedAt: request.closedAt,
            outcome: request.state.isOpen ? "open (\(request.state.rawValue))" : request.state.rawValue,
            kinds: request.kinds, decidedBy: decidedBy,
            daysToClose: closedDay.map { $0.daysSinceEpoch - received.daysSinceEpoch },
            inTime: request.state.isOpen ? nil : closedDay.map { $0 <= deadline },
            overdue: request.state.isOpen && today > deadline)
    }

    public static func summary(_ lines: [Line]) -> Summary {
        var summary = Summary()
        var days: [Int] = []
        for line in lines {
            summary.requests += 1
            switch line.outcome {
            case RequestState.ignored.rawValue:
                summary.ignored += 1
            case RequestState.completed.rawValue, RequestState.rejected.rawValue:
                summary.answered += 1
                if line.inTime == true { summary.answeredInTime += 1 }
                if let count = line.daysToClose { days.append(count) }
            default:
                summary.open += 1
                if line.overdue { summary.overdue += 1 }
            }
        }
        summary.medianDaysToClose = median(days)
        return summary
    }

    static func median(_ values: [Int]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The summary as one line for standard error.
    public static func text(_ summary: Summary) -> String {
        let median = summary.medianDaysToClose.map { value in
            value.rounded() == value ? String(Int(value)) : String(format: "%.1f", value)
        } ?? "-"
        return "\(summary.requests) requests, \(summary.answeredInTime) answered in time "
            + "(\(summary.answered) answered, \(summary.answered - summary.answeredInTime) late), "
            + "\(summary.open) open (\(summary.overdue) overdue), \(summary.ignored) machine mail; "
            + "median \(median) days to answer"
    }
}
