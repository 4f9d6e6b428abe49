/// The named values one rendering uses (or one item of a list).
public struct TemplateValues: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    public private(set) var entries: [String: TemplateValue]

    public init(_ entries: [String: TemplateValue] = [:]) {
        self.entries = entries
    }

    /// Later keys win when a literal names one twice.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self.entries = Dictionary(elements, uniquingKeysWith: { _, last in last })
    }

    public subscript(name: String) -> TemplateValue? {
        get { entries[name] }
        set { entries[name] = newValue }
    }

    /// A copy with the entries of `other` added (they win over these).
    public func merging(_ other: TemplateValues) -> TemplateValues {
        TemplateValues(entries.merging(other.entries, uniquingKeysWith: { _, new in new }))
    }
}
