import Foundation
import MailCore

/// Reads a field value that starts at a word of a sentence.
enum ValueReader {
    private static let openQuotes: Set<Character> = ["\"", "\u{201C}", "\u{201E}", "\u{00AB}", "'", "\u{2018}", "\u{00BB}"]
    private static let closeQuotes: Set<Character> = ["\"", "\u{201D}", "\u{201C}", "\u{00BB}", "'", "\u{2019}", "\u{00AB}"]
    /// Words that end a value ("…to Aasland and my phone…", "…til Berg i stedet").
    private static let stopWords: WordSet = [
        "and", "og", "och", "und", "og", "please", "instead", "i", "thanks", "thank", "takk", "tack", "danke",
        "from", "fra", "från", "frå", "von", "not", "ikke", "ikkje", "inte", "nicht", "but", "men", "aber",
        "since", "because", "fordi", "da", "weil", "eftersom", "as", "som", "which", "where", "instead",
        "bitte", "vennligst", "venligst", "vänligen", "also", "også", "också", "auch", "then", "så",
        "now", "nå", "no", "nu", "jetzt", "nun", "statt", "anstatt", "rather", "stedet", "stället", "bisher", "previously", "tidligere",
        // "min titel är utvecklingschef sedan i våras"
        "sedan", "sidan", "seit",
    ]
    /// Prepositions end a short value ("vegetarian for the banquet").
    private static let prepositions: WordSet = [
        "for", "at", "in", "on", "with", "til", "på", "hos", "ved", "med", "för", "vid", "bei", "für", "zum", "zur", "mit", "im", "am",
        "before", "inför", "före", "før", "vor", "until", "innan", "i", "hjå",
        "since",
        // "skrive glutenfri ud for mit navn"
        "ud", "ut",
    ]
    private static let fillerWords: WordSet = ["now", "nå", "no", "nu", "jetzt", "nun", "simply", "just", "bare", "berre", "einfach",
                                                   "heller", "instead", "istället", "stattdessen", "hellere", "actually", "faktisk",
                                                   "egentlig", "eigentlich", "faktiskt", "egentligen", "really", "aber", "elles",
                                                   "ellers", "otherwise", "btw", "wirklich", "altså", "altso", "alltså", "also",
                                                   // "Nå er jeg avdelingsleder", "jetzt bin ich …": the subject after the verb.
                                                   "jeg", "eg", "jag", "ich"]
    private static let maxWords = 12
    /// Organisations, titles, nationalities and diets are short.
    private static let maxShortWords = 6

    /// Diets named as a value: "vegan", "vegetarianer", "glutenfri".
    private static let dietPrefixes = ["vegan", "vegetar", "pescetar", "glutenfri", "gluten-free", "laktosefri", "lactose-free",
                                       "halal", "kosher", "laktosfri", "glutenfrei", "laktosefrei", "nøtteallergi", "nøddeallergi",
                                       "nötallergi", "nussallergie", "nut", "peanut", "cøliaki", "celiac", "coeliac", "zöliakie",
                                       "laktoseintolerant", "laktosintolerant", "lactose", "pescatarian", "melkefri", "mjølkefri",
                                       "mælkefri", "mjölkfri", "milchfrei", "dairy-free", "nøtter", "nötter", "nødder", "nüsse",
                                       "shellfish", "skalldyr", "skaldyr", "skaldjur", "schalentier"]

    /// Nationalities as people write them, in the six languages ("dansk",
    /// "Canadian", "Österreicherin").
    private static let dietPhrases = UTF8Phrases(dietPrefixes)
    private static let nationalityPhrases = UTF8Phrases(nationalityPrefixes)

    static let nationalityPrefixes = [
        "norsk", "svensk", "dansk", "finsk", "færøsk", "islandsk", "tysk", "polsk", "britisk", "amerikansk", "kanadisk", "fransk",
        "irsk", "nederlandsk", "spansk", "italiensk", "litauisk", "latvisk", "estisk", "ukrainsk", "norwegian", "swedish", "danish",
        "finnish", "icelandic", "german", "polish", "british", "american", "canadian", "french", "irish", "dutch", "spanish",
        "italian", "lithuanian", "ukrainian", "australian", "deutsch", "österreich", "schweizer", "norweg", "schwed", "dän", "finn",
        "pole", "polin", "brite", "britin", "französ", "irin", "ire", "niederländ", "fær", "isländ", "tysk", "schweiz",
    ]

