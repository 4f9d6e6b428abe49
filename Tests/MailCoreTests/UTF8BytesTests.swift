import FuzzSupport
import Testing
@testable import MailCore

/// The byte-level tests agree with `String`'s own on text in one normalisation.
@Suite struct UTF8BytesTests {
    static let texts = ["", "a", "slett", "sletting", "kontoen min", "löschen", "gelöscht", "nøddeallergi",
                        "mail delivery failed: returning message", "out of office", "ø", "ab", "x\u{2019}s y"]
    static let parts = ["", "a", "slett", "ett", "löschen", "lösch", "ö", "allergi", "nødde", "delivery failed",
                        "of", "ø", "b", "\u{2019}s "]

    @Test func containsAgreesWithString() {
        for text in Self.texts {
            for part in Self.parts {
                let expected = part.isEmpty || text.unicodeScalars.count >= part.unicodeScalars.count
                    && (0...(text.unicodeScalars.count - part.unicodeScalars.count)).contains { start in
                        text.unicodeScalars.dropFirst(start).starts(with: part.unicodeScalars)
                    }
                #expect(text.containsBytes(part) == expected, "\(text) / \(part)")
                #expect(Substring(text).containsBytes(Substring(part)) == expected, "\(text) / \(part) as substrings")
            }
        }
    }

    @Test func prefixAndSuffixAgreeWithString() {
        for text in Self.texts {
            for part in Self.parts {
                #expect(text.hasPrefixBytes(part) == text.hasPrefix(part), "\(text) / \(part)")
                #expect(UTF8Phrases([part]).anySuffix(of: text) == text.hasSuffix(part), "\(text) / \(part)")
            }
        }
    }

    @Test func phraseListsAgreeWithAskingEachPhrase() {
        // Bucketed by first and last byte: the same answers as asking each phrase in turn.
        // (Without the empty part, which every text starts and ends with.)
        let parts = Self.parts.filter { !$0.isEmpty }
        let phrases = UTF8Phrases(parts)
        for text in Self.texts {
            #expect(phrases.anyPrefix(of: text) == parts.contains { text.hasPrefixBytes($0) }, "\(text)")
            #expect(phrases.anySuffix(of: text) == parts.contains { UTF8Phrases([$0]).anySuffix(of: text) }, "\(text)")
        }
    }

    @Test func phraseListsMatchAnyOfTheirPhrases() {
        let stems = UTF8Phrases(["partner", "deling", "weitergab"])
        #expect(stems.anyPrefix(of: "partnere"))
        #expect(stems.anyPrefix(of: "weitergabe"))
        #expect(!stems.anyPrefix(of: "datadeling"))
        #expect(stems.anySuffix(of: "datadeling"))
        #expect(!stems.anySuffix(of: "delingen"))
        #expect(stems.anyContained(in: "ingen datadeling her"))
        #expect(!stems.anyContained(in: "part ner"))
        #expect(!UTF8Phrases([]).anyPrefix(of: "x"))
        #expect(UTF8Phrases([""]).anyPrefix(of: "x"))
        #expect(!UTF8Phrases(["longer"]).anySuffix(of: "er"))
    }

    @Test func lowercasingByScalarIsLowercased() {
        // ASCII, Latin letters, final sigma, dotted I, Kelvin and Ohm signs, capital sharp s, Deseret, combining marks, CR LF.
        let pool = Array("AbZ09 ÆØÅæøåÄÖÜß ΣΑΣ İI \u{212A}\u{2126} ẞ \u{10400}\u{10428} e\u{301}\u{20DD} \r\n\t«»-:")
        var generator = SeededGenerator(seed: 5)
        for _ in 0..<500 {
            let text = String((0..<Int.random(in: 0...40, using: &generator)).map { _ in pool.randomElement(using: &generator) ?? "a" })
            #expect(text.lowercasedByScalar() == text.lowercased(), "\(text.unicodeScalars.map(\.value))")
            #expect(Array(text.lowercasedByScalar().utf8) == Array(text.lowercased().utf8))
        }
    }
}

/// Trimming and byte searches on bytes agree with the scalar-by-scalar reading.
@Suite struct ByteLevelCleaningTests {
    /// Blanks trimmed scalar by scalar: what `trimmingBlanks` must give.
    private func reference(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard let start = scalars.firstIndex(where: { !$0.isBlank }),
              let end = scalars.lastIndex(where: { !$0.isBlank }) else { return "" }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[start...end])
        return String(result)
    }

    @Test func trimmingBlanksAgreesWithScalars() {
        let pieces = ["", " ", "\t", "\r\n", "\u{A0}", "a", "ø", "\u{C2}", "x y", "\u{2003}", "\u{A0}b\u{A0}", "Ä"]
        var generator = SeededGenerator(seed: 5)
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            #expect(text.trimmingBlanks() == reference(text), "\(text.debugDescription)")
        }
        #expect(" \u{A0}Kari Nordmann\u{A0}\t".trimmingBlanks() == "Kari Nordmann")
        #expect("\u{A0} \r\n".trimmingBlanks() == "")
    }

    @Test func containsByteAgreesWithTheView() {
        for text in ["", "a", "x:y", "æøå:", String(repeating: "lang linje ", count: 50) + "@"] {
            for byte in [UInt8(ascii: ":"), UInt8(ascii: "@"), 0xC3, 0x0D] {
                #expect(text.containsByte(byte) == text.utf8.contains(byte), "\(text) / \(byte)")
            }
        }
    }

    /// A quoted header line's key read on bytes is the key read by Characters.
    @Test func headerKeysOnBytesAgreeWithCharacters() {
        let pieces = ["From", "fra", "Date", "Subject", ":", " ", "\t", "*", "3", "a", "Z", "é", "e\u{301}", ":\u{301}",
                      "Sent by mobile", "https://x.example", "\r", "Kari:", "  ", "x"]
        var random = SeededGenerator(seed: 7)
        for _ in 0..<4000 {
            let line = (0..<Int.random(in: 1...9, using: &random)).map { _ in pieces.randomElement(using: &random) ?? "" }.joined()
            #expect(QuoteMarkers.headerKey(line) == QuoteMarkers.characterHeaderKey(line), "\(Array(line.utf8))")
        }
    }
}
