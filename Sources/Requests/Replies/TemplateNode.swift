/// A parsed piece of a template.
indirect enum TemplateNode: Sendable, Equatable {
    /// Literal text, newlines included.
    case text(String)
    /// `{{name}}`, with the line it is on for error messages.
    case value(name: String, line: Int)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
    case section(name: String, inverted: Bool, line: Int, body: [TemplateNode])
}
