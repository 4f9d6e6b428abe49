/// Misspelt cue words read as the cue: "delet", "acess", "unsubcribe",
/// "sletet", "insigt", "LÖCHEN", "registerutrdag".
///
/// A word of five letters or more that is one typing slip away from a cue
/// word — a letter left out, a letter doubled or added, or two neighbours
/// swapped — is replaced by the cue before phrases are matched. A letter
/// typed in place of another is not corrected: that is how other real words
/// differ from cues ("slutte" and "slette", "remote" and "remove").
enum FuzzyCues {
    /// The cue words, folded; words of the languages' ordinary vocabulary that
    /// are one slip from a cue are listed in `realWords` and left alone.
    static let cues: [String] = [
        // en
        "delete", "erase", "remove", "access", "unsubscribe", "rectify", "correct", "update", "account", "information",
        "personal", "newsletter", "marketing", "forgotten", "deletion", "erasure",
        // nb, nn
        // (Words with a near twin in a sibling language, as "opplysninger"
        // and "oplysninger" or "nyhetsbrev" and "nyhedsbrev", are left out.)
        "slette", "slettet", "slettes", "sletting", "innsyn", "avmeld", "avmelde", "reklame", "markedsføring", "sletta",
        // da
        "indsigt", "sletning", "afmeld", "afmelde",
        // sv
        "radera", "raderas", "registerutdrag", "avregistrera", "personuppgifter",
        // de
        "löschen", "löscht", "lösche", "auskunft", "berichtigung", "widerspruch", "widerspreche", "widersprechen", "abmelden",
        "datenschutz", "gelöscht",
    ]

    /// German written without umlauts, as on a foreign keyboard.
    static let transliterations: [String: String] = [
        "loeschen": "löschen", "loesche": "lösche", "loescht": "löscht", "geloescht": "gelöscht", "loeschung": "löschung",
        "aendern": "ändern", "aendert": "ändert", "aenderung": "änderung", "geaendert": "geändert", "ueber": "über",
        "uebermitteln": "übermitteln", "uebersicht": "übersicht", "moechte": "möchte", "koennen": "können",
        "koennt": "könnt", "hoert": "hört", "hoeren": "hören",
    ]

    /// Real words one slip from a cue.
    /// Norwegian "sette" ("kan dere sette meg på igjen?"), "settet", "settes",
    /// "setting", "setta" and "setning" are "slette"… with the "l" left out.
    static let realWords: WordSet = [
        "insyn", "rader", "erased", "removed", "updated", "accessed", "sette", "settet", "settes", "setting", "setta", "setning",
    ]

    private static let cueSet = Set(cues)
    private static let cueScalars: [[Unicode.Scalar]] = cues.map { Array($0.unicodeScalars) }
    private static let longestCue = cueScalars.map(\.count).max() ?? 0
    private static let cueLengths = cueScalars.map(\.count)
    private static let cueMasks: [UInt64] = cueScalars.map { $0.reduce(0) { $0 | letterBit($1) } }

    /// A bit for a letter (several letters may share one): one slip leaves
    /// at most one letter in one word but not the other, so the bits of a
    /// word and of a cue it slipped from differ in at most one place.
    private static func letterBit(_ scalar: Unicode.Scalar) -> UInt64 { 1 << UInt64(scalar.value & 63) }

    static func corrected(_ tokens: [String], knowing vocabulary: Vocabulary = .everyLanguage) -> [String] {
        var result = tokens
        for (index, token) in tokens.enumerated() {
            if mayBeTransliterated(token), let plain = transliterations[token] {
                result[index] = plain
            } else if let cue = cue(for: token, knowing: vocabulary) {
                result[index] = cue
            }
        }
        return result
    }

    /// Whether the word has an "ae", "oe" or "ue", as every transliteration
    /// does: a byte scan spares most words the table lookup.
    private static func mayBeTransliterated(_ token: String) -> Bool {
        var previous: UInt8 = 0
        for byte in token.utf8 {
            if byte == UInt8(ascii: "e") && (previous == UInt8(ascii: "a") || previous == UInt8(ascii: "o") || previous == UInt8(ascii: "u")) {
                return true
            }
            previous = byte
        }
        return false
    }

