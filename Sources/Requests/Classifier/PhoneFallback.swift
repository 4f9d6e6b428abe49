import MailCore

/// The new number of a mail that talks of its phone but names it with no cue
/// the value readers know: "Neu: (+47) 401-23-456", "har fått dansk
/// mobilnummer: +45 21 43 65 87", "Fastnettet er nedlagt, så brug mobilen i
/// stedet: 28 19 46 30".
///
/// Taken only when the person's text speaks of a change (a change verb, a
/// "new", "now", "instead" or "use" word: "my phone is …" alone tells, an
/// identification block names) and holds exactly one number that is not
/// called old, read up to where a signature may start (a sign-off, a thanks
/// or a line that is only a name), so never a signature's.
extension RectificationExtractor {
    static func fallbackPhone(_ sentences: [Sentence], language: Language) -> String? {
        // Most mail holds no number of eight digits: a byte count first.
        guard sentences.contains(where: { !$0.isSubject && hasEnoughDigits($0.text) }) else { return nil }
        var mentionsPhone = false
        var speaksOfAChange = false
        var candidates: Set<String> = []
        for sentence in sentences where !sentence.isSubject {
            if sentence.tokens.contains(where: signOffs.contains) || mayStartSignature(sentence) { break }
            if sentence.tokens.contains(where: isPhoneWord) { mentionsPhone = true }
            if sentence.tokens.contains(where: isChangeWord) { speaksOfAChange = true }
            guard hasEnoughDigits(sentence.text) else { continue }
            let words = SentenceWords(sentence.text)
            var index = 0
            while index < words.original.count {
                defer { index += 1 }
                guard ValueReader.guessField(words, from: index) == .phone || startsGroupedNumber(words.original, at: index),
                      let value = ValueReader.read(words, from: index, field: .phone, language: language),
                      value.filter(\.isNumberFast).count >= 8 else { continue }
                let first = index
                // The rest of the number is not another one.
                while index + 1 < words.original.count && words.original[index + 1].contains(where: \.isNumberFast) { index += 1 }
                // Called old before it, or after it in its own clause: "The 22 11 33 44 number is my
                // old work phone", not "use 40 12 34 56 instead of my old one", "new nr 40 12 34 56, old one is dead".
                var end = index + 1
                while end < min(words.folded.count, index + 6), !endsClause(words.original[end - 1]),
                      !insteadWords.contains(words.folded[end]), !isDash(words.original[end]) { end += 1 }
                var begin = first
                while begin > max(0, first - 4), !endsClause(words.original[begin - 1]) { begin -= 1 }
                let near = words.folded[begin..<first] + words.folded[(index + 1)..<max(index + 1, end)]
                if !near.contains(where: RectificationVocabulary.oldWords.contains) { candidates.insert(value) }
            }
        }
        return mentionsPhone && speaksOfAChange && candidates.count == 1 ? candidates.first : nil
    }

    /// "Takk!", "Thanks a lot", "Olav Tunheim": a short thanks or a line of
    /// capitalised words without a colon or a digit, where a signature may start.
    static func mayStartSignature(_ sentence: Sentence) -> Bool {
        // "Hej Janteloppet" opens the mail.
        guard sentence.tokens.count <= 4, !(sentence.tokens.first.map(greetings.contains) ?? false) else { return false }
        if sentence.tokens.contains(where: SentenceCues.thanksWords.contains) { return true }
        let words = sentence.text.split(separator: " ")
        return !sentence.text.contains(":") && !sentence.text.contains(where: \.isNumberFast) && words.count >= 2
            && words.allSatisfy { $0.first?.isUppercase == true }
    }

    /// "28 19 46 30", "+45 21 43 65 87.": groups of two to four digits that
    /// make eight or more, after a country code or none; a stop or a comma
    /// after a group ends the number.
    static func startsGroupedNumber(_ words: [String], at index: Int) -> Bool {
        var digits = 0
        var next = index
        if index < words.count, isCountryCode(words[index]) { next += 1 }
        while next < words.count {
            let group = words[next].trimmingScalars(in: ".,;:!?)")
            guard (2...4).contains(group.count), group.allSatisfy(\.isNumberFast) else { break }
            digits += group.count
            next += 1
            if group.count != words[next - 1].count { break }
        }
        return digits >= 8
    }

    /// "+45", "(+47)", "0045".
    private static func isCountryCode(_ word: String) -> Bool {
        let bare = word.filter { $0 != "(" && $0 != ")" }
        if bare.hasPrefix("+") { return (2...4).contains(bare.count) && bare.dropFirst().allSatisfy(\.isNumberFast) }
        return bare.hasPrefix("00") && (3...5).contains(bare.count) && bare.allSatisfy(\.isNumberFast)
    }

    private static func hasEnoughDigits(_ text: String) -> Bool {
        var digits = 0
        for byte in text.utf8 where byte >= 0x30 && byte <= 0x39 {
            digits += 1
            if digits >= 8 { return true }
        }
        return false
    }

    private static func endsClause(_ word: String) -> Bool {
        word.endsWithByte(UInt8(ascii: ",")) || word.endsWithByte(UInt8(ascii: ".")) || word.endsWithByte(UInt8(ascii: ";"))
    }

    private static func isDash(_ word: String) -> Bool { word == "-" || word == "\u{2013}" || word == "\u{2014}" }

    static func isChangeWord(_ token: String) -> Bool {
        let vocabulary = RectificationVocabulary.self
        return vocabulary.isChangeVerb(token) || vocabulary.newWords.contains(token) || vocabulary.nowWords.contains(token)
            || vocabulary.useWords.contains(token) || insteadWords.contains(token)
    }

    /// Words a greeting line starts with.
    private static let greetings: WordSet = ["hei", "hallo", "hi", "hello", "hey", "hej", "dear", "kjære", "kjaere", "kære", "kaere",
                                             "kära", "liebe", "lieber", "guten", "god", "goddag", "moin", "servus", "morn", "heisann"]

    private static let insteadWords: WordSet = ["instead", "stedet", "stället", "statt", "stattdessen", "istället", "istedet", "istedenfor"]

    /// "nummer", "nr", "number" alone, and the words phones start with.
    private static func isPhoneWord(_ token: String) -> Bool {
        phoneWords.contains(token) || phonePrefixes.anyPrefix(of: token)
    }

    private static let phoneWords: WordSet = ["nummer", "nr", "number", "numret", "numre", "numbers", "nummeret"]
    private static let phonePrefixes = UTF8Phrases(["telefon", "mobil", "tlf", "phone", "handy", "cell", "rufnummer", "fastnet"])
}
