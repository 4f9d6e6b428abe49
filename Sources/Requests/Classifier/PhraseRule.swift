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
    let language: Language

    /// The rule as evidence: its language and pattern, long lists of
    /// alternatives shortened ("en:delete|erase… ~3 my|me…").
    var evidence: String {
        let parts = pattern.source.split(separator: " ").map { part -> String in
            let alternatives = part.split(separator: "|")
            return alternatives.count > 3 ? alternatives.prefix(2).joined(separator: "|") + "\u{2026}" : String(part)
        }
        return "\(language.rawValue):" + parts.joined(separator: " ")
    }
}
