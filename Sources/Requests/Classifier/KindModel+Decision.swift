/// The rules' reading of a mail and the features the kind model reads of it.
public struct RuleReading: Sendable {
    public let classification: Classification
    /// The features' keys (`KindFeatureKey`), which the model reads.
    let keys: KindFeatureKeySet
    /// The features as strings; kept only when asked for (training).
    let names: Set<String>
    /// The rules read thanks for an erasure already done: the model adds none.
    var erasureDone = false
    /// The values the rules' extractor found, whether or not the rules read
    /// a rectification: those of one the model adds.
    var valuesFound = FoundValues.found([:])
    /// Kinds the rules read asked for and then overruled ("not erase: the
    /// photo is of a stand"): the model does not add them back.
    var refused: Set<RequestKind> = []

    init(classification: Classification, keys: KindFeatureKeySet) {
        self.classification = classification
        self.keys = keys
        names = []
    }

    init(classification: Classification, names: Set<String>) {
        self.classification = classification
        keys = KindFeatureKeySet(names.map(KindFeatureKey.of))
        self.names = names
    }

    /// The mail as a training sample labelled with the kinds it asks for
    /// (from a reading that kept its features' names).
    public func sample(labelled kinds: Set<RequestKind>) -> KindSample {
        KindSample(features: names, kinds: kinds)
    }
}

/// When the kind model may add a kind the rules did not read. The rules stay
/// the first reader: the model never takes back a kind they read, adds one
/// only when it is clear, and a reading it changed always goes to a person
/// (its confidence is put below the review threshold), so a kind the model
/// alone saw is never carried out unchecked.
public struct KindPolicy: Sendable, Equatable {
    /// A kind the rules missed is added at this probability.
    public var add: Double
    /// Erasure, the costliest mistake, only at this one.
    public var addErase: Double
    /// Beside a kind the rules read, another kind only at this one: the
    /// rules know how the parts of a sentence go together ("delete what you
    /// have on me" asks for no copy); the model reads words alone.
    public var addBeside: Double

    public static let standard = KindPolicy(add: 0.6, addErase: 0.9, addBeside: 0.8)

    public init(add: Double, addErase: Double, addBeside: Double) {
        self.add = add
        self.addErase = addErase
        self.addBeside = addBeside
    }
}

extension KindModel {
    /// Signals of the rules that explain why a mail asks for nothing though
    /// its words look like a request: the model adds no kind beside them.
    static let vetoes = [
        "signal:withdrawal", "signal:self-service", "signal:passing-mention", "signal:vendor", "signal:complaint",
        "signal:legal-hold", "signal:public-records", "signal:others-own-action",
    ]

    /// A kind is added only if one of the person's own words (or word
    /// beginnings) of at least this many letters speaks for it…
    static let cueLetters = 4
    /// …with at least this weight: short function words ("be", "not") in
    /// a two-line mail never add a kind by themselves.
    static let cueWeight = 0.4

    private static let vetoKeys = vetoes.map(KindFeatureKey.of)
    private static let negatedKeys = RequestKind.allCases.map { KindFeatureKey.of("negated:\($0.rawValue)") }

    /// The confidence of a reading the model changed: below
    /// `TriagePolicy.reviewConfidence`, so a person decides.
    static let changedConfidence = TriagePolicy.reviewConfidence - 0.05

    /// The probability of each kind for a mail, in `RequestKind.allCases` order.
    public func probabilities(of reading: RuleReading) -> [Double] {
        probabilities(keys: reading.keys)
    }

    /// The rules' classification, with the kinds the model is sure of added
    /// (see `KindPolicy`), unless the rules read them refused, or read the
    /// mail as one that asks nothing (`vetoes`).
    public func refine(_ reading: RuleReading, policy: KindPolicy = .standard) -> Classification {
        var result = reading.classification
        guard !Self.vetoKeys.contains(where: reading.keys.contains) else { return result }
        let probabilities = probabilities(keys: reading.keys)
        var added: [String] = []
        for (column, kind) in RequestKind.allCases.enumerated() where !result.kinds.contains(kind) && !reading.refused.contains(kind) {
            let probability = probabilities[column]
            let bar = max(kind == .erase ? policy.addErase : policy.add, reading.classification.kinds.isEmpty ? 0 : policy.addBeside)
            guard probability >= bar,
                  !reading.keys.contains(Self.negatedKeys[column]), kind != .erase || !reading.erasureDone,
                  hasCue(column, keys: reading.keys) else { continue }
            result.kinds.insert(kind)
            added.append("model: \(kind.rawValue) (\(Int((probability * 100).rounded()))%)")
        }
        guard !added.isEmpty else { return result }
        if result.kinds.contains(.erase) && result.erasureScope == nil { result.erasureScope = .everything }
        if result.kinds.contains(.rectify) && !reading.classification.kinds.contains(.rectify) && result.fields.isEmpty {
            result.fields = RequestClassifier.rectificationValues(reading.valuesFound.values(), erasing: result.kinds.contains(.erase))
        }
        result.confidence = min(result.confidence, Self.changedConfidence)
        result.evidence += added
        return result
    }

    /// Whether a word of the person's (or the subject's, or one they quote
    /// or negate) of `cueLetters` or more speaks for the kind in `column`,
    /// among the features with these names.
    func hasCue(_ column: Int, in features: Set<String>) -> Bool {
        hasCue(column, keys: KindFeatureKeySet(features.map(KindFeatureKey.of)))
    }

    /// Whether the feature `name` with this weight is a cue word: a word or
    /// word beginning (not a pair) of `cueLetters` or more, weighing at
    /// least `cueWeight` for the kind.
    static func isCue(_ name: String, weight: Double) -> Bool {
        guard weight >= cueWeight, let mark = name.firstIndex(where: { $0 == ":" || $0 == "~" }),
              KindFeatures.places.contains(String(name[..<mark])) else { return false }
        return name[name.index(after: mark)...].unicodeScalars.count >= cueLetters
    }
}
