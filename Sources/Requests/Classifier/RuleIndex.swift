import MailCore

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
    /// Prefix alternatives by the first byte of their UTF-8 form, the
    /// prefixes of one, two, then three or more letters, each in the order
    /// the rules were added. A token's candidates are those it starts with;
    /// the rule's own match then decides.
    private let byPrefixByte: [[(prefix: [UInt8], rule: Int)]]
    /// Rules whose first word is matched by a part (`*allergi*`), by that part.
    private let byInfix: [(infix: [UInt8], rules: [Int])]

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
        var prefixes: [(letters: Int, prefix: [UInt8], rule: Int)] = []
        var byInfixTable: [String: [Int]] = [:]
        for (number, rule) in rules.enumerated() {
            guard let first = rule.pattern.elements.first else { continue }
            for alternative in first.alternatives {
                switch alternative {
                case .word(let word): byWord[word, default: []].append(number)
                case .prefix(let prefix) where !prefix.isEmpty:
                    prefixes.append((min(prefix.count, 3), Array(prefix.utf8), number))
                case .prefix: continue
                case .infix(let infix): byInfixTable[infix, default: []].append(number)
                }
            }
        }
        self.byWord = byWord
        var byPrefixByte = [[(prefix: [UInt8], rule: Int)]](repeating: [], count: 256)
        for letters in 1...3 {
            for entry in prefixes where entry.letters == letters {
                byPrefixByte[Int(entry.prefix[0])].append((entry.prefix, entry.rule))
            }
        }
        self.byPrefixByte = byPrefixByte
        self.byInfix = byInfixTable.keys.sorted().map { (Array($0.utf8), byInfixTable[$0] ?? []) }
    }

    /// Every rule match in the tokens, as (rule number, token range). One
    /// match per rule per start position.
    func matches(in tokens: [String]) -> [(rule: Int, range: Range<Int>)] {
        var found: [(rule: Int, range: Range<Int>)] = []
        var candidates: [Int] = []
        for start in tokens.indices {
            candidates.removeAll(keepingCapacity: true)
            var token = tokens[start]
            if let rules = byWord[token] { candidates += rules }
            token.withUTF8 { bytes in
                guard let firstByte = bytes.first else { return }
                for entry in byInfix where UTF8Bytes.contains(bytes, entry.infix) {
                    candidates += entry.rules
                }
                for entry in byPrefixByte[Int(firstByte)] where UTF8Bytes.hasPrefix(bytes, entry.prefix) {
                    candidates.append(entry.rule)
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
