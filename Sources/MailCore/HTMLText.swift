/// Turns HTML into readable plain text in one linear pass: tags dropped,
/// block elements to line breaks, scripts, styles and the head dropped,
/// entities decoded, blockquotes marked with "> " so quoted replies in HTML
/// mail look like quoted replies in plain mail.
enum HTMLText {
    static func text(from html: String) -> String {
        var converter = Converter(source: Array(html.utf8))
        converter.run()
        return String(decoding: converter.output, as: UTF8.self).trimmingBlanks()
    }

    private static let paragraphTags: Set<String> = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "hr", "pre", "dl"]
    private static let blockTags: Set<String> = [
        "div", "tr", "li", "section", "article", "header", "footer", "address", "form", "fieldset",
        "center", "figure", "figcaption", "nav", "aside", "main", "details", "summary", "caption",
        "dt", "dd", "title", "body", "html", "tbody", "thead", "tfoot",
    ]
    private static let droppedTags: Set<String> = ["script", "style", "head", "noscript", "template", "xml"]

    private struct Converter {
        let source: [UInt8]
        var output: [UInt8] = []
        var index = 0
        var pendingSpace = false
        var atLineStart = true
        var trailingNewlines = 2
        var quoteDepth = 0
        var preDepth = 0
        /// Set once a tag's quotes ran to the end: later tags end at the next ">".
        var quotesUnreliable = false
        /// Dropped elements whose end tag is missing: not searched for again.
        var unclosed: Set<String> = []

        init(source: [UInt8]) {
            self.source = source
            output.reserveCapacity(source.count / 2)
        }

        mutating func run() {
            while index < source.count {
                let byte = source[index]
                if byte == UInt8(ascii: "<") {
                    readTag()
                } else if byte == UInt8(ascii: "&") {
                    readEntity()
                } else {
                    emit(byte)
                    index += 1
                }
            }
        }

        mutating func emit(_ byte: UInt8) {
            if preDepth == 0, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C {
                if !atLineStart { pendingSpace = true }
                return
            }
            if preDepth > 0, byte == 0x0A {
                newline()
                return
            }
            if preDepth > 0, byte == 0x0D { return }
            if atLineStart {
                for _ in 0..<quoteDepth { output.append(contentsOf: [UInt8(ascii: ">"), 0x20]) }
            } else if pendingSpace {
                output.append(0x20)
            }
            pendingSpace = false
            atLineStart = false
            trailingNewlines = 0
            output.append(byte)
        }

        mutating func emitScalar(_ scalar: Unicode.Scalar) {
            if scalar == "\u{00A0}" {
                emitHardSpace()
                return
            }
            for byte in String(scalar).utf8 { emit(byte) }
        }

        /// A space that is kept as written, never collapsed (from &nbsp;).
        mutating func emitHardSpace() {
            if atLineStart {
                for _ in 0..<quoteDepth { output.append(contentsOf: [UInt8(ascii: ">"), 0x20]) }
            } else if pendingSpace {
                output.append(0x20)
            }
            pendingSpace = false
            atLineStart = false
            trailingNewlines = 0
            output.append(0x20)
        }

        mutating func newline() {
            guard trailingNewlines < 2 else { return }
            output.append(0x0A)
            trailingNewlines += 1
            atLineStart = true
            pendingSpace = false
        }

        mutating func blockBreak(paragraph: Bool) {
            if !atLineStart { newline() }
            if paragraph && trailingNewlines < 2 && !output.isEmpty { newline() }
        }

        mutating func readEntity() {
            var end = index + 1
            while end < source.count, end - index <= 32, isEntityByte(source[end]) { end += 1 }
            let name = String(decoding: source[(index + 1)..<end], as: UTF8.self)
            let hasSemicolon = end < source.count && source[end] == UInt8(ascii: ";")
            var scalar: Unicode.Scalar?
            if name.hasPrefix("#") {
                scalar = HTMLEntities.scalar(numeric: String(name.dropFirst()))
            } else if hasSemicolon {
                scalar = HTMLEntities.scalar(named: name)
            }
            guard let scalar else {
                emit(source[index])
                index += 1
                return
            }
            emitScalar(scalar)
            index = hasSemicolon ? end + 1 : end
        }

        func isEntityByte(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == UInt8(ascii: "#")
        }

        mutating func readTag() {
            let next = index + 1 < source.count ? source[index + 1] : 0
            if next == UInt8(ascii: "!") {
                if source[index...].starts(with: Array("<!--".utf8)) {
                    index = find(Array("-->".utf8), from: index + 4).map { $0 + 3 } ?? source.count
                } else {
                    index = (source[index...].firstIndex(of: UInt8(ascii: ">")) ?? source.count - 1) + 1
                }
                return
            }
            let closing = next == UInt8(ascii: "/")
            let isLetter = (next | 0x20) >= 0x61 && (next | 0x20) <= 0x7A
            guard closing || isLetter || next == UInt8(ascii: "?") else {
                emit(source[index])
                index += 1
                return
            }
            var nameEnd = index + (closing ? 2 : 1)
            let nameStart = nameEnd
            while nameEnd < source.count, isNameByte(source[nameEnd]) { nameEnd += 1 }
            let name = String(decoding: source[nameStart..<nameEnd], as: UTF8.self).lowercasedByScalar()
            let tagEnd = endOfTag(from: nameEnd)
            let selfClosing = tagEnd > 0 && source[tagEnd - 1] == UInt8(ascii: "/")
            index = tagEnd + 1
            handle(name, closing: closing, selfClosing: selfClosing)
        }

        func isNameByte(_ byte: UInt8) -> Bool {
            (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "-")
        }

        /// The index of the ">" ending the tag (quotes respected while they
        /// balance), or the last index when there is none.
        mutating func endOfTag(from start: Int) -> Int {
            var position = start
            var quote: UInt8 = 0
            if !quotesUnreliable {
                while position < source.count {
                    let byte = source[position]
                    if quote != 0 {
                        if byte == quote { quote = 0 }
                    } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                        quote = byte
                    } else if byte == UInt8(ascii: ">") {
                        return position
                    }
                    position += 1
                }
                quotesUnreliable = true
            }
            return source[start...].firstIndex(of: UInt8(ascii: ">")) ?? source.count - 1
        }

        mutating func handle(_ name: String, closing: Bool, selfClosing: Bool) {
            if droppedTags.contains(name) {
                guard !closing, !selfClosing, !unclosed.contains(name) else { return }
                if let end = find(Array("</\(name)".utf8), from: index, caseInsensitive: true) {
                    index = (source[end...].firstIndex(of: UInt8(ascii: ">")) ?? source.count - 1) + 1
                } else if name != "head" {
                    index = source.count
                } else {
                    unclosed.insert(name)
                }
                return
            }
            switch name {
            case "br":
                newline()
            case "blockquote":
                blockBreak(paragraph: false)
                quoteDepth = closing ? max(0, quoteDepth - 1) : min(quoteDepth + 1, 20)
            case "pre":
                blockBreak(paragraph: true)
                preDepth = closing ? max(0, preDepth - 1) : preDepth + 1
            case "li":
                blockBreak(paragraph: false)
                if !closing {
                    emit(UInt8(ascii: "-"))
                    pendingSpace = true
                }
            case "td", "th":
                if !closing && !atLineStart { pendingSpace = true }
            case "img":
                return
            default:
                if paragraphTags.contains(name) {
                    blockBreak(paragraph: true)
                } else if blockTags.contains(name) {
                    blockBreak(paragraph: false)
                }
            }
        }

        func find(_ needle: [UInt8], from start: Int, caseInsensitive: Bool = false) -> Int? {
            guard let first = needle.first, needle.count <= source.count else { return nil }
            var position = start
            let last = source.count - needle.count
            while position <= last {
                let byte = caseInsensitive ? lower(source[position]) : source[position]
                if byte == first {
                    var matched = true
                    for offset in 1..<needle.count {
                        let candidate = caseInsensitive ? lower(source[position + offset]) : source[position + offset]
                        if candidate != needle[offset] { matched = false; break }
                    }
                    if matched { return position }
                }
                position += 1
            }
            return nil
        }

        func lower(_ byte: UInt8) -> UInt8 {
            byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
        }
    }
}
