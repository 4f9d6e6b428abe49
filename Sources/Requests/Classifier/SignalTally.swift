/// Scores and evidence per signal, summed over the sentences of a message.
struct SignalTally: Sendable {
    private var scores: [Signal: Double] = [:]
    private var strongestBySignal: [Signal: Double] = [:]
    private var evidenceBySignal: [Signal: [String]] = [:]
    /// Weight of the phrases that counted, by the language of their lexicon.
    private(set) var languageVotes: [Language: Double] = [:]
    /// Phrases that were seen but did not count (negated), for the evidence.
    private(set) var notes: [String] = []
    /// What the counted erasure phrases were about.
    private(set) var erasureTargets: Set<ErasureTarget> = []
    /// Kinds whose phrases were seen negated ("I do not want it deleted").
    private(set) var negatedKinds: Set<RequestKind> = []
    /// Signals whose phrases were seen; a kind's score may still be zero.
    var signals: Set<Signal> { Set(scores.keys) }

    mutating func negated(_ kind: RequestKind) { negatedKinds.insert(kind) }

    /// Adds another tally's signals (the subject's to the body's), except
    /// those `dropping` says the body has overruled.
    mutating func absorb(_ other: SignalTally, dropping: (Signal) -> Bool) {
        for (signal, score) in other.scores where !dropping(signal) {
            scores[signal, default: 0] += score
            strongestBySignal[signal] = max(strongestBySignal[signal, default: 0], other.strongest(signal))
            for line in other.evidence(signal) where evidenceBySignal[signal, default: []].count < 4
                && !evidenceBySignal[signal, default: []].contains(line) {
                evidenceBySignal[signal, default: []].append(line)
            }
        }
        for (language, weight) in other.languageVotes { languageVotes[language, default: 0] += weight }
        for line in other.notes { note(line) }
        if !dropping(.kind(.erase)) { erasureTargets.formUnion(other.erasureTargets) }
    }

    mutating func add(_ signal: Signal, _ weight: Double, evidence: String, target: ErasureTarget? = nil) {
        if let target { erasureTargets.insert(target) }
        scores[signal, default: 0] += weight
        strongestBySignal[signal] = max(strongestBySignal[signal, default: 0], weight)
        if evidenceBySignal[signal, default: []].count < 4, !evidenceBySignal[signal, default: []].contains(evidence) {
            evidenceBySignal[signal, default: []].append(evidence)
        }
    }

    mutating func vote(_ language: Language, _ weight: Double) {
        languageVotes[language, default: 0] += weight
    }

    mutating func note(_ text: String) {
        if notes.count < 8 && !notes.contains(text) { notes.append(text) }
    }

    func score(_ signal: Signal) -> Double { scores[signal, default: 0] }

    /// The weight of the single strongest phrase for the signal.
    func strongest(_ signal: Signal) -> Double { strongestBySignal[signal, default: 0] }

    func evidence(_ signal: Signal) -> [String] { evidenceBySignal[signal, default: []] }
}

/// What an erasure phrase is about: the dietary data whose consent is
/// withdrawn, the person's data or account as a whole, or nothing named.
enum ErasureTarget: Sendable, Hashable {
    case dietaryConsent
    case wholeRecord
    case unnamed
}
