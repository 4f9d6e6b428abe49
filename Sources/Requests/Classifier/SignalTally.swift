/// Scores and evidence per signal, summed over the sentences of a message.
/// Kept in arrays by the signal's `ordinal`.
struct SignalTally: Sendable {
    private var seen = [Bool](repeating: false, count: Signal.all.count)
    private var scores = [Double](repeating: 0, count: Signal.all.count)
    private var strongestBySignal = [Double](repeating: 0, count: Signal.all.count)
    private var evidenceBySignal = [[String]](repeating: [], count: Signal.all.count)
    /// Weight of the phrases that counted, by the language of their lexicon.
    private(set) var languageVotes: [Language: Double] = [:]
    /// Phrases that were seen but did not count (negated), for the evidence.
    private(set) var notes: [String] = []
    /// What the counted erasure phrases were about.
    private(set) var erasureTargets: Set<ErasureTarget> = []
    /// Kinds whose phrases were seen negated ("I do not want it deleted").
    private(set) var negatedKinds: Set<RequestKind> = []
    /// Signals whose phrases were seen; a kind's score may still be zero.
    var signals: Set<Signal> { Set(Signal.all.indices.filter { seen[$0] }.map { Signal.all[$0] }) }

    mutating func negated(_ kind: RequestKind) { negatedKinds.insert(kind) }

    /// Adds another tally's signals (the subject's to the body's), except
    /// those `dropping` says the body has overruled.
    mutating func absorb(_ other: SignalTally, dropping: (Signal) -> Bool) {
        for (number, signal) in Signal.all.enumerated() where other.seen[number] && !dropping(signal) {
            seen[number] = true
            scores[number] += other.scores[number]
            strongestBySignal[number] = max(strongestBySignal[number], other.strongestBySignal[number])
            for line in other.evidenceBySignal[number] where evidenceBySignal[number].count < 4
                && !evidenceBySignal[number].contains(line) {
                evidenceBySignal[number].append(line)
            }
        }
        for (language, weight) in other.languageVotes { languageVotes[language, default: 0] += weight }
        for line in other.notes { note(line) }
        if !dropping(.kind(.erase)) { erasureTargets.formUnion(other.erasureTargets) }
    }

    mutating func add(_ signal: Signal, _ weight: Double, evidence: String, target: ErasureTarget? = nil) {
        if let target { erasureTargets.insert(target) }
        let number = signal.ordinal
        seen[number] = true
        scores[number] += weight
        strongestBySignal[number] = max(strongestBySignal[number], weight)
        if evidenceBySignal[number].count < 4, !evidenceBySignal[number].contains(evidence) {
            evidenceBySignal[number].append(evidence)
        }
    }

    mutating func vote(_ language: Language, _ weight: Double) {
        languageVotes[language, default: 0] += weight
    }

    mutating func note(_ text: String) {
        if notes.count < 8 && !notes.contains(text) { notes.append(text) }
    }

    func score(_ signal: Signal) -> Double { scores[signal.ordinal] }

    /// The weight of the single strongest phrase for the signal.
    func strongest(_ signal: Signal) -> Double { strongestBySignal[signal.ordinal] }

    func evidence(_ signal: Signal) -> [String] { evidenceBySignal[signal.ordinal] }
}

/// What an erasure phrase is about: the dietary data whose consent is
/// withdrawn, the person's data or account as a whole, or nothing named.
enum ErasureTarget: Sendable, Hashable {
    case dietaryConsent
    case wholeRecord
    case unnamed
}
