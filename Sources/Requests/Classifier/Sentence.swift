/// One sentence (or list item, or subject line) of a message, in its
/// original wording and as folded tokens.
struct Sentence: Sendable {
    /// The sentence as written, whitespace collapsed.
    let text: String
    /// Folded word tokens, with `TextFolding.clauseBreak` between clauses.
    let tokens: [String]
    /// Whether the sentence ends with a question mark.
    let isQuestion: Bool
    /// Whether it is the subject line rather than part of the body.
    let isSubject: Bool

    /// A sentence longer than this (a pasted blob without stops) is cut.
    static let maxCharacters = 4000

    init(text: String, isSubject: Bool = false) {
        let text = text.count > Self.maxCharacters ? String(text.prefix(Self.maxCharacters)) : text
        self.text = text
        self.tokens = TextFolding.tokens(TextFolding.fold(text))
        self.isQuestion = text.hasSuffix("?")
        self.isSubject = isSubject
    }
}
