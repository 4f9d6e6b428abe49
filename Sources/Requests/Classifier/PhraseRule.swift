import MailCore

/// A weighted phrase pattern and how negation and passing mentions affect it.
struct PhraseRule: Sendable {
    let signal: Signal
    let weight: Double
    let pattern: PhrasePattern
    /// A negation before the phrase ("do not delete") cancels it.
    let negatable: Bool
    /// A passing-mention cue in the sentence does not weaken it (written
    /// with a leading `!`: "exercise my right to erasure").
    let firm: Bool
    /// Counts only in the subject line (written with a leading `^`):
    /// a bare "Unsubscribe" is a request there and a footer link elsewhere.
    let subjectOnly: Bool
    /// Counts only as a sentence of its own (written with a leading `=`):
    /// "STOP" alone asks to stop; "stop" in a sentence is any verb.
    let wholeSentence: Bool
    /// Words that, inside the match or next to it, make it someone else's:
    /// "we will delete your data", "vi sletter dataene dine", "their copy of
    /// the data".
    let foreign: Set<String>
    let language: Language
    /// Whether the phrase names the person's data or account as a whole
    /// (read from the pattern's own words, never from evidence text).
    let namesWholeRecord: Bool
    /// Whether the phrase names a photo or a video ("delete ~4 photo*").
    let namesPhoto: Bool
    /// The rule as evidence: its language and pattern, long lists of
    /// alternatives shortened ("en:delete|erase… ~3 my|me…").
    let evidence: String

    init(signal: Signal, weight: Double, pattern: PhrasePattern, negatable: Bool, firm: Bool, subjectOnly: Bool,
         wholeSentence: Bool, foreign: Set<String> = [], language: Language) {
        self.signal = signal
        self.weight = weight
        self.pattern = pattern
        self.negatable = negatable
        self.firm = firm
        self.subjectOnly = subjectOnly
        self.wholeSentence = wholeSentence
        self.foreign = foreign
        self.language = language
        namesWholeRecord = Self.namesWholeRecord(pattern)
        namesPhoto = Self.names(Self.photoStems, in: pattern)
        evidence = Self.evidence(pattern, language: language)
    }

    /// Stems that name a person's data or account as a whole, in the
    /// languages dsrd reads: an erasure phrase containing one ("delete all
    /// my data", "slett kontoen min") asks for more than the dietary data
    /// a withdrawal of consent covers.
    static let wholeRecordStems = ["data", "information", "opplysning", "uppgift", "oplysning", "daten", "konto", "account"]

    /// Stems of photos and videos in the languages dsrd reads.
    static let photoStems = ["foto", "photo", "bild", "bilde", "bilete", "billede", "picture", "image", "video", "pic"]

    private static func namesWholeRecord(_ pattern: PhrasePattern) -> Bool {
        names(wholeRecordStems, in: pattern)
    }

    /// Whether an alternative of the pattern holds one of the stems: read
    /// on the pattern as written, once, since the alternatives are its text
    /// between marks ("|", " ", "*", "~3") that no stem, all letters, holds.
    /// Thousands of rules are read so when dsrd starts.
    private static func names(_ stems: [String], in pattern: PhrasePattern) -> Bool {
        stems.contains { pattern.source.containsBytes($0) }
    }

    private static func evidence(_ pattern: PhrasePattern, language: Language) -> String {
        // On bytes (the syntax is ASCII): each part as written, or its first two alternatives and "…".
        var text = Array("\(language.rawValue):".utf8)
        for (number, part) in Array(pattern.source.utf8).split(separator: UInt8(ascii: " ")).enumerated() {
            if number > 0 { text.append(UInt8(ascii: " ")) }
            let alternatives = part.split(separator: UInt8(ascii: "|"))
            if alternatives.count > 3 {
                text += alternatives[0]
                text.append(UInt8(ascii: "|"))
                text += alternatives[1]
                text += "\u{2026}".utf8
            } else {
                text += part
            }
        }
        return String(decoding: text, as: UTF8.self)
    }
}
