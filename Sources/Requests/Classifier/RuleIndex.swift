import MailCore

/// The rules that apply to mail in one language, indexed by the first word
/// of their pattern so a sentence is matched in one pass over its tokens.
struct RuleIndex: Sendable {
    let rules: [PhraseRule]
    let negations: WordSet
    /// Per rule, whether a negation can cancel it: a negatable rule whose own
    /// words hold a negation ("Adresse stimmt nicht mehr") is not negated by it.
    let negatable: [Bool]
    let requestMarkers: WordSet
    let hedges: WordSet
    /// The words its phrases know, for reading misspelt cue words.
    let vocabulary: FuzzyCues.Vocabulary
    /// The words the patterns name, numbered; each rule's pattern compiled against them.
    private let numbers: TokenNumbers
    private let compiled: [CompiledPattern]
    /// Rules by the number of a whole word their pattern starts with.
    private let byWord: [[Int]]
    /// Prefix alternatives by the first byte of their UTF-8 form, the
    /// prefixes of one, two, then three or more letters, each in the order
    /// the rules were added. A token's candidates are those it starts with;
    /// the rule's own match then decides.
    private let byPrefixByte: [[(prefix: [UInt8], rule: Int)]]
    /// The same lists narrowed by a token's second byte too (entries of a
    /// one-byte prefix, or whose second byte it is), in the same order:
    /// for a token of two bytes or more. Empty for a first byte no prefix has.
    private let byPrefixBytes: [[[(prefix: [UInt8], rule: Int)]]]
    /// Rules whose first word is matched by a part (`*allergi*`), by that part.
    private let byInfix: [(infix: [UInt8], rules: [Int])]

    /// The English negations that cannot be another language's word.
    private static let universalNegations: WordSet = [
        "not", "never", "nothing", "neither", "nor", "without", "instead", "rather", "prevent", "avoid", "refrain",
    ]

    /// Below this language score every lexicon is applied.
    static let confidentScore = 3.0

    init(primary: Language, everyLexicon: Bool = false) {
        var languages = [primary] + primary.siblings
        if primary != .en { languages.append(.en) }
        if everyLexicon { languages = Language.allCases }
        let lexicons = languages.map(PhraseLexicon.lexicon(for:))
        rules = lexicons.flatMap(\.rules)
        vocabulary = FuzzyCues.Vocabulary(merging: languages.compactMap { Self.compiledLexicons.vocabularies[$0] })
        var negations = PhraseLexicon.lexicon(for: primary).negations.union(Self.universalNegations)
        for sibling in primary.siblings { negations.formUnion(PhraseLexicon.lexicon(for: sibling).negations) }
        self.negations = WordSet(negations)
        negatable = rules.map { $0.negatable && negations.isDisjoint(with: $0.pattern.words) }
        requestMarkers = WordSet(lexicons.reduce(into: Set<String>()) { $0.formUnion($1.requestMarkers) })
        hedges = WordSet(lexicons.reduce(into: Set<String>()) { $0.formUnion($1.hedges) })
        let numbers = Self.compiledLexicons.numbers
        self.numbers = numbers
        compiled = languages.flatMap { Self.compiledLexicons.patterns[$0] ?? [] }
        var byWord = [[Int]](repeating: [], count: numbers.count)
        var prefixes: [(letters: Int, prefix: [UInt8], rule: Int)] = []
        var byInfixTable: [String: [Int]] = [:]
        for (number, rule) in rules.enumerated() {
            guard let first = rule.pattern.elements.first else { continue }
            for alternative in first.alternatives {
                switch alternative {
                case .word(let word): byWord[Int(numbers.number(of: word))].append(number)
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
        byPrefixBytes = byPrefixByte.map { entries in
            guard !entries.isEmpty else { return [] }
            var bySecond = [[(prefix: [UInt8], rule: Int)]](repeating: [], count: 256)
            for entry in entries {
                if entry.prefix.count == 1 {
                    for second in 0..<256 { bySecond[second].append(entry) }
                } else {
                    bySecond[Int(entry.prefix[1])].append(entry)
                }
            }
            return bySecond
        }
        self.byInfix = byInfixTable.keys.sorted().map { (Array($0.utf8), byInfixTable[$0] ?? []) }
    }

    /// Every rule match in the tokens, as (rule number, token range). One
    /// match per rule per start position.
    func matches(in tokens: [String]) -> [(rule: Int, range: Range<Int>)] {
        var found: [(rule: Int, range: Range<Int>)] = []
        var candidates: [Int] = []
        IndexedTokens(tokens, numbers: numbers).withView { tokens in
            for start in 0..<tokens.count {
                candidates.removeAll(keepingCapacity: true)
                let number = tokens.numbers[start]
                if number >= 0 { candidates += byWord[Int(number)] }
                let bytes = tokens.bytes(start)
                if let firstByte = bytes.first {
                    for entry in byInfix where UTF8Bytes.contains(bytes, entry.infix) {
                        candidates += entry.rules
                    }
                    let entries = bytes.count > 1 ? byPrefixBytes[Int(firstByte)] : []
                    for entry in entries.isEmpty ? byPrefixByte[Int(firstByte)] : entries[Int(bytes[1])]
                    where UTF8Bytes.hasPrefix(bytes, entry.prefix) {
                        candidates.append(entry.rule)
                    }
                }
                for rule in candidates {
                    if let range = compiled[rule].match(tokens, at: start) {
                        found.append((rule, range))
                    }
                }
            }
        }
        return found
    }

    /// The words of every lexicon's patterns numbered once, and each
    /// lexicon's patterns compiled once, for all the indexes that share them.
    private static let compiledLexicons: (
        numbers: TokenNumbers, patterns: [Language: [CompiledPattern]], vocabularies: [Language: FuzzyCues.Vocabulary]
    ) = {
        let lexicons = Language.allCases.map { ($0, PhraseLexicon.lexicon(for: $0)) }
        let numbers = TokenNumbers(words: lexicons.lazy.flatMap(\.1.rules).flatMap(\.pattern.words)).indexed()
        var patterns: [Language: [CompiledPattern]] = [:]
        var vocabularies: [Language: FuzzyCues.Vocabulary] = [:]
        for (language, lexicon) in lexicons {
            patterns[language] = lexicon.rules.map { CompiledPattern($0.pattern, numbers: numbers) }
            vocabularies[language] = FuzzyCues.Vocabulary(lexicon.rules)
        }
        return (numbers, patterns, vocabularies)
    }()

    /// Every lexicon, for mail too short to tell its language.
    static let universal: RuleIndex? = RuleIndex(primary: .en, everyLexicon: true)

    /// Built once per language, when a mail in it is first read: a process
    /// reading one language builds one, and parallel readers build theirs side by side.
    static func index(for language: Language) -> RuleIndex {
        switch language {
        case .nb: nb
        case .nn: nn
        case .en: en
        case .sv: sv
        case .da: da
        case .de: de
        }
    }

    private static let nb = RuleIndex(primary: .nb)
    private static let nn = RuleIndex(primary: .nn)
    private static let en = RuleIndex(primary: .en)
    private static let sv = RuleIndex(primary: .sv)
    private static let da = RuleIndex(primary: .da)
    private static let de = RuleIndex(primary: .de)
}
