/// The cues around a new value that `RectificationExtractor` looks for:
/// "change my surname to B", "update it to B", "…men det er B", "is B now",
/// "is B, not A", "is now B at C".
extension RectificationExtractor {
    /// "change my surname to B", "endre etternavnet fra A til B": a field
    /// named shortly before `to`, with a change verb before the field or
    /// `from` between them.
    static func isChangeTo(_ words: SentenceWords, at index: Int) -> Bool {
        guard let position = words.fieldPositions.last(where: { $0.index < index })?.index else { return false }
        let between = words.folded[(position + 1)..<index]
        if RectificationVocabulary.withWords.contains(words.folded[index]) { return index - position <= 6 }
        if between.contains(where: { RectificationVocabulary.fromWords.contains($0) }) { return index - position <= 10 }
        // "Min arbejdsgiver er i øvrigt ændret til B": a change verb between the field and "to".
        if index - position <= 8 && between.contains(where: RectificationVocabulary.isChangeVerb) {
            return true
        }
        guard index - position <= 4 else { return false }
        let before = words.folded[max(0, position - 10)..<position]
        return before.contains(where: RectificationVocabulary.isChangeVerb)
            || between.contains(where: RectificationVocabulary.isChangeVerb)
    }

    /// "update it to B", "endre det til B": a change verb, a pronoun, `to`.
    /// Also "rett den i så fall til B" (a few words between) and "ändern Sie
    /// sie auf B" (a word between the verb and the pronoun).
    static func isPronounChangeTo(_ words: SentenceWords, at index: Int) -> Bool {
        guard index >= 2 else { return false }
        for pronoun in stride(from: index - 1, through: max(1, index - 4), by: -1)
        where RectificationVocabulary.pronouns.contains(words.folded[pronoun]) {
            for verb in stride(from: pronoun - 1, through: max(0, pronoun - 2), by: -1) {
                let word = words.folded[verb]
                if RectificationVocabulary.isChangeVerb(word) { return true }
            }
        }
        return false
    }

    /// "…men det er B", "but it's B", "richtig ist aber B": an is-word after a
    /// contrast, or with "actually" right after it.
    static func followsContrast(_ words: SentenceWords, at index: Int) -> Bool {
        let vocabulary = RectificationVocabulary.self
        let before = words.folded[max(0, index - 3)..<index]
        if before.contains(where: vocabulary.contrastWords.contains) { return true }
        return index + 1 < words.folded.count && vocabulary.actuallyWords.contains(words.folded[index + 1])
    }

    /// "hedder ikke længere A, men B", "heiße nicht mehr A, sondern B",
    /// "heiter ikkje A lenger, men B": where A starts and where the contrast
    /// word stands, when "no longer" follows the naming word closely and the
    /// contrast comes within seven words.
    static func contrastAfterNoLonger(_ words: SentenceWords, after index: Int) -> (old: Int, contrast: Int)? {
        let folded = words.folded
        // (Each range is formed only when its bounds are in order.)
        guard index + 4 < folded.count else { return nil }
        if let no = (index + 1..<index + 4).first(where: { isNoLonger(folded, at: $0) }), no + 3 < folded.count - 1,
           let contrast = (no + 3..<min(folded.count - 1, no + 10)).first(where: { contrastWords.contains(folded[$0]) }) {
            return (no + 2, contrast)
        }
        // "ikkje A lenger, men B": the old name between the negation and "longer".
        guard let no = (index + 1..<index + 3).first(where: { RectificationVocabulary.negations.contains(folded[$0]) }),
              no + 2 < folded.count,
              let longer = (no + 2..<min(folded.count, no + 5)).first(where: { longerWords.contains(folded[$0]) }),
              longer + 2 < folded.count, contrastWords.contains(folded[longer + 1]) else { return nil }
        return (no + 1, longer + 1)
    }

    /// "is B now", "is B, not A": up to four words, then a "now" word or a
    /// comma and a negation.
    static func valueThenNowOrNot(_ words: SentenceWords, after index: Int) -> Bool {
        let vocabulary = RectificationVocabulary.self
        // A name, a number or an address: "is Berg-Lunde now", not "is no longer vegetarian – now…".
        guard index + 1 < words.original.count, let first = words.original[index + 1].first,
              first.isUppercase || first.isNumberFast || words.original[index + 1].contains("@") else { return false }
        var position = index + 1
        while position < words.folded.count && position <= index + 6 {
            let word = words.folded[position]
            if position > index + 1 && vocabulary.nowWords.contains(word) { return true }
            if position > index + 1 && vocabulary.negations.contains(word)
                && (words.original[position - 1].endsWithByte(UInt8(ascii: ",")) || position <= index + 3) { return true }
            position += 1
        }
        return false
    }

