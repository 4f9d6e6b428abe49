/// One sentence (or list item, or subject line) of a message, in its
/// original wording and as folded tokens.
struct Sentence: Sendable {
    /// The sentence as written, whitespace collapsed.
    let text: String
    /// Folded word tokens, with `TextFolding.clauseBreak` between clauses;
    /// after `correctingCues`, a misspelt cue word ("delet") reads as the cue.
    let tokens: [String]
    /// For each token, whether it stands inside quotation marks.
    let quoted: [Bool]
    /// Whether the sentence ends with a question mark.
    let isQuestion: Bool
    /// Whether it is the subject line rather than part of the body.
    let isSubject: Bool

    /// A sentence longer than this (a pasted blob without stops) is cut.
    static let maxCharacters = 4000

    init(text: String, isSubject: Bool = false) {
        let text = text.count > Self.maxCharacters ? String(text.prefix(Self.maxCharacters)) : text
        self.text = text
        let (tokens, quoted) = TextFolding.quotedTokens(TextFolding.fold(text))
        self.tokens = tokens
        self.quoted = quoted
        self.isQuestion = text.hasSuffix("?")
        self.isSubject = isSubject
    }

    private init(text: String, tokens: [String], quoted: [Bool], isQuestion: Bool, isSubject: Bool) {
        self.text = text
        self.tokens = tokens
        self.quoted = quoted
        self.isQuestion = isQuestion
        self.isSubject = isSubject
    }

    /// The sentence with misspelt cue words read as the cue, for the words
    /// the lexicons of its mail's language know.
    func correctingCues(_ vocabulary: FuzzyCues.Vocabulary) -> Sentence {
        Sentence(text: text, tokens: FuzzyCues.corrected(tokens, knowing: vocabulary), quoted: quoted,
                 isQuestion: isQuestion, isSubject: isSubject)
    }
}

extension Sentence {
    /// Whether every token of `range` stands inside quotation marks.
    func isQuoted(_ range: Range<Int>) -> Bool {
        !range.isEmpty && range.upperBound <= quoted.count && quoted[range].allSatisfy { $0 }
    }
}
