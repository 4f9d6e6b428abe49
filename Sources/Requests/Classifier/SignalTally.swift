/// Scores and evidence per signal, summed over the sentences of a message.
struct SignalTally: Sendable {
    private var scores: [Signal: Double] = [:]
    private var strongestBySignal: [Signal: Double] = [:]
    private var evidenceBySignal: [Signal: [String]] = [:]
    /// Weight of the phrases that counted, by the language of their lexicon.
    private(set) var languageVotes: [Language: Double] = [:]
    /// Phrases that were seen but did not count (negated), for the evidence.
    private(set) var notes: [String] = []

    mutating func add(_ signal: Signal, _ weight: Double, evidence: String) {
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
