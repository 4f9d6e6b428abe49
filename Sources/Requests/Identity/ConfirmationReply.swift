/// What a reply to a confirmation message says: go ahead, stop, or unclear.
public enum ConfirmationAnswer: String, Sendable, Equatable {
    case confirm
    case decline
    case unclear
}

/// Reads the answer of a reply to a confirmation message.
///
/// Only the code proves that the reply comes from the mailbox the
/// confirmation was sent to: a reply confirms only when it carries a valid
/// code of the request (typed or quoted) AND the person's own new text is
/// an explicit yes or empty. Answering our Message-ID (In-Reply-To,
/// References) attaches a reply to the request but never confirms it.
///
/// - confirm: the code, and new text that is empty or only yes-words
///   ("Ja, det stemmer", "Yes, please go ahead", "Bekräftar"), greetings,
///   thanks and a short sign-off.
/// - decline: the code, and new text that opens with a no ("Nei takk",
///   "No, cancel it").
/// - unclear: everything else — no valid code, a question ("Who are you?"),
///   "I didn't ask for this", "Unsubscribe", any word that is neither yes nor
///   neutral. A person looks at it.
///
/// Only the new text is read, never the quoted part (our own words).
public enum ConfirmationReply {
    /// Lines a sign-off may have ("Mvh" / "Kari Nordmann" / a phone number).
    static let maxSignOffLines = 4
    static let maxSignOffLineWords = 6

    /// `codes`: the canonical symbols of the valid, unexpired codes of this
    /// request found in the whole text (new or quoted); empty when none.
    public static func evaluate(newText: String, codes: Set<String>) -> ConfirmationAnswer {
        guard !codes.isEmpty else { return .unclear }
        if newText.contains("?") || newText.contains("\u{00BF}") || newText.contains("\u{FF1F}") { return .unclear }
        let lines = newText.split(whereSeparator: \.isNewline)
            .map { withoutCodes(Self.words(of: String($0)), codes: codes) }
            .filter { !$0.isEmpty }
        var answer = lines
        if let signOff = lines.firstIndex(where: { ConfirmationWords.signOff.contains($0[0]) }) {
            let closing = lines[signOff...]
            guard closing.count <= maxSignOffLines, closing.allSatisfy({ $0.count <= maxSignOffLineWords }) else {
                return .unclear
            }
            answer = Array(lines[..<signOff])
        }
        let words = answer.flatMap { $0 }
        guard let first = words.first else { return .confirm }
        var rest = words[...]
        var saidYes = false
        if let phrase = ConfirmationWords.yesPhrases.first(where: { words.starts(with: $0) }) {
            rest = rest.dropFirst(phrase.count)
            saidYes = true
        } else if ConfirmationWords.no.contains(first), !words.contains(where: ConfirmationWords.yes.contains) {
            return .decline
        }
        let allowed = rest.allSatisfy {
            ConfirmationWords.yes.contains($0) || ConfirmationWords.neutral.contains($0)
                || ConfirmationWords.codeLabels.contains($0)
        }
        guard allowed else { return .unclear }
        return saidYes || rest.contains(where: ConfirmationWords.yes.contains) ? .confirm : .unclear
    }

    /// The words left when every run of words that spells one of `codes`
    /// (written whole, in groups of four, in any case) is taken out.
    static func withoutCodes(_ words: [String], codes: Set<String>) -> [String] {
        var kept: [String] = []
        var index = 0
        outer: while index < words.count {
            var joined = ""
            var end = index
            while end < words.count, joined.count < ConfirmationToken.symbolCount {
                joined += words[end]
                end += 1
                if let symbols = ConfirmationToken.normalized(joined), codes.contains(symbols) {
                    index = end
                    continue outer
                }
            }
            kept.append(words[index])
            index += 1
        }
        return kept
    }

    /// Lowercased words: letters and digits, with `'` (and `’`) kept inside
    /// a word.
    static func words(of text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if character == "'" || character == "\u{2019}", !current.isEmpty {
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
