/// Scores and evidence per signal, summed over the sentences of a message.
/// Scores are kept in one array by the signal's `ordinal`, and the evidence
/// in one list: a tally is made for every subject and body, and these cost
/// one allocation between them rather than one per signal.
struct SignalTally: Sendable {
    private struct Score {
        var seen = false
        var total = 0.0
        var strongest = 0.0
    }

    private var scores = [Score](repeating: Score(), count: Signal.all.count)
    /// Up to four lines per signal, by its ordinal, in the order they were added.
    private var evidenceLines: [(signal: Int, line: String)] = []
    /// Weight of the phrases that counted, by the language of their lexicon.
    private(set) var languageVotes: [Language: Double] = [:]
    /// Phrases that were seen but did not count (negated), for the evidence.
    private(set) var notes: [String] = []
    /// What the counted erasure phrases were about.
    private(set) var erasureTargets: Set<ErasureTarget> = []
    /// Kinds whose phrases were seen negated ("I do not want it deleted").
    private(set) var negatedKinds: Set<RequestKind> = []
    /// Kinds asked in a sentence that does not report the writer's own
    /// earlier mail ("On Monday I wrote asking you to erase…"): a withdrawal
    /// elsewhere in the mail takes back the kinds only reported.
    private(set) var askedNow: Set<RequestKind> = []
    /// Signals whose phrases were seen; a kind's score may still be zero.
    var signals: Set<Signal> { Set(Signal.all.indices.filter { scores[$0].seen }.map { Signal.all[$0] }) }

    mutating func negated(_ kind: RequestKind) { negatedKinds.insert(kind) }
    mutating func asked(_ kind: RequestKind) { askedNow.insert(kind) }

    /// Adds another tally's signals (the subject's to the body's), except
    /// those `dropping` says the body has overruled.
    mutating func absorb(_ other: SignalTally, dropping: (Signal) -> Bool) {
        for (number, signal) in Signal.all.enumerated() where other.scores[number].seen && !dropping(signal) {
            scores[number].seen = true
            scores[number].total += other.scores[number].total
            scores[number].strongest = max(scores[number].strongest, other.scores[number].strongest)
            for line in other.evidence(number) { addEvidence(line, to: number) }
        }
        for (language, weight) in other.languageVotes { languageVotes[language, default: 0] += weight }
        for line in other.notes { note(line) }
        for kind in other.askedNow where !dropping(.kind(kind)) { askedNow.insert(kind) }
        if !dropping(.kind(.erase)) { erasureTargets.formUnion(other.erasureTargets) }
    }

    mutating func add(_ signal: Signal, _ weight: Double, evidence: String, target: ErasureTarget? = nil) {
        if let target { erasureTargets.insert(target) }
        let number = signal.ordinal
        scores[number].seen = true
        scores[number].total += weight
        scores[number].strongest = max(scores[number].strongest, weight)
        addEvidence(evidence, to: number)
    }

    private mutating func addEvidence(_ line: String, to number: Int) {
        var count = 0
        for entry in evidenceLines where entry.signal == number {
            if entry.line == line { return }
            count += 1
        }
        if count < 4 { evidenceLines.append((number, line)) }
    }

    private func evidence(_ number: Int) -> [String] {
        evidenceLines.filter { $0.signal == number }.map(\.line)
    }

    mutating func vote(_ language: Language, _ weight: Double) {
        languageVotes[language, default: 0] += weight
    }

    mutating func note(_ text: String) {
        if notes.count < 8 && !notes.contains(text) { notes.append(text) }
    }

    func score(_ signal: Signal) -> Double { scores[signal.ordinal].total }

    /// The weight of the single strongest phrase for the signal.
    func strongest(_ signal: Signal) -> Double { scores[signal.ordinal].strongest }

    func evidence(_ signal: Signal) -> [String] { evidence(signal.ordinal) }
}

/// What an erasure phrase is about: the dietary data whose consent is
/// withdrawn, the person's data or account as a whole, or nothing named.
enum ErasureTarget: Sendable, Hashable {
    case dietaryConsent
    case wholeRecord
    /// A photo or a video ("slett bildet", "remove the picture").
    case photo
    /// A value a correction replaces ("Det gamle kan dere fjerne", "delete the old number").
    case oldValue
    case unnamed
}
