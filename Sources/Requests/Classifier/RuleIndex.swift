/// The rules that apply to mail in one language, indexed by the first word
/// of their pattern so a sentence is matched in one pass over its tokens.
struct RuleIndex: Sendable {
    let rules: [PhraseRule]
    let negations: Set<String>
    let requestMarkers: Set<String>
    let hedges: Set<String>
    /// The words its phrases know, for reading misspelt cue words.
    let vocabulary: FuzzyCues.Vocabulary
    private let byWord: [String: [Int]]
    /// Prefix alternatives, by their first three letters (shorter prefixes by themselves).
    private let byPrefix: [String: [(prefix: String, rule: Int)]]
    /// Rules whose first word is matched by a part (`*allergi*`), by that part.
    private let byInfix: [(infix: String, rules: [Int])]

    /// The English negations that cannot be another language's word.
    private static let universalNegations: Set<String> = [
        "not", "never", "nothing", "neither", "nor", "without", "instead", "rather", "prevent", "avoid", "refrain",
    ]

    /// Below this language score every lexicon is applied.
    static let confidentScore = 3.0

    init(primary: Language, everyLexicon: Bool = false) {
        var lexicons = [PhraseLexicon.lexicon(for: primary)]
        lexicons += primary.siblings.map(PhraseLexicon.lexicon(for:))
        if primary != .en { lexicons.append(PhraseLexicon.english) }
        if everyLexicon {
            lexicons = Language.allCases.map(PhraseLexicon.lexicon(for:))
        }
        rules = lexicons.flatMap(\.rules)
        vocabulary = FuzzyCues.Vocabulary(rules)
        var negations = PhraseLexicon.lexicon(for: primary).negations.union(Self.universalNegations)
        for sibling in primary.siblings { negations.formUnion(PhraseLexicon.lexicon(for: sibling).negations) }
        self.negations = negations
        requestMarkers = lexicons.reduce(into: Set<String>()) { $0.formUnion($1.requestMarkers) }
        hedges = lexicons.reduce(into: Set<String>()) { $0.formUnion($1.hedges) }
        var byWord: [String: [Int]] = [:]
        var byPrefix: [String: [(prefix: String, rule: Int)]] = [:]
        var byInfixTable: [String: [Int]] = [:]
        for (number, rule) in rules.enumerated() {
            guard let first = rule.pattern.elements.first else { continue }
            for alternative in first.alternatives {
                switch alternative {
                case .word(let word): byWord[word, default: []].append(number)
                case .prefix(let prefix): byPrefix[String(prefix.prefix(3)), default: []].append((prefix, number))
                case .infix(let infix): byInfixTable[infix, default: []].append(number)
                }
            }
        }
        self.byWord = byWord
        self.byPrefix = byPrefix
        self.byInfix = byInfixTable.keys.sorted().map { ($0, byInfixTable[$0] ?? []) }
    }

    /// Every rule match in the tokens, as (rule number, token range). One
    /// match per rule per start position.
    func matches(in tokens: [String]) -> [(rule: Int, range: Range<Int>)] {
        var found: [(rule: Int, range: Range<Int>)] = []
        for start in tokens.indices {
            let token = tokens[start]
            var candidates = byWord[token] ?? []
            for entry in byInfix where PhrasePattern.Alternative.contains(token, entry.infix) {
                candidates += entry.rules
            }
            for length in 1...3 where token.count >= length {
                if let entries = byPrefix[String(token.prefix(length))] {
                    for entry in entries where entry.prefix.count >= length
                        && (entry.prefix.count >= 3 ? length == 3 : entry.prefix.count == length)
                        && token.hasPrefix(entry.prefix) {
                        candidates.append(entry.rule)
                    }
                }
            }
            for number in candidates {
                if let range = rules[number].pattern.match(tokens, at: start) {
                    found.append((number, range))
                }
            }
        }
        return found
    }

    /// Every lexicon, for mail too short to tell its language.
    static let universal: RuleIndex? = RuleIndex(primary: .en, everyLexicon: true)

    /// Built once per language.
    static let all: [Language: RuleIndex] = {
        var indexes: [Language: RuleIndex] = [:]
        for language in Language.allCases { indexes[language] = RuleIndex(primary: language) }
        return indexes
    }()
}
