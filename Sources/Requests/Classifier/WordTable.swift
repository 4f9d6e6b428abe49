/// Words numbered for lookup one token at a time: the classifier's word
/// lists (negations, request markers, language words, the patterns' word
/// numbers) are asked about every token of every sentence.
///
/// A token of plain letters is looked up by an FNV-1a hash of its bytes in
/// an open-addressing table of such words, which is cheaper than hashing a
/// `String`; any other token goes to a `Dictionary`. Lookups answer as
/// `String` equality does (canonical equivalence): "plain" is every scalar
/// below U+0180 (ASCII, Latin-1, Latin Extended-A), none of which combines
/// or decomposes in normal form C, so two plain strings are equivalent only
/// when their bytes are equal. While some word is not plain, a plain token
/// the table misses is asked of the dictionary too.
///
/// Not generic, so that unoptimised builds (the tests) run it at a fair speed.
final class WordIndex: Sendable {
    private let dictionary: [String: Int]
    /// Whether some word is not plain.
    private let hasOtherWords: Bool
    /// Per slot, a word's number, or -1.
    private let slots: [Int]
    /// The plain words' bytes, one after another, and where each starts (by number; -1 for other words).
    private let bytes: [UInt8]
    private let starts: [Int]
    private let lengths: [Int]
    private let mask: Int

    /// The words numbered in the order given (a repeated word keeps its first number).
    init(_ words: [String]) {
        var dictionary: [String: Int] = [:]
        for (number, word) in words.enumerated() where dictionary[word] == nil { dictionary[word] = number }
        self.dictionary = dictionary
        var capacity = 8
        while capacity < words.count * 2 { capacity *= 2 }
        var slots = [Int](repeating: -1, count: capacity)
        var bytes: [UInt8] = []
        var starts = [Int](repeating: -1, count: words.count)
        var lengths = [Int](repeating: 0, count: words.count)
        var hasOtherWords = false
        for (number, word) in words.enumerated() where dictionary[word] == number {
            guard word.utf8.allSatisfy(Self.isPlain) else {
                hasOtherWords = true
                continue
            }
            var slot = Self.hash(word.utf8) & (capacity - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = number
            starts[number] = bytes.count
            lengths[number] = word.utf8.count
            bytes += word.utf8
        }
        self.hasOtherWords = hasOtherWords
        self.slots = slots
        self.bytes = bytes
        self.starts = starts
        self.lengths = lengths
        mask = capacity - 1
    }

    /// A byte of a plain string: ASCII, a lead byte of U+0080–U+017F, or a continuation.
    private static func isPlain(_ byte: UInt8) -> Bool { byte < 0xC6 }

    private static func hash(_ bytes: some Collection<UInt8>) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return Int(truncatingIfNeeded: hash)
    }

    /// The word's number, or nil.
    func number(of word: String) -> Int? {
        switch word.utf8.withContiguousStorageIfAvailable(plainNumber) {
        case .some(.some(.some(let number))): return number
        case .some(.some(nil)) where !hasOtherWords: return nil
        default: return dictionary[word]
        }
    }

    /// The number of the plain word with these bytes (nil inside when none
    /// is); nil when the bytes are not plain.
    private func plainNumber(_ word: UnsafeBufferPointer<UInt8>) -> Int?? {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        var high: UInt8 = 0
        for byte in word {
            high = max(high, byte)
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        guard Self.isPlain(high) else { return nil }
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let number = slots[slot]
            if number < 0 { return .some(nil) }
            if lengths[number] == word.count {
                let start = starts[number]
                var offset = 0
                while offset < word.count && bytes[start + offset] == word[offset] { offset += 1 }
                if offset == word.count { return .some(number) }
            }
            slot = (slot + 1) & mask
        }
    }
}

/// Words and a value for each, looked up as `WordIndex` does.
struct WordTable<Value: Sendable>: Sendable {
    private let index: WordIndex
    private let values: [Value]

    init(_ dictionary: [String: Value]) {
        index = WordIndex(Array(dictionary.keys))
        values = Array(dictionary.values)
    }

    func value(of word: String) -> Value? { index.number(of: word).map { values[$0] } }
}

/// A set of words looked up as `WordIndex` does: cheaper than a
/// `Set<String>` for the word lists asked about every token.
struct WordSet: Sendable, ExpressibleByArrayLiteral, Sequence {
    private let index: WordIndex
    /// The words, each once, in the order given.
    private let words: [String]

    init(_ words: some Sequence<String>) {
        var seen = Set<String>()
        self.words = words.filter { seen.insert($0).inserted }
        index = WordIndex(self.words)
    }

    init(arrayLiteral words: String...) { self.init(words) }

    func contains(_ word: String) -> Bool { index.number(of: word) != nil }

    func makeIterator() -> IndexingIterator<[String]> { words.makeIterator() }

    /// The words of both.
    func union(_ other: some Sequence<String>) -> Set<String> { Set(words).union(other) }
}