    static func isNationalityWord(_ word: String) -> Bool {
        nationalityPhrases.anyPrefix(of: word) && word.count >= 4
    }

    static func isDietWord(_ word: String) -> Bool {
        dietPhrases.anyPrefix(of: word)
    }

    static func isNationality(_ words: SentenceWords, at start: Int) -> Bool {
        var index = start
        while index < words.folded.count && isFiller(words.folded[index]) { index += 1 }
        guard index < words.folded.count else { return false }
        let word = words.folded[index]
        return word.count >= 4 && nationalityPhrases.anyPrefix(of: word)
    }

    /// A value's first word (after fillers): capitalised, a number, an
    /// address, a diet or a nationality.
    static func startsLikeValue(_ words: SentenceWords, at start: Int) -> Bool {
        var index = start
        while index < words.folded.count && isFiller(words.folded[index]) { index += 1 }
        guard index < words.original.count, let first = words.original[index].first else { return false }
        let word = words.original[index]
        // "(+47) 401-23-456", "+45 21 43 65 87"
        let countryCode = (first == "+" || first == "(") && word.dropFirst().first.map { $0 == "+" || $0.isNumberFast } == true
        return first.isUppercase || first.isNumberFast || countryCode || word.utf8.contains(UInt8(ascii: "@"))
            || isDiet(words, at: index) || isNationality(words, at: index)
    }

    /// A filler word before a value, also with a colon ("jetzt:").
    static func isFiller(_ word: String) -> Bool {
        fillerWords.contains(word.endsWithByte(UInt8(ascii: ":")) ? String(word.dropLast()) : word)
    }

    static func isDiet(_ words: SentenceWords, at start: Int) -> Bool {
        var index = start
        while index < words.folded.count && isFiller(words.folded[index]) { index += 1 }
        guard index < words.folded.count else { return false }
        let word = words.folded[index]
        return dietPhrases.anyPrefix(of: word)
    }

    /// Guesses a field from the value itself: an e-mail address or a phone number.
    static func guessField(_ words: SentenceWords, from start: Int) -> RectificationField? {
        guard start < words.original.count else { return nil }
        var first = start
        while first < words.folded.count && isFiller(words.folded[first]) { first += 1 }
        guard first < words.original.count else { return nil }
        let word = words.original[first]
        if word.utf8.contains(UInt8(ascii: "@")) { return .email }
        let digits = word.filter(\.isNumberFast).count
        if digits >= 3 && digits * 2 >= word.count { return .phone }
        // "(+47) 401-23-456": a country code before the number.
        if word.hasPrefix("+") || word.hasPrefix("(+"), (1...3).contains(digits), first + 1 < words.original.count {
            let next = words.original[first + 1]
            let nextDigits = next.filter(\.isNumberFast).count
            if nextDigits >= 3 && nextDigits * 2 >= next.count { return .phone }
        }
        if looksLikeAddress(words.original, from: first) || words.folded[first] == "c/o" { return .address }
        if looksLikeCompany(words.original, from: first) { return .organization }
        return nil
    }

    /// "Fjellkraft Energi AS": capitalised words ending in a company suffix.
    private static func looksLikeCompany(_ words: [String], from start: Int) -> Bool {
        guard let firstLetter = words[start].first, firstLetter.isUppercase else { return false }
        for word in words[start..<min(words.count, start + 5)].dropFirst() {
            let bare = word.trimmingScalars(in: ".,;:!?)").lowercased()
            if RectificationVocabulary.companySuffixes.contains(bare) && word.first?.isUppercase == true { return true }
            if word.first?.isUppercase != true { return false }
        }
        return false
    }

