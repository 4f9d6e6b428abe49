/// What makes a reading of a mail less certain than its phrases' weights
/// say: each doubt lowers the confidence one step, so that a mail whose
/// demands are not all understood goes to a person (below the review
/// threshold) rather than being half carried out.
struct ReadingDoubts: Sendable {
    /// Sentences of the body that ask something about personal data (a
    /// request word and a data-protection word) but matched no phrase.
    var unreadDemands = 0
    /// Kinds read from the subject alone: the body's own words do not ask
    /// for them, though they may mention them ("…how organisers handle the
    /// right to be forgotten" under "Press inquiry – the right to be forgotten").
    var subjectOnly: Set<RequestKind> = []
    /// Phrases of a kind were seen negated or taken back while kinds were read.
    var contested = false

    /// How much one doubt lowers the confidence.
    static let step = 0.15
    /// A demand not understood, or an erasure read from the subject alone,
    /// caps the confidence below the review threshold (0.6): every demand is
    /// carried out, or none, and the subject only supports the body.
    static let unreadDemandCap = 0.55

    var count: Int { (subjectOnly.isEmpty ? 0 : 1) + (contested ? 1 : 0) }

    /// The confidence after the doubts.
    func lowered(_ confidence: Double) -> Double {
        var value = confidence - Self.step * Double(count)
        // An erasure cannot be undone: one read from the subject alone
        // ("Press inquiry: the right to be forgotten") goes to a person.
        if unreadDemands > 0 || subjectOnly.contains(.erase) { value = min(value, Self.unreadDemandCap) }
        return max(0.3, (value * 100).rounded() / 100)
    }

    var isEmpty: Bool { count == 0 && unreadDemands == 0 }

    /// The doubts as evidence lines for the operator.
    var evidence: [String] {
        var lines: [String] = []
        if unreadDemands > 0 { lines.append("doubt: \(unreadDemands) sentence(s) ask about personal data in words not understood") }
        if !subjectOnly.isEmpty { lines.append("doubt: \(subjectOnly.map(\.rawValue).sorted().joined(separator: "+")) read from the subject alone") }
        if contested { lines.append("doubt: request phrases were also seen negated or taken back") }
        return lines
    }

    /// A body sentence that asks (a request word, or a question to us) about
    /// personal data, though no phrase matched it.
    static func isUnreadDemand(_ sentence: Sentence, markers: WordSet) -> Bool {
        let tokens = sentence.tokens
        guard tokens.contains(where: SentenceCues.isPrivacyWord) else { return false }
        return tokens.contains(where: markers.contains) || sentence.isQuestion && SentenceCues.isPoliteRequest(tokens)
    }
}
