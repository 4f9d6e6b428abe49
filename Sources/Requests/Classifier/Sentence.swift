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
    /// Whether it is an item of a list that a sentence asking for something
    /// introduces ("Jag begär följande: 1. … 2. Att uppgifterna raderas."):
    /// the item is asked as the introduction is.
    var isAskedByItsList = false

    /// A sentence longer than this (a pasted blob without stops) is cut.
    static let maxCharacters = 4000

    init(text: String, isSubject: Bool = false) {
        // Counted in bytes first: a text of fewer bytes has fewer characters too.
        let text = text.utf8.count > Self.maxCharacters && text.count > Self.maxCharacters
            ? String(text.prefix(Self.maxCharacters)) : text
        self.text = text
        let (tokens, quoted) = TextFolding.quotedTokens(TextFolding.fold(text))
        self.tokens = tokens
        self.quoted = quoted
        self.isQuestion = text.endsWithByte(UInt8(ascii: "?"))
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
        var corrected = Sentence(text: text, tokens: FuzzyCues.corrected(tokens, knowing: vocabulary), quoted: quoted,
                                 isQuestion: isQuestion, isSubject: isSubject)
        corrected.isAskedByItsList = isAskedByItsList
        return corrected
    }

    /// Whether the sentence starts as a list item: "-", "*", "•", or a
    /// number followed by "." or ")".
    var isListItem: Bool {
        let bytes = text.utf8
        guard let first = bytes.first else { return false }
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || text.unicodeScalars.first == "\u{2022}" { return true }
        guard first >= 0x30 && first <= 0x39, let after = bytes.first(where: { $0 < 0x30 || $0 > 0x39 }) else { return false }
        return after == UInt8(ascii: ".") || after == UInt8(ascii: ")")
    }

    /// Marks the list items under a body sentence that ends with a colon and
    /// holds a request marker (`isAskedByItsList`), up to the first sentence
    /// that is no list item.
    static func markListsUnderRequests(_ sentences: inout [Sentence], markers: WordSet) {
        var asking = false
        for index in sentences.indices where !sentences[index].isSubject {
            if sentences[index].isListItem {
                sentences[index].isAskedByItsList = asking
                continue
            }
            asking = sentences[index].text.endsWithByte(UInt8(ascii: ":"))
                && sentences[index].tokens.contains { markers.contains($0) || SentenceCues.pleaseWords.contains($0) }
        }
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