    /// "Fjellveien 2, 2815 Gjøvik", "Vasagatan 17, 3 tr, 411 24 Göteborg": a
    /// street word, then a postcode followed by a capitalised place name.
    private static func looksLikeAddress(_ words: [String], from start: Int) -> Bool {
        guard let firstLetter = words[start].first, firstLetter.isUppercase else { return false }
        let window = Array(words[start..<min(words.count, start + 9)])
        for offset in window.indices.dropFirst() {
            if let place = postcodeLength(window, at: offset), offset + place < window.count,
               window[offset + place].first?.isUppercase == true {
                return true
            }
        }
        return false
    }

    /// How many words the postcode at `index` takes: one of four or five
    /// digits ("2815", "50674"), or a Swedish one of three and two ("411 24");
    /// nil when none stands there.
    static func postcodeLength(_ words: [String], at index: Int) -> Int? {
        func isDigits(_ word: String, _ counts: ClosedRange<Int>) -> Bool {
            counts.contains(word.utf8.count) && word.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        }
        if isDigits(words[index], 4...5) { return 1 }
        if isDigits(words[index], 3...3), index + 1 < words.count, isDigits(words[index + 1], 2...2) { return 2 }
        return nil
    }

    static func read(_ words: SentenceWords, from start: Int, field: RectificationField, language: Language) -> String? {
        var start = start
        while start < words.folded.count && isFiller(words.folded[start]) { start += 1 }
        guard start < words.original.count else { return nil }
        // "…is right for next month": a value does not start with a preposition.
        if field != .address && words.original[start] == words.folded[start] && prepositions.contains(words.folded[start]) { return nil }
        let value: String?
        switch field {
        case .email:
            value = words.original[start...].prefix(4).first { $0.utf8.contains(UInt8(ascii: "@")) }.map(cleanEmail)
        case .phone:
            value = readPhone(words.original, from: start, language: language)
        default:
            value = quoted(words.original, from: start) ?? readText(words, from: start, field: field)
        }
        guard let result = value?.trimmingSpaces(), !result.isEmpty, result.count <= 120,
              !pronouns.contains(result.lowercased()) else { return nil }
        // "bin inzwischen befördert worden", "I've been promoted": a change of state, no value.
        let words = result.lowercased().split(separator: " ").map(String.init)
        if field != .address, [words.first, words.last].contains(where: { $0.map(statesWords.contains) == true }) { return nil }
        return result
    }

    /// Months in the six languages, as prefixes ("januar", "März", "mai").
    private static let monthPrefixes = UTF8Phrases(["jan", "feb", "mar", "mär", "apr", "may", "mai", "jun", "jul", "aug", "sep", "oct",
                                                    "okt", "nov", "dec", "des", "dez"])

    /// Auxiliaries and participles that tell a change of state, not a value.
    private static let statesWords: WordSet = ["worden", "geworden", "blitt", "blevet", "blivit", "been", "vorte", "vorden",
                                               "befördert", "promoted", "forfremmet", "forfremma", "befordret", "befordrad", "forfremmede"]

