import MailCore

/// The new address of a mail that speaks of moving or of a changed address
/// and writes the address with no cue the value readers know before it: on
/// a line of its own under "It's now:", after "Adresse:" under "wie folgt:",
/// after "till:" ("Skicka brev till: Storgatan 14, 2 tr, 903 26 Umeå").
///
/// Taken only when the person's text speaks of moving, or of an address
/// and a change, and holds exactly one address (a capitalised word, then a
/// postcode followed by a place) at the start of a sentence or after a
/// colon that is not called old or "from", read up to where a signature may
/// start (a sign-off, a thanks or a line that is only a name), so never a
/// signature's, and never in a block that identifies the writer.
extension RectificationExtractor {
    static func fallbackAddress(_ sentences: [Sentence], language: Language) -> String? {
        // Most mail holds no address: a byte count and the plain words first, the rest only where one may stand.
        let streets = sentences.map { $0.isSubject ? [] : streetStarts($0.text) }
        guard streets.contains(where: { !$0.isEmpty }) else { return nil }
        var moved = false
        var namesAddress = false
        var speaksOfAChange = false
        // Under a heading that identifies the writer or names old values.
        var identifying = false
        var candidates: [String] = []
        for (sentence, starts) in zip(sentences, streets) where !sentence.isSubject {
            if sentence.tokens.contains(where: signOffs.contains) || mayStartSignature(sentence) { break }
            if sentence.tokens.contains(where: RectificationVocabulary.movedWords.contains) { moved = true }
            if sentence.tokens.contains(where: isChangeWord) { speaksOfAChange = true }
            if sentence.tokens.contains(where: { token in addressStems.contains { token.hasPrefixBytes($0) } }) { namesAddress = true }
            // "Mine nåværende opplysninger:", "Den gamle adressen min var:": the lines below are not new values.
            if sentence.text.endsWithByte(UInt8(ascii: ":")) {
                let words = SentenceWords(sentence.text)
                identifying = words.containsPrefix(RectificationVocabulary.identityHeadingWords)
                    && !words.containsPrefix(RectificationVocabulary.changeHeadingWords)
                    || words.folded.contains(where: RectificationVocabulary.oldWords.contains)
                continue
            }
            guard !identifying, !starts.isEmpty else { continue }
            let words = SentenceWords(sentence.text)
            for index in starts {
                guard ValueReader.guessField(words, from: index) == .address else { continue }
                let before = words.folded[max(0, index - 3)..<index].map { $0.trimmingScalars(in: ":") }
                if before.contains(where: { RectificationVocabulary.oldWords.contains($0) || RectificationVocabulary.fromWords.contains($0) }) {
                    continue
                }
                if let value = ValueReader.read(words, from: index, field: .address, language: language), !candidates.contains(value) {
                    candidates.append(value)
                }
            }
        }
        guard moved || namesAddress && speaksOfAChange, candidates.count == 1 else { return nil }
        return candidates.first
    }

    /// Where a street may start in the text (its start, after a colon), read on its plain words.
    private static func streetStarts(_ text: String) -> [Int] {
        guard hasPostcodeDigits(text) else { return [] }
        let plain = SentenceWords.words(of: text)
        return plain.indices.filter { index in
            (index == 0 || plain[index - 1].endsWithByte(UInt8(ascii: ":"))) && startsLikeStreet(plain, at: index)
        }
    }

    /// "Nørrebrogade 12,", "Seniorenresidenz Am Park, Zimmer 214", "Solgårdens
    /// äldreboende, Björkvägen 3": up to four words, capitalised or closing a
    /// part with a comma, then a house number; not "Dere har fortsatt Storgata 1".
    private static func startsLikeStreet(_ words: [String], at index: Int) -> Bool {
        var next = index
        while next < min(words.count, index + 5) {
            let word = words[next]
            guard let first = word.first else { return false }
            if first.isNumberFast { return next > index }
            guard first.isUppercase || next > index && word.endsWithByte(UInt8(ascii: ",")) else { return false }
            next += 1
        }
        return false
    }

    /// The address field's names (`RectificationVocabulary.fieldPrefixes`), as token beginnings.
    private static let addressStems = RectificationVocabulary.fieldPrefixes.first { $0.0 == .address }?.1 ?? []

    /// Whether the text holds a run of three digits or more (a postcode has four or five, or three and two).
    private static func hasPostcodeDigits(_ text: String) -> Bool {
        var run = 0
        for byte in text.utf8 {
            run = byte >= 0x30 && byte <= 0x39 ? run + 1 : 0
            if run >= 3 { return true }
        }
        return false
    }
}
