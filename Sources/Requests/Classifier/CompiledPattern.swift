import MailCore

/// A `PhrasePattern` ready to match `IndexedTokens`: whole words as word
/// numbers, prefixes and parts of words as UTF-8 bytes. Gaps never cross a
/// clause break.
struct CompiledPattern: Sendable {
    struct Element: Sendable {
        let words: [Int32]
        let prefixes: [[UInt8]]
        let infixes: [[UInt8]]
        let maxGap: Int

        func matches(_ tokens: IndexedTokens.View, at index: Int) -> Bool {
            let number = tokens.numbers[index]
            if number >= 0 && words.contains(number) { return true }
            if prefixes.isEmpty && infixes.isEmpty { return false }
            let bytes = tokens.bytes(index)
            for prefix in prefixes where UTF8Bytes.hasPrefix(bytes, prefix) { return true }
            for infix in infixes where UTF8Bytes.contains(bytes, infix) { return true }
            return false
        }
    }

    let elements: [Element]

    init(_ pattern: PhrasePattern, numbers: TokenNumbers) {
        elements = pattern.elements.map { element in
            var words: [Int32] = []
            var prefixes: [[UInt8]] = []
            var infixes: [[UInt8]] = []
            for alternative in element.alternatives {
                switch alternative {
                case .word(let word): words.append(numbers.number(of: word))
                case .prefix(let prefix): prefixes.append(Array(prefix.utf8))
                case .infix(let infix): infixes.append(Array(infix.utf8))
                }
            }
            return Element(words: words, prefixes: prefixes, infixes: infixes, maxGap: element.maxGap)
        }
    }

    /// The first match starting exactly at `start`, as the range of tokens
    /// it covers, or nil.
    func match(_ tokens: IndexedTokens.View, at start: Int) -> Range<Int>? {
        // Elements read in place through a buffer: a copy of one counts references to its three lists.
        elements.withUnsafeBufferPointer { elements in
            guard !elements.isEmpty, start < tokens.count, elements[0].matches(tokens, at: start),
                  let end = Self.matchRest(elements, tokens, element: 1, after: start) else { return nil }
            return start..<(end + 1)
        }
    }

    private static func matchRest(
        _ elements: UnsafeBufferPointer<Element>, _ tokens: IndexedTokens.View, element: Int, after position: Int
    ) -> Int? {
        if element == elements.count { return position }
        var index = position + 1
        var skipped = 0
        while index < tokens.count && skipped <= elements[element].maxGap {
            if elements[element].matches(tokens, at: index), let end = matchRest(elements, tokens, element: element + 1, after: index) {
                return end
            }
            if tokens.isClauseBreak(index) {
                // A comma before "that" ("ønsker ikke, at I deler…"), or inside an enumeration, does not end the phrase.
                guard index + 1 < tokens.count,
                      tokens.has(.complementizer, at: index + 1) || isListComma(tokens, at: index) else { return nil }
                index += 1
                continue
            }
            skipped += 1
            index += 1
        }
        return nil
    }

    private static func isListComma(_ tokens: IndexedTokens.View, at index: Int) -> Bool {
        for next in (index + 1)..<min(tokens.count, index + 5) {
            if tokens.has(.enumerationWord, at: next) { return true }
        }
        return false
    }
}
