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
    /// letter would. ASCII bytes, most of any text, are read as bytes.
    static func forEachWord(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var current: [UInt8] = []
            current.reserveCapacity(32)
            var inWord = false
            var first = true
            func emit() {
                guard !current.isEmpty else { return }
                current.withUnsafeBufferPointer(body)
                current.removeAll(keepingCapacity: true)
            }
            func take(_ scalar: Unicode.Scalar) {
                defer { first = false }
                if !first && !scalar.isASCII && extendsCharacter(scalar) {
                    if inWord { current.append(contentsOf: scalar.utf8) }
                    return
                }
                if isWordScalar(scalar) {
                    current.append(contentsOf: scalar.utf8)
                    inWord = true
                } else {
                    emit()
                    inWord = false
                }
            }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    first = false
                    if isASCIIWordByte(byte) {
                        current.append(byte >= 65 && byte <= 90 ? byte + 32 : byte)
                        inWord = true
                    } else {
                        emit()
                        inWord = false
                    }
                    index += 1
                    continue
                }
                let (scalar, length) = UTF8Bytes.scalar(in: bytes, at: index)
                index += length
                for lowered in scalar.properties.lowercaseMapping.unicodeScalars { take(lowered) }
            }
            emit()
        }
    }

    private static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57)
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return isASCIIWordByte(UInt8(truncatingIfNeeded: scalar.value)) }
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
