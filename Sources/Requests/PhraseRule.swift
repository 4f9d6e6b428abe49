/// What a matched phrase says about a message.
enum Signal: Sendable, Hashable {
    /// The writer asks for this kind.
    case kind(RequestKind)
    /// The writer acts for someone else (parent, guardian, lawyer).
    case onBehalf
    /// The writer withdraws consent: an objection, or an erasure when the
    /// consent covered dietary data.
    case consentWithdrawal
    /// The sentence is about dietary or allergy data.
    case dietary
    /// The letter is a complaint addressed to a supervisory authority.
    case complaint
    /// The writer asks us to keep records (legal hold), not to delete them.
    case legalHold
    /// A freedom-of-information request for documents, not for own data.
    case publicRecords
    /// The sentence mentions a right only in passing or as a possibility.
    case passingMention
    /// A relative of the writer is named ("my daughter"); with
    /// `thirdPartyData` in the same mail, the writer acts on their behalf.
    case relative
    /// Someone else's data is asked about ("her data", "opplysningene hans").
    case thirdPartyData
    /// "…from the mailing list", "…my old e-mail address": a removal nearby
    /// unsubscribes or replaces a value; it erases nothing.
    case nonErasureContext
}

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

/// Builds rule lists compactly in the per-language lexicon files.
struct RuleBuilder {
    let language: Language
    private(set) var rules: [PhraseRule] = []

    init(_ language: Language) { self.language = language }

    mutating func add(_ signal: Signal, _ weight: Double, negatable: Bool? = nil, _ patterns: String...) {
        let defaultNegatable: Bool
        switch signal {
        case .kind(let kind): defaultNegatable = kind != .object
        case .onBehalf, .relative, .thirdPartyData, .dietary, .publicRecords, .passingMention, .nonErasureContext:
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
