/// Which of the rectification vocabulary's word sets a word belongs to.
/// Reading values asks a dozen sets about every word of a sentence; one
/// lookup per word answers them all.
struct RectificationWordRoles: OptionSet {
    let rawValue: UInt32

    static let use = Self(rawValue: 1 << 0)
    static let movedPreposition = Self(rawValue: 1 << 1)
    static let moved = Self(rawValue: 1 << 2)
    static let livePreposition = Self(rawValue: 1 << 3)
    static let live = Self(rawValue: 1 << 4)
    static let now = Self(rawValue: 1 << 5)
    static let workPreposition = Self(rawValue: 1 << 6)
    static let work = Self(rawValue: 1 << 7)
    static let `as` = Self(rawValue: 1 << 8)
    static let job = Self(rawValue: 1 << 9)
    static let to = Self(rawValue: 1 << 10)
    static let with = Self(rawValue: 1 << 11)
    static let `is` = Self(rawValue: 1 << 12)
    static let new = Self(rawValue: 1 << 13)
    static let spelled = Self(rawValue: 1 << 14)
    static let firstPerson = Self(rawValue: 1 << 15)
    static let possessive = Self(rawValue: 1 << 16)
    static let notValue = Self(rawValue: 1 << 17)
    static let naming = Self(rawValue: 1 << 18)
    static let be = Self(rawValue: 1 << 19)
    static let should = Self(rawValue: 1 << 20)
    static let negation = Self(rawValue: 1 << 21)
    static let changed = Self(rawValue: 1 << 22)
    static let value = Self(rawValue: 1 << 23)

    /// The roles of `word` (lowercased, trimmed as `SentenceWords` folds it).
    static func of(_ word: String) -> Self {
        byWord.value(of: word) ?? []
    }

    private static let byWord: WordTable<Self> = {
        let vocabulary = RectificationVocabulary.self
        let sets: [(WordSet, Self)] = [
            (vocabulary.useWords, .use), (vocabulary.movedPrepositions, .movedPreposition),
            (vocabulary.movedWords, .moved), (vocabulary.livePrepositions, .livePreposition),
            (vocabulary.liveWords, .live), (vocabulary.nowWords, .now),
            (vocabulary.workPrepositions, .workPreposition), (vocabulary.workWords, .work),
            (vocabulary.asWords, .as), (vocabulary.jobWords, .job), (vocabulary.toWords, .to),
            (vocabulary.withWords, .with), (vocabulary.isWords, .is), (vocabulary.newWords, .new),
            (vocabulary.spelledWords, .spelled), (vocabulary.firstPersonWords, .firstPerson),
            (vocabulary.possessives, .possessive), (vocabulary.notValues, .notValue),
            (vocabulary.namingWords, .naming), (vocabulary.beWords, .be), (vocabulary.shouldWords, .should),
            (vocabulary.negations, .negation), (vocabulary.changedWords, .changed), (vocabulary.valueWords, .value),
        ]
        var table: [String: Self] = [:]
        for (words, role) in sets {
            for word in words { table[word, default: []].insert(role) }
        }
        return WordTable(table)
    }()
}
