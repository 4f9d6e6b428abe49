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