    /// "is (now) B at C" where C is a capitalised name: B is a title. Only
    /// after the first person, a "now" word or "correct is" ("Rett er B i C").
    static func titleAtOrganization(_ words: SentenceWords, after index: Int) -> Int? {
        let vocabulary = RectificationVocabulary.self
        let previous = index > 0 ? words.folded[index - 1] : ""
        var position = index + 1
        var cued = vocabulary.firstPersonWords.contains(previous) || vocabulary.newWords.contains(previous)
            || words.folded[index] == "i'm" || words.folded[index] == "i\u{2019}m"
        while position < words.folded.count && (vocabulary.nowWords.contains(words.folded[position])
                                                  || vocabulary.firstPersonWords.contains(words.folded[position])) {
            if vocabulary.nowWords.contains(words.folded[position]) || vocabulary.firstPersonWords.contains(words.folded[position]) { cued = true }
            position += 1
        }
        guard cued, position < words.folded.count else { return nil }
        // "I am no longer with B": the nynorsk "no" (now) is English "no" here.
        if words.folded[position] == "longer" && words.folded[position - 1] == "no" { return nil }
        // "er eg tilsett i B": employed is no title (the work cue reads B).
        if vocabulary.workWords.contains(words.folded[position]) { return nil }
        let titleStart = position
        while position < words.folded.count && position < titleStart + 4 {
            let word = words.folded[position]
            if vocabulary.workPrepositions.contains(word) || word == "ved" || word == "hjå" {
                guard position > titleStart, position + 1 < words.original.count,
                      words.original[position + 1].first?.isUppercase == true,
                      !vocabulary.negations.contains(words.folded[titleStart]) else { return nil }
                return titleStart
            }
            if word.endsWithByte(UInt8(ascii: ",")) || vocabulary.negations.contains(word) { return nil }
            position += 1
        }
        return nil
    }

    /// "ich bin jetzt bei B", "(jeg) er nå i B", "I'm now at B": the first
    /// person, an is-word and a now word, then a work preposition and a
    /// capitalised name: where B starts.
    static func organizationAfterIsNow(_ words: SentenceWords, after index: Int) -> Int? {
        let vocabulary = RectificationVocabulary.self
        let folded = words.folded
        var position = index + 1
        var now = false
        var firstPerson = index > 0 && vocabulary.firstPersonWords.contains(folded[index - 1])
            || folded[index] == "i'm" || folded[index] == "i\u{2019}m" || folded[index] == "bin"
        while position < folded.count && (vocabulary.nowWords.contains(folded[position]) || vocabulary.firstPersonWords.contains(folded[position])) {
            if vocabulary.nowWords.contains(folded[position]) { now = true } else { firstPerson = true }
            position += 1
        }
        guard now, firstPerson, position + 1 < folded.count, vocabulary.workPrepositions.contains(folded[position]) || folded[position] == "hjå",
              words.original[position + 1].first?.isUppercase == true else { return nil }
        return position + 1
    }

    /// "I har mig registreret som ansat hos A, …, men jeg arbejder nu hos B":
    /// a cue after a report of the record and before a contrast names the old value.
    static func reportsTheRecordBeforeAContrast(_ words: SentenceWords, at index: Int) -> Bool {
        let vocabulary = RectificationVocabulary.self
        return words.folded[..<index].contains(where: vocabulary.recordedWords.contains)
            && words.folded[(index + 1)...].contains(where: vocabulary.contrastWords.contains)
    }

    /// "som prosjektleiar i Fjordvind AS": the organisation after a job title.
    static func organizationAfterTitle(_ words: SentenceWords, from start: Int, title: String, language: Language) -> String? {
        let titleWords = title.split(separator: " ").count
        let preposition = start + titleWords
        guard preposition + 1 < words.folded.count,
              RectificationVocabulary.workPrepositions.contains(words.folded[preposition]) || ["hjå", "ved"].contains(words.folded[preposition]),
              ValueReader.guessField(words, from: preposition + 1) == .organization
                || words.original[preposition + 1].first?.isUppercase == true else { return nil }
        return ValueReader.read(words, from: preposition + 1, field: .organization, language: language)
    }
}
