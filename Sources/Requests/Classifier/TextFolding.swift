import MailCore

/// Case and punctuation folding, done once per text so phrase matching can
/// compare plain lowercase words.
enum TextFolding {
    /// The token standing for a clause break (comma, semicolon, colon, dash).
    static let clauseBreak = ","

    /// Lowercases and expands English contractions ("don't" → "do not",
    /// "I'm" → "i am"), with typographic apostrophes made plain.
    static func fold(_ text: String) -> String {
        var lowered = text.lowercasedByScalar()
        // Plain scalar scans first, then byte-level replacements.
        var hasTypographic = false
        var hasApostrophe = false
        for scalar in lowered.unicodeScalars {
            if scalar == "\u{2019}" || scalar == "\u{2018}" { hasTypographic = true }
            if scalar == "'" { hasApostrophe = true }
        }
        guard hasTypographic || hasApostrophe else { return lowered }
        if hasTypographic {
            lowered = lowered.replacingBytes("\u{2019}", with: "'")
                .replacingBytes("\u{2018}", with: "'")
        }
        if lowered.utf8.contains(UInt8(ascii: "'")) {
            lowered = lowered.replacingBytes("i'm", with: "i am")
                .replacingBytes("i've", with: "i have")
                .replacingBytes("i'd", with: "i would")
                .replacingBytes("'re ", with: " are ")
                .replacingBytes("'ll ", with: " will ")
        }
        if lowered.containsBytes("n't") {
            lowered = lowered.replacingBytes("won't", with: "will not")
                .replacingBytes("can't", with: "can not")
                .replacingBytes("n't", with: " not")
        }
        return lowered
    }

    /// Splits folded text into word tokens. Letters and digits form words;
    /// commas, semicolons, colons and free-standing dashes become a single
    /// clause-break token; everything else (parentheses too: "byt ut A (B)
    /// mot C" is one phrase) separates words.
    static func tokens(_ folded: String) -> [String] {
        quotedTokens(folded).tokens
    }

    /// The tokens, and for each whether it stands inside quotation marks
    /// (« », „ “, “ ”, " "): words quoted from someone else's text. Read on
    /// the UTF-8 bytes: ASCII scalars are their byte, others are decoded.
    static func quotedTokens(_ folded: String) -> (tokens: [String], quoted: [Bool]) {
        var folded = folded
        return folded.withUTF8 { bytes in
            var result: [String] = []
            var quoted: [Bool] = []
            var inQuote = false
            result.reserveCapacity(bytes.count / 6)
            quoted.reserveCapacity(bytes.count / 6)
            // A word is a slice of the bytes, from `wordStart` to the scalar after it.
            var wordStart: Int?
            var previousWasSpace = true
            var index = 0
            while index < bytes.count {
                let (scalar, length) = bytes[index] < 0x80
                    ? (Unicode.Scalar(bytes[index]), 1) : UTF8Bytes.scalar(in: bytes, at: index)
                let nextIndex = index + length
                defer { index = nextIndex }
                if isWordScalar(scalar) {
                    if wordStart == nil { wordStart = index }
                    previousWasSpace = false
                    continue
                }
                if let start = wordStart {
                    appendWord(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self),
                               inQuote, to: &result, &quoted)
                    wordStart = nil
                }
                switch scalar {
                case "\u{AB}", "\u{201E}": inQuote = true
                case "\u{BB}": inQuote = false
                case "\"", "\u{201C}", "\u{201D}": inQuote.toggle()
                default: break
                }
                if isClauseBreak(scalar, previousWasSpace: previousWasSpace, next: {
                    nextIndex < bytes.count ? UTF8Bytes.scalar(in: bytes, at: nextIndex).0 : nil
                }), result.last != clauseBreak {
                    result.append(clauseBreak)
                    quoted.append(inQuote)
                }
                previousWasSpace = scalar == " " || scalar == "\t" || (!scalar.isASCII && scalar.properties.isWhitespace)
            }
            if let start = wordStart {
                appendWord(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self), inQuote,
                           to: &result, &quoted)
            }
            return (result, quoted)
        }
    }

    /// Contractions written without an apostrophe ("dont", "cant"), as
    /// people type on phones: read as the two words.
    private static let bareContractions: [String: (String, String)] = [
        "dont": ("do", "not"), "doesnt": ("does", "not"), "didnt": ("did", "not"), "cant": ("can", "not"),
        "wont": ("will", "not"), "isnt": ("is", "not"), "arent": ("are", "not"), "havent": ("have", "not"),
    ]

    private static func appendWord(_ word: String, _ inQuote: Bool, to tokens: inout [String], _ quoted: inout [Bool]) {
        // Every bare contraction is four to six letters ending in "nt": most words skip the table.
        if word.utf8.count >= 4, word.utf8.count <= 6, word.utf8.last == UInt8(ascii: "t"),
           let (first, second) = bareContractions[word] {
            tokens += [first, second]
            quoted += [inQuote, inQuote]
        } else if word.utf8.count == 3, word.utf8.last == UInt8(ascii: "j"), let written = spokenPronouns[word] {
            tokens.append(written)
            quoted.append(inQuote)
        } else {
            tokens.append(word)
            quoted.append(inQuote)
        }
    }

    /// Swedish pronouns spelt as they are said ("vill se allt ni har om
    /// mej"): read as written.
    private static let spokenPronouns: [String: String] = ["mej": "mig", "dej": "dig", "sej": "sig"]

    /// Letters and digits, with an ASCII fast path.
    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 97 && value <= 122) || (value >= 65 && value <= 90) || (value >= 48 && value <= 57)
        }
        return scalar.properties.isAlphabetic
    }

    private static func isClauseBreak(
        _ scalar: Unicode.Scalar, previousWasSpace: Bool, next: () -> Unicode.Scalar?
    ) -> Bool {
        switch scalar {
        case ",", ";", ":", "\u{2013}", "\u{2014}":
            return true
        case "-":
            // A dash between spaces is a clause break; "e-mail" is not.
            return previousWasSpace && (next().map { $0 == " " || $0 == "\t" || $0.properties.isWhitespace } ?? true)
        default:
            return false
        }
    }
}
