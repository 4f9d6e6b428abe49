/// A sentence's tokens as the rule index matches them: each token's number
/// among the words the patterns name (`TokenNumbers`), or -1, and its UTF-8
/// bytes in one buffer.
///
/// A sentence is met by hundreds of pattern elements; comparing numbers and
/// bytes instead of `String`s spares the hashing, comparison and reference
/// counting that matching otherwise spends most of its time on.
struct IndexedTokens {
    /// Each token's word number, or -1 for a word no pattern names.
    let numbers: [Int32]
    /// Every token's UTF-8 bytes, one after another.
    let bytes: [UInt8]
    /// Where each token's bytes start in `bytes`, and, last, their end.
    let starts: [Int]

    var count: Int { numbers.count }

    init(_ tokens: [String], numbers table: TokenNumbers) {
        var numbers: [Int32] = []
        numbers.reserveCapacity(tokens.count)
        var bytes: [UInt8] = []
        var starts: [Int] = [0]
        starts.reserveCapacity(tokens.count + 1)
        for token in tokens {
            numbers.append(table.number(of: token))
            bytes.append(contentsOf: token.utf8)
            starts.append(bytes.count)
        }
        self.numbers = numbers
        self.bytes = bytes
        self.starts = starts
    }

    /// The tokens as buffers, valid inside `body`.
    func withView<Result>(_ body: (View) -> Result) -> Result {
        numbers.withUnsafeBufferPointer { numbers in
            bytes.withUnsafeBufferPointer { bytes in
                starts.withUnsafeBufferPointer { starts in
                    body(View(numbers: numbers, bytes: bytes, starts: starts))
                }
            }
        }
    }

    struct View {
        let numbers: UnsafeBufferPointer<Int32>
        let bytes: UnsafeBufferPointer<UInt8>
        let starts: UnsafeBufferPointer<Int>

        var count: Int { numbers.count }

        /// The UTF-8 bytes of token `index`.
        func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: bytes[starts[index]..<starts[index + 1]])
        }
    }
}

/// Numbers for the words that rule patterns name, and for the few words
/// matching itself looks at (the clause break, complementizers, words that
/// close an enumeration). Words are looked up as `String`s compare, so a
/// token and a word that are canonically equivalent get one number.
struct TokenNumbers: Sendable {
    private var table: [String: Int32] = [:]
    /// Per number: whether the word is a complementizer, or closes an enumeration.
    private(set) var isComplementizer: [Bool] = []
    private(set) var isEnumerationWord: [Bool] = []
    /// The clause break's number.
    let clauseBreak: Int32

    init(words: some Sequence<String>) {
        clauseBreak = 0
        _ = add(TextFolding.clauseBreak)
        for word in words { _ = add(word) }
        for word in PhrasePattern.complementizers { isComplementizer[Int(add(word))] = true }
        for word in PhrasePattern.enumerationWords { isEnumerationWord[Int(add(word))] = true }
    }

    private mutating func add(_ word: String) -> Int32 {
        if let number = table[word] { return number }
        let number = Int32(table.count)
        table[word] = number
        isComplementizer.append(false)
        isEnumerationWord.append(false)
        return number
    }

    func number(of word: String) -> Int32 { table[word] ?? -1 }

    var count: Int { table.count }
}
