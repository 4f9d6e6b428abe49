import Foundation

/// A name written out with how it is spelt: "Jeg heter Thorbjørn, med h",
/// "Det er Sigrunn, med to n", "Mit efternavn staves Mølgaard med aa",
/// "ich schreibe mich aber mit e: Meyer" is not this shape, "It's Siobhán,
/// with the fada". The capitalised word before "with" is the name as it
/// should be, in a mail that speaks of a name (a name field, "heter",
/// "spelt").
extension RectificationExtractor {
    static func spelledName(_ sentences: [Sentence]) -> (field: RectificationField, value: String)? {
        let speaksOfAName = sentences.contains { sentence in
            sentence.tokens.contains { token in namingOrSpelling.contains(token) || namePrefixes.contains { token.hasPrefix($0) } }
        }
        guard speaksOfAName else { return nil }
        var field: RectificationField?
        var value: String?
        for sentence in sentences where !sentence.isSubject {
            if sentence.tokens.contains(where: signOffs.contains) { break }
            let mayHoldName = sentence.tokens.contains(where: withWords.contains)
            guard mayHoldName || sentence.tokens.contains(where: { token in namePrefixes.contains { token.hasPrefix($0) } }) else { continue }
            let words = SentenceWords(sentence.text)
            for position in words.fieldPositions where position.field == .firstName || position.field == .lastName {
                if !position.whole || field == nil { field = position.field }
            }
            if value == nil, mayHoldName, let found = nameBeforeSpelling(words) { value = found }
        }
        guard let value else { return nil }
        return (field ?? .lastName, value)
    }

    /// The capitalised word right before "med"/"with"/"mit" (a comma may
    /// stand between) when what follows tells letters: "med h", "med to n",
    /// "med bindestrek", "with the fada".
    private static func nameBeforeSpelling(_ words: SentenceWords) -> String? {
        for index in words.folded.indices.dropFirst() where withWords.contains(words.folded[index]) {
            var nameIndex = index - 1
            if ["," , "-", "\u{2013}", "\u{2014}"].contains(words.original[nameIndex]) || words.folded[nameIndex] == TextFolding.clauseBreak,
               nameIndex > 0 {
                nameIndex -= 1
            }
            let name = words.original[nameIndex].trimmingCharacters(in: trimmed)
            guard let first = name.first, first.isUppercase, name.count >= 2,
                  name.allSatisfy({ $0.isLetter || $0 == "-" }), index + 1 < words.folded.count,
                  tellsLetters(words.folded[(index + 1)...]) else { continue }
            return name
        }
        return nil
    }

    /// "h", "ch", "aa", "to n", "two n's", "the fada", "bindestrek", "å".
    private static func tellsLetters(_ rest: ArraySlice<String>) -> Bool {
        var words: [String] = rest.prefix(3).map { $0.trimmingCharacters(in: trimmed) }.filter { !articles.contains($0) }
        if let first = words.first, numberWords.contains(first) { words.removeFirst() }
        guard let first = words.first else { return false }
        let isLetters = first.count <= 2 && first.allSatisfy { $0.isLetter }
        return isLetters || spellingNouns.contains(first)
    }

    private static let trimmed = CharacterSet(charactersIn: ",.;:!?\"'«»()\u{201C}\u{201D}")
    private static let articles: Set<String> = ["the", "en", "ein", "a", "et", "ett"]
    private static let withWords: Set<String> = ["med", "with", "mit"]
    private static let numberWords: Set<String> = ["to", "two", "double", "dobbel", "dobbelt", "dobbelt-", "zwei", "två", "doppel", "dobbel-"]
    private static let spellingNouns: Set<String> = [
        "bindestrek", "bindestreg", "bindestrich", "hyphen", "fada", "accent", "aksent", "akut", "apostrof", "apostrophe", "umlaut",
        "streg", "strek", "prikk", "prikker", "ring", "tödlein", "bindestreck",
    ]
    /// Words for a name, first or last, in the six languages.
    private static let namePrefixes = [
        "navn", "namn", "name", "surname", "fornavn", "førenamn", "förnamn", "vorname", "etternavn", "etternamn", "efternavn",
        "efternamn", "nachname",
    ]
    private static let namingOrSpelling: Set<String> = [
        "heter", "heiter", "hedder", "heiße", "heisse", "heißt", "called", "named", "staves", "stavas", "stavet", "stava", "spelt",
        "spelled", "spelling", "schreibe", "geschrieben", "skrives", "skrivs", "name", "navn", "namn", "navnet", "namnet", "namen",
    ]
}
