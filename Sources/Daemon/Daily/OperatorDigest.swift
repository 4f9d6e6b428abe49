import Requests

/// The operators' daily digest: open requests counted by state, and those
/// overdue or due within a week. It names references, states, kinds and
/// dates only — never an address or a name — since it travels by mail.
public struct OperatorDigest: Sendable, Equatable {
    /// One open request with its deadline in force (the extended one when set).
    public struct Entry: Sendable, Equatable {
        public var reference: String
        public var state: String
        public var kinds: [String]
        public var dueOn: Day
        public var extended: Bool

        public init(reference: String, state: String, kinds: [String], dueOn: Day, extended: Bool) {
            self.reference = reference
            self.state = state
            self.kinds = kinds
            self.dueOn = dueOn
            self.extended = extended
        }
    }

    /// Days ahead that count as "due soon" (today included).
    public static let window = 7
    /// Lines per list at most; the rest is counted.
    public static let listLimit = 100

    public var day: Day
    /// Open requests per state (`received`, …); missing states count 0.
    public var openByState: [String: Int]
    /// Open requests due by `day + window` (overdue ones included), and
    /// every request waiting for a person, in any order.
    public var entries: [Entry]

    public init(day: Day, openByState: [String: Int], entries: [Entry]) {
        self.day = day
        self.openByState = openByState
        self.entries = entries.sorted { ($0.dueOn, $0.reference) < ($1.dueOn, $1.reference) }
    }

    public var openCount: Int { openByState.values.reduce(0, +) }
    public var lastDayOfWindow: Day { day.adding(days: Self.window) }
    public var overdue: [Entry] { entries.filter { $0.dueOn < day } }
    public var dueSoon: [Entry] { entries.filter { $0.dueOn >= day && $0.dueOn <= lastDayOfWindow } }
    /// Every open request waiting for a person, whatever its deadline.
    public var waitingForAPerson: [Entry] { entries.filter { $0.state == RequestState.needsReview.rawValue } }

    public var subject: String {
        "Privacy requests \(day): \(openCount) open, \(dueSoon.count) due within \(Self.window) days, "
            + "\(overdue.count) overdue"
    }

    public var body: String {
        var lines = ["Privacy requests on \(day) (Europe/Oslo)", "", "Open: \(openCount)"]
        let states = RequestState.allCases.filter(\.isOpen).map(\.rawValue)
        let width = states.map(\.count).max() ?? 0
        for state in states {
            lines.append("  " + state.padding(toLength: width, withPad: " ", startingAt: 0) + "  \(openByState[state] ?? 0)")
        }
        lines += [""] + section("Waiting for a person (needs_review)", waitingForAPerson)
        lines += [""] + section("Overdue (due before \(day))", overdue)
        lines += [""] + section("Due within \(Self.window) days (\(day) to \(lastDayOfWindow))", dueSoon)
        lines += ["", "References, states, kinds and due dates only; for a request's details:",
                  "  dsrd requests show REFERENCE"]
        return lines.joined(separator: "\n") + "\n"
    }

    private func section(_ title: String, _ entries: [Entry]) -> [String] {
        var lines = ["\(title): \(entries.count)"]
        if entries.isEmpty { lines.append("  (none)") }
        let shown = entries.prefix(Self.listLimit)
        let referenceWidth = shown.map(\.reference.count).max() ?? 0
        let stateWidth = shown.map(\.state.count).max() ?? 0
        for entry in shown {
            let kinds = entry.kinds.isEmpty ? "-" : entry.kinds.joined(separator: ",")
            lines.append("  \(entry.dueOn)  " + entry.reference.padding(toLength: referenceWidth, withPad: " ", startingAt: 0)
                         + "  " + entry.state.padding(toLength: stateWidth, withPad: " ", startingAt: 0)
                         + "  " + kinds + (entry.extended ? "  (extended)" : ""))
        }
        if entries.count > shown.count {
            lines.append("  … and \(entries.count - shown.count) more (dsrd requests list)")
        }
        return lines
    }
}
