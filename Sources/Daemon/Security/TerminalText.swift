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

    /// `text` with every unsafe scalar written out: `\n`, `\r`, `\t`, else
    /// `\u001b` (four hex digits; every unsafe scalar is below U+10000). The
    /// escapes are JSON's own, so a JSON text passed through stays valid
    /// JSON with the same values: these scalars can only stand inside its
    /// strings, and JSONSerialization leaves C1 and the bidi controls raw.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
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
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { !isUnsafe($0) }))
    }
}
