/// What a template may do with one name, as the catalogue allows it.
public struct TemplatePlaceholder: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Text inserted with `{{name}}`; may also guard a section (renders when not empty).
        case text
        /// A flag for `{{#name}}…{{/name}}` and `{{^name}}…{{/name}}`.
        case flag
        /// A list for `{{#name}}…{{/name}}`; each item has these text fields.
        case list(fields: [String])
    }

    public let kind: Kind
    /// Whether rendering fails without a value. Flags are never required
    /// (missing means false); optional text missing renders as nothing.
    public let isRequired: Bool

    public init(kind: Kind, isRequired: Bool) {
        self.kind = kind
        self.isRequired = isRequired
    }

    public static let text = TemplatePlaceholder(kind: .text, isRequired: true)
    public static let optionalText = TemplatePlaceholder(kind: .text, isRequired: false)
    public static let flag = TemplatePlaceholder(kind: .flag, isRequired: false)

    /// A required list (it may be empty).
    public static func list(_ fields: String...) -> TemplatePlaceholder {
        TemplatePlaceholder(kind: .list(fields: fields), isRequired: true)
    }

    var kindName: String {
        switch kind {
        case .text: return "text"
        case .flag: return "flag"
        case .list: return "list"
        }
    }
}
