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

    static func words(of text: String) -> [String] {
        text.lowercased()
            .split(whereSeparator: { !($0.isLetter || $0.isNumber) })
            .map(String.init)
    }

    static func isSharingWord(_ word: String) -> Bool {
        sharingWords.contains(word) || sharingStems.contains(where: { word.hasPrefix($0) })
            || word.hasSuffix("deling") || word.hasSuffix("weitergabe")
    }

    /// "third party/parties", "tredje part" (sv): two words that only together name sharing.
    static func containsThirdParty(_ words: [String]) -> Bool {
        zip(words, words.dropFirst()).contains { first, second in
            (first == "third" && second.hasPrefix("part")) || (first == "tredje" && second.hasPrefix("part"))
        }
    }

    static func isMarketingWord(_ word: String) -> Bool {
        marketingStems.contains(where: { word.hasPrefix($0) })
            || ["markedsføring", "reklame", "werbung", "nyhetsbrev", "newsletter", "utskick"]
                .contains(where: { word.hasSuffix($0) })
    }
}
