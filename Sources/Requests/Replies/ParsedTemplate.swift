/// A template file after parsing: the Subject line and the body.
struct ParsedTemplate: Sendable, Equatable {
    let file: String
    let subject: [TemplateNode]
    let body: [TemplateNode]
}
