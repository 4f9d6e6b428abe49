/// A reply ready for the mail composer, which does the encoding.
public struct RenderedReply: Sendable, Equatable {
    /// One line, without CR or LF.
    public let subject: String
    /// Lines joined with "\n", no trailing spaces.
    public let body: String

    public init(subject: String, body: String) {
        self.subject = subject
        self.body = body
    }
}
