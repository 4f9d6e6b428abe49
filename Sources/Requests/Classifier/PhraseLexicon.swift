/// The phrases, negation words and request markers of one language.
struct PhraseLexicon: Sendable {
    let language: Language
    let rules: [PhraseRule]
    /// Words that negate a following phrase ("not", "ikke", "nicht").
    let negations: Set<String>
    /// Words that make a sentence a request ("please", "ber", "bitte"); an
    /// erasure phrase counts only in a sentence with one, in the subject, or
    /// at the start of a sentence (imperative).
    let requestMarkers: Set<String>
    /// Words that make a complaint a threat, not a complaint being made
    /// ("otherwise I will complain").
    let hedges: Set<String>

    static func lexicon(for language: Language) -> PhraseLexicon {
        switch language {
        case .en: return english
        case .nb: return bokmal
        case .nn: return nynorsk
        case .sv: return swedish
        case .da: return danish
        case .de: return german
        }
    }
}