    /// A word of pictographs only: flags, faces, hearts.
    private static func isEmoji(_ word: String) -> Bool {
        word.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isEmojiPresentation || (0x1F1E6...0x1F1FF).contains(scalar.value) || scalar.value == 0xFE0F || scalar.value == 0x200D
                || (0x1F300...0x1FAFF).contains(scalar.value)
        }
    }

    /// A pronoun is no value: "…a dropdown that had nothing close to mine".
    private static let pronouns: WordSet = [
        "mine", "yours", "his", "hers", "ours", "theirs", "it", "min", "mitt", "mi", "mina", "dere", "dykk", "er", "jer",
        "meins", "meine", "deins", "es", "ihn", "sie",
    ]

    /// Splits "Kari Nordmann" into first and last name when a whole name was changed.
    /// When the writer says the surname changed ("har skiftet efternavn …
    /// jeg hedder nu Sofie Kragh Holm"), all after the first name is the
    /// surname; otherwise the last word is.
    static func splitName(_ value: String, field: RectificationField, whole: Bool, surnameChanged: Bool = false)
        -> [(RectificationField, String)] {
        let parts = value.split(separator: " ").map(String.init)
        guard whole, parts.count >= 2, let first = parts.first, let last = parts.last else { return [(field, value)] }
        return [(.firstName, first), (.lastName, surnameChanged ? parts.dropFirst().joined(separator: " ") : last)]
    }

    private static func cleanEmail(_ word: String) -> String {
        let trimmed = word.trimmingScalars(in: "<>()[]\"'.,;:!?«»\u{201C}\u{201D}")
        return trimmed.hasPrefix("mailto:") ? String(trimmed.dropFirst(7)) : trimmed
    }

    private static func readPhone(_ words: [String], from start: Int, language: Language) -> String? {
        var text = ""
        for word in words[start...].prefix(6) {
            let stripped = word.trimmingScalars(in: "\"'«»\u{201C}\u{201D}.,;:)(?!")
            guard !stripped.isEmpty, stripped.allSatisfy({ $0.isNumberFast || "+-./()".contains($0) }) else { break }
            text += stripped
            if word.endsWithByte(UInt8(ascii: ",")) || word.endsWithByte(UInt8(ascii: ";")) || word.endsWithByte(UInt8(ascii: ".")) && text.filter(\.isNumberFast).count >= 8 { break }
        }
        return PhoneNumber.normalize(text, language: language)
    }

    /// A value in quotes: «Haugland», "Nygårdsgaten 5, 5015 Bergen".
    private static func quoted(_ words: [String], from start: Int) -> String? {
        guard let first = words[start].first, openQuotes.contains(first) else { return nil }
        var parts: [String] = []
        for word in words[start...].prefix(maxWords) {
            parts.append(word)
            let end = word.trimmingScalars(in: ".,;:!?)")
            if parts.count == 1 ? end.count > 1 && end.last.map(closeQuotes.contains) == true : end.last.map(closeQuotes.contains) == true {
                break
            }
        }
        let joined = parts.joined(separator: " ")
        return joined.trimmingScalars(in: "\"'«»\u{201C}\u{201D}\u{201E}\u{2018}\u{2019}.,;:!?() ")
    }

    /// "Flat 3, 48 Kingsley Street", "Bergen", "Storgata 10": a number or
    /// capitalised words, not "January but my invoice" after "moved in".
    static func looksLikePlace(_ value: String) -> Bool {
        let parts = value.split(separator: " ")
        return value.contains(where: \.isNumberFast) || parts.count <= 3 && parts.allSatisfy { $0.first?.isUppercase == true }
    }

    /// A floor or side in an address ("2.", "th.", "tv.", "etg.", "leil."), not a full stop.
    static func isAddressAbbreviation(_ word: String) -> Bool {
        let bare = word.dropLast()
        return !bare.isEmpty && (bare.allSatisfy(\.isNumberFast) || bare.count <= 3 && bare.allSatisfy(\.isLetterFast)
            || longAddressAbbreviations.contains(bare.lowercased()))
    }

    /// Abbreviations of four letters or more inside an address: a flat ("leil.", "leilighet"), a storey.
    private static let longAddressAbbreviations: WordSet = ["leil", "bolig", "oppg", "bygn", "whng", "etasj"]

    /// Where the last word of a postcode stands in an address being read
    /// ("2815", "50674,", the "24" of "411 24").
    private static func postcodeIndex(_ words: [String], from start: Int, before end: Int) -> Int? {
        (start..<end).last { index in
            let digits = words[index].filter(\.isNumberFast)
            guard digits.count == words[index].filter({ $0 != "," }).count else { return false }
            if digits.count == 4 || digits.count == 5 { return true }
            return digits.count == 2 && index > start && postcodeLength(words, at: index - 1) == 2
        }
    }

    /// "Citizen" in the six languages, after a nationality.
    static let citizenWords: WordSet = [
        "citizen", "national", "statsborger", "statsborgar", "medborgare", "medborger", "staatsbürger", "staatsbürgerin",
        "statsborgerskab", "statsborgarskap", "statsborgerskap", "medborgarskap", "staatsangehöriger", "staatsangehörige",
    ]

    /// Words that may stand before a diet in a list ("no nuts", "ingen nøtter").
    private static let dietListWords: WordSet = ["no", "ingen", "ikke", "ikkje", "kein", "keine", "inga", "uden", "without", "ohne", "utan",
                                                     "and", "og", "och", "und"]

    /// Whether a diet (after at most one of `dietListWords`) starts at `index`.
    private static func continuesDietList(_ words: SentenceWords, at index: Int) -> Bool {
        guard index < words.folded.count else { return false }
        if isDietWord(words.folded[index]) { return true }
        return dietListWords.contains(words.folded[index]) && index + 1 < words.folded.count && isDietWord(words.folded[index + 1])
    }

    /// Free text: names are capitalised words; addresses run to the end of
    /// the sentence; other fields stop at a comma or a stop word.
    private static func readText(_ words: SentenceWords, from start: Int, field: RectificationField) -> String? {
        var parts: [String] = []
        for index in start..<min(words.original.count, start + maxWords) {
            let word = words.original[index]
            let folded = words.folded[index]
            let lowercase = word == word.lowercased()
            // (Nynorsk "no", now, ends a value; English "no" goes on a diet's list: "vegan, no nuts".)
            if index > start && lowercase && stopWords.contains(folded) && field != .address
                && !(field == .dietary && folded == "no" && continuesDietList(words, at: index)) { break }
            if index > start && lowercase && field != .address && field != .organization && prepositions.contains(folded) { break }
            // "Nordhavn Port Authority in January", "Fjellkraft AS fra mars": a time after an organisation's name.
            if field == .organization && index > start && lowercase && prepositions.contains(folded) && index + 1 < words.folded.count
                && monthPrefixes.anyPrefix(of: words.folded[index + 1]) { break }
            // ("OG" in "3. OG" is a German floor, not Norwegian "og".)
            if field == .address && index > start && lowercase
                && ["and", "og", "och", "und", "please", "instead", "from", "fra", "(", "i", "so", "but", "men", "aber", "because"].contains(folded) {
                break
            }
            // An aside in parentheses or after a dash ends a value: "Irish (you have UK)", "Canadian - could you…".
            if index > start && (word.hasPrefix("(") || word == "-" || word == "\u{2013}" || word == "\u{2014}") { break }
            // An emoji ends a value, and a sentence written without a stop: "dansk 🇩🇰", "København 🇩🇰 Ny adresse er …".
            if index > start && isEmoji(word) { break }
            // After the postcode and town, two capitalised words in a row start a new sentence:
            // "79098 Freiburg im Breisgau Vielen Dank", "6800 Førde Den gamle…".
            if field == .address, index > start + 2, let postcode = postcodeIndex(words.original, from: start, before: index),
               index >= postcode + 2, word.filter(\.isLetterFast).count > 1, word.first?.isUppercase == true,
               words.original[index - 1].first?.isUppercase == true, words.original[index - 1].count > 1 {
                break
            }
            if field == .firstName || field == .lastName {
                guard let first = word.first(where: { $0.isLetterFast }), first.isUppercase else { break }
            }
            // "…auf vegan ändern": the verb after a short value is not part of it. Verbs are written
            // in lowercase; "Kari Rettedal", "Fjord Setterberg AS" only start like one.
            if index > start && field != .address && lowercase && RectificationVocabulary.isChangeVerb(folded) { break }
            // "norsk statsborger", "Swedish citizen": the nationality is the adjective.
            if field == .nationality && index > start && Self.citizenWords.contains(folded) { break }
            parts.append(word)
            let last = word.last ?? " "
            // "vegetar, glutenfri", "vegan, no nuts": a diet named after a comma goes on the list.
            if field == .dietary && last == "," && continuesDietList(words, at: index + 1) { continue }
            if field != .address && (last == "," || last == ";" || last == ")") { break }
            // "2. th.", "3. etg.", "St." inside an address do not end it.
            if last == "." && field == .address && index + 1 < words.original.count && Self.isAddressAbbreviation(word)
                && (word.dropLast().allSatisfy(\.isNumberFast) || words.original[index + 1].first.map { !$0.isUppercase } ?? false) {
                continue
            }
            if last == "." || last == "!" || last == "?" { break }
            if (field == .firstName || field == .lastName) && parts.count >= 3 { break }
            if field != .address && parts.count >= maxShortWords { return nil }
        }
        let joined = parts.joined(separator: " ")
        let cleaned = joined.trimmingScalars(in: "\"'«»\u{201C}\u{201D}.,;:!?() ")
        return cleaned.isEmpty ? nil : cleaned
    }
}
