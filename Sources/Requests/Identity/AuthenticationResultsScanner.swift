/// A cursor over the characters of an Authentication-Results value. Every
/// read consumes at least what it returns and never moves backwards, so a
/// parse is linear in the length of the header.
struct AuthenticationResultsScanner {
    private let scalars: [Unicode.Scalar]
    private var position = 0

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    var atEnd: Bool { position >= scalars.count }

    var peekIsDigit: Bool {
        !atEnd && ("0"..."9").contains(scalars[position])
    }

    func peek(_ scalar: Unicode.Scalar) -> Bool {
        !atEnd && scalars[position] == scalar
    }

    mutating func take(_ scalar: Unicode.Scalar) -> Bool {
        guard peek(scalar) else { return false }
        position += 1
        return true
    }

    /// Skips blanks, line breaks and comments; a comment may nest and hold
    /// quoted pairs. An unclosed comment runs to the end.
    mutating func skipBlanksAndComments() {
        while !atEnd {
            let scalar = scalars[position]
            if Self.isBlank(scalar) {
                position += 1
            } else if scalar == "(" {
                skipComment()
            } else {
                return
            }
        }
    }

    private mutating func skipComment() {
        var depth = 0
        while !atEnd {
            let scalar = scalars[position]
            position += 1
            switch scalar {
            case "\\": if !atEnd { position += 1 }
            case "(": depth += 1
            case ")":
                depth -= 1
                if depth == 0 { return }
            default: break
            }
        }
    }

    /// A keyword: letters, digits, `-` and `_`.
    mutating func readWord() -> String {
        let start = position
        while !atEnd, Self.isWordCharacter(scalars[position]) { position += 1 }
        return String(String.UnicodeScalarView(scalars[start..<position]))
    }

    /// A value: a quoted string (unquoted, escapes resolved), or a run up to
    /// a blank, `;`, `(` or `)`. Values such as DKIM `header.b` fragments
    /// may hold `/`, `+` and `=`.
    mutating func readValue() -> String {
        if take("\"") {
            var text = String.UnicodeScalarView()
            while !atEnd {
                let scalar = scalars[position]
                position += 1
                if scalar == "\"" { break }
                if scalar == "\\", !atEnd {
                    text.append(scalars[position])
                    position += 1
                } else {
                    text.append(scalar)
                }
            }
            return String(text)
        }
        let start = position
        while !atEnd {
            let scalar = scalars[position]
            if Self.isBlank(scalar) || scalar == ";" || scalar == "(" || scalar == ")" { break }
            position += 1
        }
        return String(String.UnicodeScalarView(scalars[start..<position]))
    }

    /// Moves to the next `;` (or the end), passing over comments and quoted
    /// strings so a `;` inside them does not count.
    mutating func skipToSemicolon() {
        while !atEnd, !peek(";") {
            skipUnreadable()
        }
    }

    /// Passes over one unreadable piece, always at least one character.
    mutating func skipUnreadable() {
        guard !atEnd, !peek(";") else { return }
        if peek("(") {
            skipComment()
        } else if peek("\"") {
            _ = readValue()
        } else {
            position += 1
        }
    }

    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\n"
    }

    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            || scalar == "-" || scalar == "_"
    }
}
