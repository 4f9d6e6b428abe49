import Foundation
import MailCore

/// A name written out with how it is spelt: "Jeg heter Thorbjørn, med h",
/// "Det er Sigrunn, med to n", "Mit efternavn staves Mølgaard med aa",
/// "It's Siobhán, with the fada". The capitalised word before "with" is the
/// name as it should be, in a mail that speaks of a name (a name word,
/// "heter", "spelt").
extension RectificationExtractor {
    static func spelledName(_ sentences: [Sentence]) -> (field: RectificationField, value: String)? {
        // Most mail has no "med"/"with"/"mit" that tells letters: a look at the tokens first.
        guard sentences.contains(where: { !$0.isSubject && spellsLetters($0.tokens) }) else { return nil }
        var value: String?
        var body = sentences.filter { !$0.isSubject }
        if let signOff = body.firstIndex(where: { $0.tokens.contains(where: signOffs.contains) }) { body = Array(body[..<signOff]) }
        for sentence in body where spellsLetters(sentence.tokens) {
            if let found = nameBeforeSpelling(SentenceWords(sentence.text)) {
                value = found
                break
            }
        }
        guard let value, sentences.contains(where: { $0.tokens.contains { namingOrSpelling.contains($0) || namePhrases.anyPrefix(of: $0) } })
                || namesAMisspelling(of: value, in: body)
        else { return nil }
        // The subject may name the field: "Fornamnet mitt".
        let field = nameFieldNamed(in: sentences.filter(\.isSubject) + body)
        return (field ?? (looksLikeFirstName(value, in: sentences) ? .firstName : .lastName), value)
    }

    /// The name field the sentences name as such ("fornavn", "surname",
    /// "first name"): a first name wherever one is named, else a surname.
    static func nameFieldNamed(in sentences: [Sentence]) -> RectificationField? {
        var field: RectificationField?
        for sentence in sentences {
            let tokens = sentence.tokens
            for (index, token) in tokens.enumerated() {
                // "first name", "given name"; "last name", "family name".
                let named = index + 1 < tokens.count && tokens[index + 1] == "name" ? twoWordNames[token] : nil
                if named == .firstName || firstNamePhrases.anyPrefix(of: token) {
                    return .firstName
                } else if named == .lastName || surnamePhrases.anyPrefix(of: token) {
                    field = .lastName
                }
            }
        }
        return field
    }

    /// "Det er Kjersti med j, ikke Kersti": a capitalised word one slip from
    /// the name (a letter missing, one extra, two swapped) is the misspelling corrected.
    private static func namesAMisspelling(of name: String, in sentences: [Sentence]) -> Bool {
        let scalars = Array(name.lowercased().unicodeScalars)
        return sentences.contains { sentence in
            sentence.text.split(separator: " ").contains { word in
                let bare = String(word).trimmingScalars(in: trimmed)
                guard bare.first?.isUppercase == true, bare != name, abs(bare.count - name.count) <= 1 else { return false }
                return FuzzyCues.isOneSlip(Array(bare.lowercased().unicodeScalars), scalars)
            }
        }
    }

    /// Whether the mail shows the name as a first name: a line of its own
    /// (a signature "Kjersti"), or the first of two capitalised words
    /// ("Kristin Hjelmeland") with none before it.
    static func looksLikeFirstName(_ name: String, in sentences: [Sentence]) -> Bool {
        sentences.contains { sentence in
            guard !sentence.isSubject, sentence.text.containsBytes(name) else { return false }
            let words = sentence.text.split(separator: " ").map { String($0).trimmingScalars(in: trimmed + "/") }
            if words.count == 1 { return words[0] == name }
            return words.indices.dropLast().contains { index in
                words[index] == name && words[index + 1].first?.isUppercase == true
                    && !(index > 0 && words[index - 1].first?.isUppercase == true)
            }
        }
    }


