/// A parsed piece of a template.
indirect enum TemplateNode: Sendable, Equatable {
    /// Literal text, newlines included.
    case text(String)
    /// `{{name}}`, with the line it is on for error messages.
    case value(name: String, line: Int)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted. `once`
    /// for `{{#name?}}…{{/name?}}`: the body shows once when the list is not
    /// empty, instead of once per item.
    case section(name: String, inverted: Bool, once: Bool, line: Int, body: [TemplateNode])
}
