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
        var sharing = false
        var marketing = false
        var afterThird = false
        ObjectionVocabulary.forEachWord(of: text) { word in
            sharing = sharing || ObjectionVocabulary.isSharingWord(word)
                || afterThird && UTF8Bytes.hasPrefix(word, ObjectionVocabulary.partStem)
            marketing = marketing || ObjectionVocabulary.isMarketingWord(word)
            afterThird = ObjectionVocabulary.thirdWords.contains { UTF8Bytes.equal(word, $0) }
        }
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

    /// Each lowercased run of letters and digits, as UTF-8, without a
    /// lowercased copy of the text or a string per word: each scalar is
    /// lowercased as `lowercased()` does it, by its own lowercase mapping.
    /// Scalar by scalar: a mark that extends the character before it (a
    /// combining accent) goes with that character, as a `Character` of a
    /// letter would.
    static func forEachWord(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var current: [UInt8] = []
        var inWord = false
        var first = true
        func emit() {
            if !current.isEmpty { current.withUnsafeBufferPointer(body) }
            current.removeAll(keepingCapacity: true)
        }
        func take(_ scalar: Unicode.Scalar) {
            defer { first = false }
            if !first && !scalar.isASCII && extendsCharacter(scalar) {
                if inWord { current.append(contentsOf: scalar.utf8) }
                return
            }
            if isWordScalar(scalar) {
                if scalar.isASCII { current.append(UInt8(truncatingIfNeeded: scalar.value)) } else { current.append(contentsOf: scalar.utf8) }
                inWord = true
            } else {
                emit()
                inWord = false
            }
        }
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let value = scalar.value
                take(value >= 65 && value <= 90 ? Unicode.Scalar(UInt8(value + 32)) : scalar)
            } else {
                for lowered in scalar.properties.lowercaseMapping.unicodeScalars { take(lowered) }
            }
        }
        emit()
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

    /// The whole-word verbs as bytes (all ASCII, so byte equality is `String` equality).
    private static let sharingWordBytes = sharingWords.map { Array($0.utf8) }

    static func isSharingWord(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        sharingWordBytes.contains { UTF8Bytes.equal(word, $0) } || sharingPrefixes.anyPrefix(of: word)
            || sharingSuffixes.anySuffix(of: word)
    }

    /// "third party/parties", "tredje part" (sv): two words that only together name sharing.
    static let thirdWords = [Array("third".utf8), Array("tredje".utf8)]
    static let partStem = Array("part".utf8)

    static func isMarketingWord(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        marketingPrefixes.anyPrefix(of: word) || marketingSuffixes.anySuffix(of: word)
    }
}
