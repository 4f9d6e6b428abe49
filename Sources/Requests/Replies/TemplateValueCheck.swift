/// Checks the values for one rendering against the catalogue before any text
/// is produced, so a missing value is reported by name.
enum TemplateValueCheck {
    /// `values` with defaults for what may be left out: missing flags are
    /// false, missing optional text is empty.
    static func completed(
        _ values: TemplateValues, for placeholders: [String: TemplatePlaceholder], file: String
    ) throws -> TemplateValues {
        var result = values
        for (name, placeholder) in placeholders.sorted(by: { $0.key < $1.key }) {
            guard let value = values[name] else {
                if placeholder.isRequired { throw TemplateError.missingValue(file: file, name: name) }
                switch placeholder.kind {
                case .text: result[name] = .text("")
                case .flag: result[name] = .flag(false)
                case .list: result[name] = .list([])
                }
                continue
            }
            switch (placeholder.kind, value) {
            case (.text, .text), (.flag, .flag):
                continue
            case (.list(let fields), .list(let items)):
                for item in items {
                    for field in fields {
                        guard let fieldValue = item[field] else {
                            throw TemplateError.missingValue(file: file, name: "\(name).\(field)")
                        }
                        guard case .text = fieldValue else {
                            throw TemplateError.wrongValueKind(file: file, name: "\(name).\(field)", expected: "text")
                        }
                    }
                }
            default:
                throw TemplateError.wrongValueKind(file: file, name: name, expected: placeholder.kindName)
            }
        }
        return result
    }
}