    /// The cue the word is a slip of, or nil. A word the lexicons of the
    /// mail's language use is no slip ("delte" is Norwegian for "shared",
    /// but in English mail a slip of "delete").
    static func cue(for token: String, knowing vocabulary: Vocabulary = .everyLanguage) -> String? {
        // Counted before copied: most words are too short or too long to be a slip of any cue.
        var count = 0
        var mask: UInt64 = 0
        for scalar in token.unicodeScalars {
            count += 1
            mask |= letterBit(scalar)
        }
        guard count >= 5, count <= longestCue + 1 else { return nil }
        // One slip keeps the first letter, or swaps, drops or adds it: a cue
        // whose first two letters do not meet the word's so cannot be one.
        var iterator = token.unicodeScalars.makeIterator()
        guard let first = iterator.next(), let second = iterator.next() else { return nil }
        var scalars: [Unicode.Scalar] = []
        // Lengths and letter bits first, from flat arrays: most cues fail them.
        let masks = cueMasks
        let lengths = cueLengths
        for number in masks.indices {
            let difference = count - lengths[number]
            guard abs(difference) <= 1, (mask ^ masks[number]).nonzeroBitCount <= 1 else { continue }
            let cue = cueScalars[number]
            guard cue[0] == first || cue[1] == first || cue[0] == second else { continue }
            if scalars.isEmpty {
                // A cue itself, or a real word one slip from one, is no slip.
                guard !cueSet.contains(token), !realWords.contains(token) else { return nil }
                scalars = Array(token.unicodeScalars)
            }
            // An inflection of the cue ("deleted", "slettet") is no slip.
            if difference == 1 && scalars.starts(with: cue) { continue }
            if isOneSlip(scalars, cue) { return vocabulary.knows(token) ? nil : cues[number] }
        }
        return nil
    }

    /// The words and prefixes a set of phrases uses: a word some phrase
    /// knows ("slett", nynorsk "nyheitsbrev") is no slip, whatever cue of
    /// another language it resembles. A short prefix ("register*") does not
    /// make a long word known.
    struct Vocabulary: Sendable {
        let words: Set<String>
        /// The prefixes of four letters or more, with their length in letters.
        private let longPrefixes: [(prefix: String, letters: Int)]

        init(_ rules: [PhraseRule]) {
            var words = Set<String>()
            var prefixes = Set<String>()
            for rule in rules {
                for element in rule.pattern.elements {
                    for alternative in element.alternatives {
                        switch alternative {
                        case .word(let word): words.insert(word)
                        case .prefix(let prefix): prefixes.insert(prefix)
                        case .infix: break
                        }
                    }
                }
            }
            self.init(words: words, prefixes: prefixes)
        }

        /// The vocabulary of several sets of phrases together.
        init(merging vocabularies: [Vocabulary]) {
            self.init(words: vocabularies.reduce(into: Set<String>()) { $0.formUnion($1.words) },
                      prefixes: vocabularies.reduce(into: Set<String>()) { $0.formUnion($1.longPrefixes.map(\.prefix)) })
        }

        private init(words: Set<String>, prefixes: Set<String>) {
            self.words = words
            longPrefixes = prefixes.sorted().map { ($0, $0.count) }.filter { $0.letters >= 4 }
        }

        func knows(_ token: String) -> Bool {
            if words.contains(token) { return true }
            let letters = token.count
            return longPrefixes.contains { $0.letters + 3 >= letters && token.hasPrefixBytes($0.prefix) }
        }

        /// Every lexicon's words, for mail whose language is not known.
        static let everyLanguage = Vocabulary(Language.allCases.flatMap { PhraseLexicon.lexicon(for: $0).rules })
    }

    /// One letter missing, one extra, or two neighbours swapped.
    static func isOneSlip(_ word: [Unicode.Scalar], _ cue: [Unicode.Scalar]) -> Bool {
        if word.count == cue.count {
            guard let first = word.indices.first(where: { word[$0] != cue[$0] }), first + 1 < word.count else { return false }
            return word[first] == cue[first + 1] && word[first + 1] == cue[first]
                && word[(first + 2)...].elementsEqual(cue[(first + 2)...])
        }
        let (long, short) = word.count > cue.count ? (word, cue) : (cue, word)
        var index = 0
        while index < short.count && long[index] == short[index] { index += 1 }
        return long[(index + 1)...].elementsEqual(short[index...])
    }
}
