/// Finds confirmation tokens in the text of a reply, which usually quotes
/// our message: case does not matter, the groups may be joined by `-`,
/// blanks or nothing, and a line break with `> ` quote markers may fall
/// between two groups.
///
/// A token is a run of letters and digits split only by such separators
/// into pieces of whole groups (4, 8, … symbols), starting and ending at
/// word edges, that reads as exactly 28 Crockford symbols with at least one
/// digit as written (every token has one; prose has none). Other strings
/// can still qualify (hexadecimal ids); they match no stored hash and are
/// harmless.
enum ConfirmationTokenScanner {
    /// A run of ASCII letters and digits and how it joins the run before it.
    private struct Chunk {
        var symbols: [UInt8] = []
        var valid = true
        var hasDigit = false
        /// Only separators stand between this chunk and the one before.
        var joinsPrevious = false
    }

    static func tokens(in text: String, limit: Int) -> [String] {
        let chunks = chunks(of: text)
        var found: [String] = []
        var seen: Set<String> = []
        let usable = chunks.map { $0.valid && $0.symbols.count % ConfirmationToken.groupSize == 0 }
        for start in chunks.indices where usable[start] {
            var symbols: [UInt8] = []
            var hasDigit = false
            var index = start
            while index < chunks.count, usable[index], index == start || chunks[index].joinsPrevious {
                symbols += chunks[index].symbols
                hasDigit = hasDigit || chunks[index].hasDigit
                if symbols.count >= ConfirmationToken.symbolCount { break }
                index += 1
            }
            guard symbols.count == ConfirmationToken.symbolCount, hasDigit else { continue }
            let token = String(decoding: symbols, as: UTF8.self)
            if seen.insert(token).inserted { found.append(token) }
            if found.count >= limit { break }
        }
        return found
    }

    private static func chunks(of text: String) -> [Chunk] {
        var chunks: [Chunk] = []
        var current: Chunk?
        var softGap = false  // only separators since the last chunk
        var atLineStart = false
        for scalar in text.unicodeScalars {
            if isAlphanumeric(scalar) {
                if current == nil {
                    current = Chunk(joinsPrevious: softGap && !chunks.isEmpty)
                }
                if ("0"..."9").contains(scalar) { current?.hasDigit = true }
                if current?.valid == true {
                    if let symbol = CrockfordBase32.canonical(ascii: UInt8(scalar.value)),
                       (current?.symbols.count ?? 0) < ConfirmationToken.symbolCount {
                        current?.symbols.append(symbol)
                    } else {
                        current?.valid = false  // not a symbol, or longer than a token
                    }
                }
                atLineStart = false
                continue
            }
            if let chunk = current {
                chunks.append(chunk)
                current = nil
                softGap = true
            }
            if scalar == "\n" {
                atLineStart = true
            } else if scalar == ">" && atLineStart {
                // a quote marker
            } else if isSeparator(scalar) {
                // keeps atLineStart, so "> > " is passed over
            } else {
                softGap = false
                atLineStart = false
            }
        }
        if let chunk = current { chunks.append(chunk) }
        return chunks
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "-" || scalar == "\u{A0}"
            || scalar == "\u{2010}" || scalar == "\u{2011}" || scalar == "\u{2013}"
    }
}
