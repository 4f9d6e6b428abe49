/// Builds rule lists compactly in the per-language lexicon files.
struct RuleBuilder {
    let language: Language
    private(set) var rules: [PhraseRule] = []

    init(_ language: Language) { self.language = language }

    mutating func add(_ signal: Signal, _ weight: Double, negatable: Bool? = nil, _ patterns: String...) {
        let defaultNegatable: Bool
        switch signal {
        case .kind(let kind): defaultNegatable = kind != .object
        case .onBehalf, .relative, .thirdPartyData, .dietary, .photo, .publicRecords, .passingMention, .nonErasureContext:
            defaultNegatable = false
        case .consentWithdrawal, .complaint: defaultNegatable = true
        case .legalHold: defaultNegatable = false
        }
        for source in patterns {
            let firm = source.hasPrefix("!")
            let subjectOnly = source.hasPrefix("^")
            rules.append(PhraseRule(
                signal: signal, weight: weight, pattern: PhrasePattern(firm || subjectOnly ? String(source.dropFirst()) : source),
                negatable: negatable ?? defaultNegatable, firm: firm, subjectOnly: subjectOnly, language: language))
        }
    }

    mutating func access(_ weight: Double, _ patterns: String...) { addAll(.kind(.access), weight, patterns) }
    mutating func rectify(_ weight: Double, _ patterns: String...) { addAll(.kind(.rectify), weight, patterns) }
    mutating func erase(_ weight: Double, _ patterns: String...) { addAll(.kind(.erase), weight, patterns) }
    mutating func object(_ weight: Double, _ patterns: String...) { addAll(.kind(.object), weight, patterns) }

    private mutating func addAll(_ signal: Signal, _ weight: Double, _ patterns: [String]) {
        for pattern in patterns { add(signal, weight, pattern) }
    }
}