    /// The capitalised word right before "med"/"with"/"mit" (a comma may
    /// stand between) when what follows tells letters: "med h", "med to n",
    /// "med bindestrek", "with the fada".
    private static func nameBeforeSpelling(_ words: SentenceWords) -> String? {
        for index in words.folded.indices.dropFirst() where withWords.contains(words.folded[index]) {
            var nameIndex = index - 1
            if nameIndex > 0, words.folded[nameIndex] == TextFolding.clauseBreak || dashes.contains(words.original[nameIndex]) {
                nameIndex -= 1
            }
            let name = words.original[nameIndex].trimmingScalars(in: trimmed)
            guard let first = name.first, first.isUppercase, name.count >= 2,
                  name.allSatisfy({ $0.isLetterFast || $0 == "-" }), index + 1 < words.folded.count,
                  tellsLetters(words.folded[(index + 1)...]) else { continue }
            return name
        }
        return nil
    }

    /// Whether a "med"/"with"/"mit" among the tokens is followed by letters told.
    private static func spellsLetters(_ tokens: [String]) -> Bool {
        // "med", "mit", "with": three or four bytes, checked before the set is.
        tokens.indices.contains { index in
            let length = tokens[index].utf8.count
            return (length == 3 || length == 4) && index > 0 && index + 1 < tokens.count && withWords.contains(tokens[index])
                && tellsLetters(tokens[(index + 1)...])
        }
    }

    /// "h", "ch", "aa", "to n", "two n's", "the fada", "bindestrek", "å".
    private static func tellsLetters(_ rest: ArraySlice<String>) -> Bool {
        var words: [String] = rest.prefix(3).map { $0.trimmingScalars(in: trimmed) }.filter { !articles.contains($0) }
        if let first = words.first, numberWords.contains(first) { words.removeFirst() }
        guard let first = words.first else { return false }
        let isLetters = first.count <= 2 && first.allSatisfy { $0.isLetterFast }
        return isLetters || spellingNouns.contains(first)
    }

    private static let trimmed = ",.;:!?\"'«»()\u{201C}\u{201D}"
    private static let articles: WordSet = ["the", "en", "ein", "a", "et", "ett"]
    private static let withWords: WordSet = ["med", "with", "mit"]
    private static let numberWords: WordSet = ["to", "two", "double", "dobbel", "dobbelt", "dobbelt-", "zwei", "två", "doppel", "dobbel-"]
    private static let spellingNouns: WordSet = [
        "bindestrek", "bindestreg", "bindestrich", "hyphen", "fada", "accent", "aksent", "akut", "apostrof", "apostrophe", "umlaut",
        "streg", "strek", "prikk", "prikker", "ring", "tödlein", "bindestreck",
    ]
    /// Words for a name, first or last, in the six languages.
    private static let namePhrases = UTF8Phrases([
        "navn", "namn", "name", "surname", "fornavn", "fornamn", "førenamn", "förnamn", "vorname", "etternavn", "etternamn", "efternavn",
        "efternamn", "nachname", "first",
    ])
    private static let twoWordNames: [String: RectificationField] = [
        "first": .firstName, "given": .firstName, "last": .lastName, "family": .lastName,
    ]
    private static let firstNamePhrases = UTF8Phrases(["fornavn", "fornamn", "førenamn", "förnamn", "vorname", "forename"])
    private static let surnamePhrases = UTF8Phrases(["surname", "etternavn", "etternamn", "efternavn", "efternamn", "nachname", "familienname"])
    /// Naming and spelling verbs; the name words themselves are `namePhrases`.
    private static let namingOrSpelling: WordSet = [
        "heter", "heiter", "hedder", "heiße", "heisse", "heißt", "called", "named", "staves", "stavas", "stavet", "stava", "spelt",
        "spelled", "spelling", "schreibe", "geschrieben", "skrives", "skrivs",
    ]
    private static let dashes: WordSet = [",", "-", "\u{2013}", "\u{2014}"]
}
