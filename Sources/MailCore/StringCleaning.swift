import Foundation

extension String {
    /// Without leading and trailing spaces, tabs, CR, LF and no-break spaces.
    func trimmingBlanks() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return "" }
        if !first.isBlank && !last.isBlank { return self }
        guard let start = scalars.firstIndex(where: { !$0.isBlank }),
              let end = scalars.lastIndex(where: { !$0.isBlank }) else { return "" }
        return String(scalars[start...end])
    }

    /// CR, LF and other C0 controls (tab kept) turned into spaces.
    func replacingControlCharacters() -> String {
        guard unicodeScalars.contains(where: \.isControlExceptTab) else { return self }
        var scalars = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            scalars.append(scalar.isControlExceptTab ? " " : scalar)
        }
        return String(scalars)
    }
}

extension Unicode.Scalar {
    var isBlank: Bool {
        self == " " || self == "\t" || self == "\r" || self == "\n" || self == "\u{00A0}"
    }

    var isControlExceptTab: Bool {
        (value < 0x20 && self != "\t") || value == 0x7F
    }
}

/// "\r\n" and lone "\r" turned into "\n". Byte by byte: a body of many
/// megabytes takes milliseconds (CR and LF are ASCII, so the result is
/// valid UTF-8 whenever the input was).
func normalizeLineEnds(_ text: String) -> String {
    let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
    guard text.utf8.contains(cr) else { return text }
    // Written straight into the new string's storage: no second copy.
    return String(unsafeUninitializedCapacity: text.utf8.count) { buffer in
        var count = 0
        var afterCR = false
        for byte in text.utf8 {
            if byte == cr {
                buffer[count] = lf
                count += 1
                afterCR = true
                continue
            }
            if !(byte == lf && afterCR) {
                buffer[count] = byte
                count += 1
            }
            afterCR = false
        }
        return count
    }
}
