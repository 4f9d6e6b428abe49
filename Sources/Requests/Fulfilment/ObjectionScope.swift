import MailCore

/// What an objection (GDPR Art. 21) is about: sharing with partners, direct
/// marketing, or both.
public enum ObjectionScope: String, Sendable, Codable, Equatable, CaseIterable {
    case sharing
    case marketing
    case both

    public var includesSharing: Bool { self != .marketing }
    public var includesMarketing: Bool { self != .sharing }

    /// Reads the scope from the words of the person's own text (not quoted
    /// replies). A text naming neither purpose objects to both: that is the
    /// reading that protects the person.
    public static func from(text: String) -> ObjectionScope {
        let words = ObjectionVocabulary.words(of: text)
        let sharing = words.contains(where: ObjectionVocabulary.isSharingWord)
            || ObjectionVocabulary.containsThirdParty(words)
        let marketing = words.contains(where: ObjectionVocabulary.isMarketingWord)
        switch (sharing, marketing) {
        case (true, false): return .sharing
        case (false, true): return .marketing
        default: return .both
        }
    }
}

/// The word stems that name each purpose, in the languages dsrd reads.
enum ObjectionVocabulary {
    /// A word matches when it starts with one of these (after lowercasing).
    static let sharingStems = [
        "partner", "share", "sharing", "disclos",
        "deling", "tredjepart", "videreformidl", "utlever", "utlevering",
        "delning",
        "dritte", "weitergabe", "weitergeb", "weiterzugeb", "übermittl",
        "videregiv", "tredjemand",
    ]
    /// Short verbs that must be the whole word: as prefixes they would also
    /// match unrelated words ("del" is "part", "delay", "delete"…).
    static let sharingWords: Set<String> = ["dele", "deler", "deles", "delt", "dela", "delar", "delas", "delat"]

    static let marketingStems = [
        "marketing", "newsletter", "advertis", "promotion",
        "nyhetsbrev", "markedsfør", "reklame", "direktemarkedsf",
        "utskick", "marknadsför", "reklam", "direktreklam",
        "werbung", "werbe", "nyhedsbrev",
    ]

    private static let sharingPrefixes = UTF8Phrases(sharingStems)
    private static let sharingSuffixes = UTF8Phrases(["deling", "weitergabe"])
    private static let marketingPrefixes = UTF8Phrases(marketingStems)
    private static let marketingSuffixes = UTF8Phrases(["markedsføring", "reklame", "werbung", "nyhetsbrev", "newsletter", "utskick"])

    /// The lowercased runs of letters and digits. Scalar by scalar: a mark
    /// that extends the character before it (a combining accent) goes with
    /// that character, as a `Character` of a letter would.
    static func words(of text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        var inWord = false
        var first = true
        for scalar in text.lowercased().unicodeScalars {
            defer { first = false }
            if !first && !scalar.isASCII && extendsCharacter(scalar) {
                if inWord { current.append(scalar) }
                continue
            }
            if isWordScalar(scalar) {
                current.append(scalar)
                inWord = true
            } else {
                if !current.isEmpty {
                    words.append(String(current))
                    current = String.UnicodeScalarView()
                }
                inWord = false
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 97 && value <= 122) || (value >= 65 && value <= 90) || (value >= 48 && value <= 57)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    private static func extendsCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isGraphemeExtend || scalar == "\u{200D}" || scalar.properties.generalCategory == .spacingMark
    }

    static func isSharingWord(_ word: String) -> Bool {
        sharingWords.contains(word) || sharingPrefixes.anyPrefix(of: word) || sharingSuffixes.anySuffix(of: word)
    }

    /// "third party/parties", "tredje part" (sv): two words that only together name sharing.
    static func containsThirdParty(_ words: [String]) -> Bool {
        zip(words, words.dropFirst()).contains { first, second in
            (first == "third" || first == "tredje") && second.hasPrefixBytes("part")
        }
    }

    static func isMarketingWord(_ word: String) -> Bool {
        marketingPrefixes.anyPrefix(of: word) || marketingSuffixes.anySuffix(of: word)
    }
}
