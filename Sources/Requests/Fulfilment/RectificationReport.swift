/// What a rectification (GDPR Art. 16) did. Old and new values are personal
/// data: the caller stores them in the audit trail (in PostgreSQL), never in logs.
public struct RectificationReport: Sendable, Equatable {
    public struct Change: Sendable, Equatable {
        public var field: RectificationField
        public var column: String
        public var oldValue: String?
        public var newValue: String

        public init(field: RectificationField, column: String, oldValue: String?, newValue: String) {
            self.field = field
            self.column = column
            self.oldValue = oldValue
            self.newValue = newValue
        }
    }

    /// Columns written, in field order.
    public var changes: [Change]
    /// Fields that already held the asked-for value (old value = new value).
    public var unchanged: [Change]
    /// A new e-mail address, not applied: it needs confirmation from that address (review).
    public var pendingEmailChange: String?
    /// Fields asked for that the map has no column for: reported, not applied.
    public var unmapped: [RectificationField]

    public init(changes: [Change], unchanged: [Change], pendingEmailChange: String?, unmapped: [RectificationField]) {
        self.changes = changes
        self.unchanged = unchanged
        self.pendingEmailChange = pendingEmailChange
        self.unmapped = unmapped
    }

    /// The values of the `rectify_completed` template: the fields changed and
    /// those that were already right, each with the value now stored.
    public func templateValues(_ language: ReplyLanguage) -> TemplateValues {
        ["changes": .list((changes + unchanged).map {
            ["field": .text(RectificationFieldNames.name($0.field, language)), "new_value": .text($0.newValue)]
        })]
    }
}

/// The result of a rectification request.
public enum RectificationOutcome: Sendable, Equatable {
    /// No subject row has the address (reply `no_data`).
    case noData
    /// Nothing applied: the values need correcting (reply `more_information`).
    case needsMoreInformation(problems: [RectificationProblem], rectifiable: [String])
    case applied(RectificationReport)

    /// The values of the `more_information` template for `needsMoreInformation`.
    public static func moreInformationValues(problems: [RectificationProblem], rectifiable: [String],
                                             language: ReplyLanguage) -> TemplateValues {
        var values: TemplateValues = ["fields": .list(rectifiable.sorted().map {
            ["name": .text(RectificationFieldNames.name(key: $0, language))]
        })]
        if !problems.isEmpty {
            values["problem"] = .text(problems.map { $0.text(language) }.joined(separator: " "))
        }
        return values
    }
}
