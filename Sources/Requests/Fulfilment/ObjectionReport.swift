/// What an objection (GDPR Art. 21) changed.
public struct ObjectionReport: Sendable, Equatable {
    public enum Purpose: String, Sendable, Equatable, CaseIterable {
        case sharing
        case marketing

        /// What we stopped doing, as the `object_completed` reply words it.
        public func text(_ language: ReplyLanguage) -> String {
            switch (self, language) {
            case (.sharing, .en): return "sharing your name and organisation with our event partners"
            case (.sharing, .nb): return "deling av navn og organisasjon med våre arrangementspartnere"
            case (.marketing, .en): return "sending you marketing and newsletters"
            case (.marketing, .nb): return "utsending av markedsføring og nyhetsbrev til deg"
            }
        }
    }

    public enum State: String, Sendable, Equatable {
        /// The column was changed now.
        case changed
        /// The column already said so; nothing to change.
        case alreadyInEffect
        /// The subject was not found or the map has no column for it; for
        /// marketing the suppression list still holds the objection.
        case notRecorded
    }

    public struct Change: Sendable, Equatable {
        public var purpose: Purpose
        public var state: State

        public init(purpose: Purpose, state: State) {
            self.purpose = purpose
            self.state = state
        }
    }

    public var scope: ObjectionScope
    public var changes: [Change]
    /// Subject rows the address matched (0: objection kept on the suppression list only).
    public var subjectRows: Int
    /// True when the address went on the suppression list (marketing).
    public var suppressed: Bool
    /// The day the objection took effect.
    public var effectiveFrom: Day

    public init(scope: ObjectionScope, changes: [Change], subjectRows: Int, suppressed: Bool, effectiveFrom: Day) {
        self.scope = scope
        self.changes = changes
        self.subjectRows = subjectRows
        self.suppressed = suppressed
        self.effectiveFrom = effectiveFrom
    }

    /// The values of the `object_completed` template: each purpose now
    /// stopped (by a column or, for marketing, by the suppression list);
    /// `sharing_stopped` when the customer record holds the objection to
    /// sharing, `suppressed` when the address went on the suppression list,
    /// so the reply describes only what was done.
    public func templateValues(_ language: ReplyLanguage) -> TemplateValues {
        let stopped = changes.filter { $0.state != .notRecorded || ($0.purpose == .marketing && suppressed) }
        return [
            "changes": .list(stopped.map {
                ["what": .text($0.purpose.text(language)), "from_date": .text(language.dateText(effectiveFrom))]
            }),
            "sharing_stopped": .flag(changes.contains { $0.purpose == .sharing && $0.state != .notRecorded }),
            "suppressed": .flag(suppressed),
        ]
    }
}
