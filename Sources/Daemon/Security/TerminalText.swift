/// Text from mail (subjects, names, Message-IDs, audit details) made safe to
/// print on an operator's terminal. Anyone can write such text, and a
/// terminal obeys what it finds in it: `ESC[8m` hides everything after it,
/// `ESC[1A ESC[2K` overwrites the line above (a forged audit line), C1's CSI
/// (U+009B) does the same in one character on many terminals, and the
/// Unicode bidi controls reorder what follows. Every line `dsrd` prints
/// goes through `escaped`, and what is stored as an identifier through
/// `stripped`.
public enum TerminalText {
    /// Whether a terminal may act on `scalar` instead of showing it: C0
    /// controls (tab, CR and LF among them), DEL, C1 controls, the line and
    /// paragraph separators, and the bidi marks, embeddings, overrides and
    /// isolates (U+061C, U+200E–U+200F, U+202A–U+202E, U+2066–U+2069).
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F, 0x80..<0xA0: true
        case 0x2028, 0x2029: true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// Whether `text` holds an unsafe scalar, read on its UTF-8 (every line
    /// printed is asked, most hold none): a C0 control or DEL is one byte,
    /// a C1 control is C2 80–9F, U+061C is D8 9C, and the others are
    /// E2 80 8E–8F, E2 80 A8–AE and E2 81 A6–A9.
    static func holdsUnsafe(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x20 || byte == 0x7F { return true }
                if byte >= 0xC2, index + 1 < bytes.count {
                    let second = bytes[index + 1]
                    switch byte {
                    case 0xC2 where second < 0xA0: return true
                    case 0xD8 where second == 0x9C: return true
                    case 0xE2 where index + 2 < bytes.count:
                        let third = bytes[index + 2]
                        if second == 0x80 && (third == 0x8E || third == 0x8F || (0xA8...0xAE).contains(third)) { return true }
                        if second == 0x81 && (0xA6...0xA9).contains(third) { return true }
                    default: break
                    }
                }
                index += 1
            }
            return false
        }
    }

    /// `text` with every unsafe scalar written out: `\n`, `\r`, `\t`, else
    /// `\u001b` (four hex digits; every unsafe scalar is below U+10000). The
    /// escapes are JSON's own, so a JSON text passed through stays valid
    /// JSON with the same values: these scalars can only stand inside its
    /// strings, and JSONSerialization leaves C1 and the bidi controls raw.
    public static func escaped(_ text: String) -> String {
        guard holdsUnsafe(text) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isUnsafe(scalar) else {
                out.append(scalar)
                continue
            }
            switch scalar {
            case "\n": out.append(contentsOf: "\\n".unicodeScalars)
            case "\r": out.append(contentsOf: "\\r".unicodeScalars)
            case "\t": out.append(contentsOf: "\\t".unicodeScalars)
            default:
                let hex = String(scalar.value, radix: 16)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex).unicodeScalars)
            }
        }
        return String(out)
    }

    /// `text` without any unsafe scalar (for identifiers, which are matched
    /// and shown, never read as prose).
    public static func stripped(_ text: String) -> String {
        guard holdsUnsafe(text) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { !isUnsafe($0) }))
    }
}
