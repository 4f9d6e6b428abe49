/// Builds rule lists compactly in the per-language lexicon files.
struct RuleBuilder {
    let language: Language
    private(set) var rules: [PhraseRule] = []

    init(_ language: Language) { self.language = language }

    /// Rules added while this is set skip matches that hold one of its words.
    var foreign: Set<String> = []

    mutating func add(_ signal: Signal, _ weight: Double, negatable: Bool? = nil, _ patterns: String...) {
        let defaultNegatable: Bool
        switch signal {
        case .kind(let kind): defaultNegatable = kind != .object
        case .bareCue: defaultNegatable = true
        case .onBehalf, .relative, .thirdPartyData, .dietary, .photo, .objectPhoto, .publicRecords, .passingMention, .nonErasureContext, .eventList,
             .withdrawal, .vendor:
            defaultNegatable = false
        // "Jeg finner ikke ut hvordan jeg endrer det selv" cannot do it oneself: it asks us.
        case .selfService: defaultNegatable = true
        // "Hun vil ikke gjøre det selv, så…" leaves it to us.
        case .othersOwnAction: defaultNegatable = true
        case .consentWithdrawal, .complaint: defaultNegatable = true
        case .legalHold: defaultNegatable = false
        }
        for source in patterns {
            let firm = source.hasPrefix("!")
            let subjectOnly = source.hasPrefix("^")
            let wholeSentence = source.hasPrefix("=")
            rules.append(PhraseRule(
                signal: signal, weight: weight,
                pattern: PhrasePattern(firm || subjectOnly || wholeSentence ? String(source.dropFirst()) : source),
                negatable: negatable ?? defaultNegatable, firm: firm, subjectOnly: subjectOnly, wholeSentence: wholeSentence,
                foreign: foreign, language: language))
        }
    }

    mutating func access(_ weight: Double, _ patterns: String...) { addAll(.kind(.access), weight, patterns) }
    mutating func rectify(_ weight: Double, _ patterns: String...) { addAll(.kind(.rectify), weight, patterns) }
    mutating func erase(_ weight: Double, _ patterns: String...) { addAll(.kind(.erase), weight, patterns) }
    mutating func withdraw(_ patterns: String...) { addAll(.withdrawal, 1.0, patterns) }
    mutating func vendor(_ patterns: String...) { addAll(.vendor, 1.0, patterns) }
    mutating func object(_ weight: Double, _ patterns: String...) { addAll(.kind(.object), weight, patterns) }

    /// "Art. 17 og 21", "art. 15, 17 and 21": the articles after the first in
    /// a list, joined by one of `conjunctions`, are asked for too; erasure
    /// only with another erasure phrase ("Art. 15 og 17 er nevnt i
    /// erklæringen" only names them).
    mutating func articleLists(_ conjunctions: String) {
        let articles: [(RequestKind, String)] = [(.access, "15"), (.access, "20"), (.rectify, "16"), (.erase, "17"), (.object, "21")]
        for (kind, number) in articles {
            add(.kind(kind), kind == .erase ? 1.0 : 1.4,
                "art|artikel|artikkel|article|artikler|articles|artiklar|artikeln ~4 \(conjunctions) ~1 \(number)")
        }
    }

    private mutating func addAll(_ signal: Signal, _ weight: Double, _ patterns: [String]) {
        for pattern in patterns { add(signal, weight, pattern) }
    }
}
