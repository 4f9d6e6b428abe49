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
    /// Whether most tokens of `range` stand inside quotation marks: "Dere
    /// skrev at «profilen din vil bli slettet»" quotes the phrase, though
    /// its first word stands outside.
    func isQuoted(_ range: Range<Int>) -> Bool {
        guard !range.isEmpty, range.upperBound <= quoted.count else { return false }
        return quoted[range].filter { $0 }.count * 2 > range.count
    }
}
