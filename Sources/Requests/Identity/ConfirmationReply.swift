/// What a reply to a confirmation message says: go ahead, stop, or unclear.
public enum ConfirmationAnswer: String, Sendable, Equatable {
    case confirm
    case decline
    case unclear
}

/// Reads the answer of a reply to a confirmation message. A reply that is
/// linked to the confirmation (it quotes the token or answers our
/// Message-ID) confirms unless it declines; only the person's new text is
/// read, never the quoted part (which holds our own words).
///
/// - decline: a decline word is the answer, i.e. among the first words of
///   the new text ("Nei", "No thanks", "Please do not", "Avbryt").
/// - unclear: the reply is not linked, or a decline word stands later in
///   the text ("Yes, but don't delete my tickets"): a person looks at it.
/// - confirm: otherwise, including an empty new text and short answers
///   such as "Ja", "Yes", "Bekreftet", "OK".
///
/// Words are whole words: "Norway" and "nothing" hold no "no".
public enum ConfirmationReply {
    /// Words that decline, lowercased; "don't" is written with `'`.
    static let declineWords: Set<String> = [
        "nei", "no", "nej", "nein", "nope", "avbryt", "avbryte", "cancel", "stop", "stopp", "ikke", "ikkje",
        "inte", "nicht", "not", "don't", "dont", "never", "aldri", "aldrig", "nie", "abbrechen", "annuller",
        "annullér", "wrong", "feil", "fel", "falsch",
    ]

    /// How many leading words of the new text count as "the answer".
    static let answerWords = 4

    /// `linked`: the reply quotes a token of this request or answers the
    /// confirmation message's Message-ID (decided by the caller).
    public static func evaluate(newText: String, quotedText: String = "", linked: Bool) -> ConfirmationAnswer {
        guard linked else { return .unclear }
        let words = Self.words(of: newText)
        if words.prefix(answerWords).contains(where: declineWords.contains) { return .decline }
        if words.contains(where: declineWords.contains) { return .unclear }
        return .confirm
    }

    /// Whether a reply belongs to one confirmation: it answers the
    /// confirmation message (In-Reply-To or References name its Message-ID,
    /// without angle brackets as `ParsedMessage` gives them), or its text,
    /// new or quoted, holds the token whose stored hash is `tokenHash`.
    public static func isLinked(
        text: String, inReplyTo: [String], references: [String], confirmationMessageID: String?,
        tokenHash: String, hash: (String) -> String
    ) -> Bool {
        if let id = confirmationMessageID, !id.isEmpty, inReplyTo.contains(id) || references.contains(id) {
            return true
        }
        return ConfirmationToken.find(in: text).contains { ConfirmationToken.hashed($0, hash: hash) == tokenHash }
    }

    /// Lowercased words: letters and digits, with `'` (and `’`) kept inside
    /// a word.
    static func words(of text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if (character == "'" || character == "\u{2019}"), !current.isEmpty {
                current.append("'")
            } else if !current.isEmpty {
                words.append(trimmedApostrophes(current))
                current = ""
            }
        }
        if !current.isEmpty { words.append(trimmedApostrophes(current)) }
        return words
    }

    private static func trimmedApostrophes(_ word: String) -> String {
        var word = Substring(word)
        while word.last == "'" { word = word.dropLast() }
        return String(word)
    }
}
