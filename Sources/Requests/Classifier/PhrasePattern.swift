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

        func matches(_ token: String) -> Bool {
            switch self {
            case .word(let word): return token == word
            case .prefix(let prefix): return token.hasPrefixBytes(prefix)
            case .infix(let infix): return token.containsBytes(infix)
            }
        }
    }

    struct Element: Sendable {
        let alternatives: [Alternative]
        /// How many other words may come before this element.
        let maxGap: Int

        func matches(_ token: String) -> Bool {
            alternatives.contains { $0.matches(token) }
        }
    }

    let source: String
    let elements: [Element]

    static let complementizers: Set<String> = ["at", "att", "dass", "that", "som", "mir", "mich", "uns",
                                               // "…at alt som er registrert om ham, blir fjernet"
                                               "blir", "bli", "vert", "bliver", "blev"]
    /// Words that close an enumeration: "my name, my e-mail or my phone",
    /// "Aussteller, Sponsoren oder Partner". A comma with one of them close
    /// behind separates list items, not clauses.
    static let enumerationWords: Set<String> = ["and", "or", "nor", "og", "eller", "och", "und", "oder", "samt", "sowie", "&"]

    static func isListComma(_ tokens: [String], at index: Int) -> Bool {
        tokens[(index + 1)..<min(tokens.count, index + 5)].contains(where: enumerationWords.contains)
    }

    /// Parses the pattern syntax; elements that are empty are ignored.
    init(_ source: String) {
        self.source = source
        var elements: [Element] = []
        var gap = 0
        // Split on bytes: the syntax is ASCII, and a lexicon has thousands of patterns to read at start.
        for part in source.utf8.split(separator: UInt8(ascii: " ")).map(Substring.init) {
            if part.hasPrefix("~"), let number = Int(part.dropFirst()) {
                gap = number
                continue
            }
            let alternatives = part.utf8.split(separator: UInt8(ascii: "|")).map(Substring.init).map { alternative -> Alternative in
                if alternative.count > 2 && alternative.hasPrefix("*") && alternative.hasSuffix("*") {
                    return .infix(String(alternative.dropFirst().dropLast()))
                }
                return alternative.hasSuffix("*")
                    ? .prefix(String(alternative.dropLast()))
                    : .word(String(alternative))
            }
            if !alternatives.isEmpty {
                elements.append(Element(alternatives: alternatives, maxGap: gap))
            }
            gap = 0
        }
        self.elements = elements
    }

    /// The first match starting exactly at `start`, as the range of tokens it
    /// covers, or nil.
    func match(_ tokens: [String], at start: Int) -> Range<Int>? {
        guard let first = elements.first, start < tokens.count, first.matches(tokens[start]) else {
            return nil
        }
        guard let end = matchRest(tokens, element: 1, after: start) else { return nil }
        return start..<(end + 1)
    }

    private func matchRest(_ tokens: [String], element: Int, after position: Int) -> Int? {
        if element == elements.count { return position }
        let current = elements[element]
        var index = position + 1
        var skipped = 0
        while index < tokens.count && skipped <= current.maxGap {
            let token = tokens[index]
            if current.matches(token), let end = matchRest(tokens, element: element + 1, after: index) {
                return end
            }
            if token == TextFolding.clauseBreak {
                // "ønsker ikke, at I deler…": a comma before "that" does not end the phrase.
                guard index + 1 < tokens.count,
                      Self.complementizers.contains(tokens[index + 1]) || Self.isListComma(tokens, at: index) else { return nil }
                index += 1
                continue
            }
            skipped += 1
            index += 1
        }
        return nil
    }
}
