/// One value given to a template: text to insert, a flag for a section, or a
/// list whose items a section repeats over.
public enum TemplateValue: Sendable, Equatable {
    case text(String)
    case flag(Bool)
    case list([TemplateValues])

    /// Whether a section over this value renders (`{{#name}}`): true flags,
    /// non-empty text and non-empty lists. An inverted section renders otherwise.
    var isTruthy: Bool {
        switch self {
        case .text(let text): return !text.isEmpty
        case .flag(let flag): return flag
        case .list(let items): return !items.isEmpty
        }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(booleanLiteral value: Bool) { self = .flag(value) }
    public init(arrayLiteral elements: TemplateValues...) { self = .list(elements) }
}
