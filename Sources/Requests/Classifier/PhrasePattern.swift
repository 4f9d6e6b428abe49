import MailCore

/// A phrase pattern over folded word tokens.
///
/// Written as space-separated elements: `delete* ~3 my ~2 data|account`.
/// An element lists alternatives with `|`; a trailing `*` makes an alternative
/// a prefix (`delet*` matches "delete", "deletion"), `*x*` a part of a word
/// (`*allergi*` matches "nøddeallergi"); `~N` allows up to N other
/// words before the next element. Gaps never cross a clause break.
struct PhrasePattern: Sendable {
    enum Alternative: Sendable, Hashable {
        case word(String)
        case prefix(String)
        /// Written `*allergi*`: the word contains it ("nøddeallergi").
        case infix(String)
    }

    struct Element: Sendable {
        let alternatives: [Alternative]
        /// How many other words may come before this element.
        let maxGap: Int
    }

    let source: String
    let elements: [Element]

    static let complementizers: WordSet = ["at", "att", "dass", "that", "som", "mir", "mich", "uns",
                                               // "…at alt som er registrert om ham, blir fjernet"
                                               "blir", "bli", "vert", "bliver", "blev"]
    /// Words that close an enumeration: "my name, my e-mail or my phone",
    /// "Aussteller, Sponsoren oder Partner". A comma with one of them up to
    /// four words behind separates list items, not clauses.
    static let enumerationWords: WordSet = ["and", "or", "nor", "og", "eller", "och", "und", "oder", "samt", "sowie", "&"]

    /// Parses the pattern syntax; elements that are empty are ignored. The
    /// syntax is ASCII, so it is read on bytes: a lexicon has thousands of
    /// patterns to read when dsrd starts.
    init(_ source: String) {
        self.source = source
        var elements: [Element] = []
        var gap = 0
        for part in Array(source.utf8).split(separator: UInt8(ascii: " ")) {
            if part.first == UInt8(ascii: "~"), part.count > 1, part.dropFirst().allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
               let number = Int(String(decoding: part.dropFirst(), as: UTF8.self)) {
                gap = number
                continue
            }
            let star = UInt8(ascii: "*")
            let alternatives = part.split(separator: UInt8(ascii: "|")).map { alternative -> Alternative in
                if alternative.count > 2 && alternative.first == star && alternative.last == star {
                    return .infix(String(decoding: alternative.dropFirst().dropLast(), as: UTF8.self))
                }
                return alternative.last == star
                    ? .prefix(String(decoding: alternative.dropLast(), as: UTF8.self))
                    : .word(String(decoding: alternative, as: UTF8.self))
            }
            if !alternatives.isEmpty {
                elements.append(Element(alternatives: alternatives, maxGap: gap))
            }
            gap = 0
        }
        self.elements = elements
    }

    /// The whole words its elements name.
    var words: [String] {
        elements.flatMap(\.alternatives).compactMap {
            if case .word(let word) = $0 { return word }
            return nil
        }
    }

    /// The first match starting exactly at `start`, as the range of tokens it
    /// covers, or nil. Compiled for this one call: the rule index compiles
    /// its patterns once (`CompiledPattern`).
    func match(_ tokens: [String], at start: Int) -> Range<Int>? {
        let numbers = TokenNumbers(words: words)
        let compiled = CompiledPattern(self, numbers: numbers)
        return IndexedTokens(tokens, numbers: numbers).withView { compiled.match($0, at: start) }
    }
}
