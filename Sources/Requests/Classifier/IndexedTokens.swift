/// A sentence's tokens as the rule index matches them: each token's number
/// among the words the patterns name (`TokenNumbers`), or -1, what matching
/// itself asks of the word (`WordRole`), and its UTF-8 bytes in one buffer.
///
/// A sentence is met by hundreds of pattern elements; comparing numbers and
/// bytes instead of `String`s spares the hashing, comparison and reference
/// counting that matching otherwise spends most of its time on.
struct IndexedTokens {
    /// Each token's word number, or -1 for a word no pattern names.
    let numbers: [Int32]
    /// Each token's `WordRole` bits.
    let roles: [UInt8]
    /// Every token's UTF-8 bytes, one after another.
    let bytes: [UInt8]
    /// Where each token's bytes start in `bytes`, and, last, their end.
    let starts: [Int]

    var count: Int { numbers.count }

    init(_ tokens: [String], numbers table: TokenNumbers) {
        var numbers: [Int32] = []
        numbers.reserveCapacity(tokens.count)
        var roles: [UInt8] = []
        roles.reserveCapacity(tokens.count)
        var bytes: [UInt8] = []
        var starts: [Int] = [0]
        starts.reserveCapacity(tokens.count + 1)
        for token in tokens {
            let number = table.number(of: token)
            numbers.append(number)
            roles.append(number >= 0 ? table.roles[Int(number)] : 0)
            // From the token's storage where it has one: appending the view steps byte by byte.
            if token.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
                bytes.append(contentsOf: token.utf8)
            }
            starts.append(bytes.count)
        }
        self.numbers = numbers
        self.roles = roles
        self.bytes = bytes
        self.starts = starts
    }

    /// The tokens as buffers, valid inside `body`.
    func withView<Result>(_ body: (View) -> Result) -> Result {
        numbers.withUnsafeBufferPointer { numbers in
            roles.withUnsafeBufferPointer { roles in
                bytes.withUnsafeBufferPointer { bytes in
                    starts.withUnsafeBufferPointer { starts in
                        body(View(numbers: numbers, roles: roles, bytes: bytes, starts: starts))
                    }
                }
            }
        }
    }

    struct View {
        let numbers: UnsafeBufferPointer<Int32>
        let roles: UnsafeBufferPointer<UInt8>
        let bytes: UnsafeBufferPointer<UInt8>
        let starts: UnsafeBufferPointer<Int>

        var count: Int { numbers.count }

        func isClauseBreak(_ index: Int) -> Bool { numbers[index] == TokenNumbers.clauseBreak }
        func has(_ role: WordRole, at index: Int) -> Bool { roles[index] & role.rawValue != 0 }

        /// The UTF-8 bytes of token `index`.
        func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: bytes[starts[index]..<starts[index + 1]])
        }
    }
}

/// What matching asks of a word beside its number: whether it is a
/// complementizer ("that", "at", "dass"), or closes an enumeration.
struct WordRole: OptionSet, Sendable {
    let rawValue: UInt8
    static let complementizer = WordRole(rawValue: 1)
    static let enumerationWord = WordRole(rawValue: 2)
}

/// Numbers for the words that rule patterns name, and for the few words
/// matching itself looks at (the clause break, complementizers, words that
/// close an enumeration). Words are looked up as `String`s compare, so a
/// token and a word that are canonically equivalent get one number.
struct TokenNumbers: Sendable {
    private var table: [String: Int32] = [:]
    /// The words in number order, and, after `indexed()`, as a `WordIndex`.
    private var words: [String] = []
    private var lookup: WordIndex?
    /// Per number, the word's `WordRole` bits.
    private(set) var roles: [UInt8] = []
    /// The clause break's number: the first word numbered.
    static let clauseBreak: Int32 = 0

    init(words: some Sequence<String>) {
        _ = add(TextFolding.clauseBreak)
        for word in words { _ = add(word) }
        for word in PhrasePattern.complementizers { roles[Int(add(word))] |= WordRole.complementizer.rawValue }
        for word in PhrasePattern.enumerationWords { roles[Int(add(word))] |= WordRole.enumerationWord.rawValue }
    }

    /// The same numbers, looked up through a `WordIndex`: for the table every
    /// sentence is matched against (building one costs more than a few
    /// lookups in a dictionary, as a single pattern's own table makes).
    func indexed() -> TokenNumbers {
        var indexed = self
        indexed.lookup = WordIndex(words)
        return indexed
    }

    private mutating func add(_ word: String) -> Int32 {
        if let number = table[word] { return number }
        let number = Int32(table.count)
        table[word] = number
        words.append(word)
        roles.append(0)
        return number
    }

    func number(of word: String) -> Int32 {
        guard let lookup else { return table[word] ?? -1 }
        return lookup.number(of: word).map { Int32($0) } ?? -1
    }

    var count: Int { table.count }
}
