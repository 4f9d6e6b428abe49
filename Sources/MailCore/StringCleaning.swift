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

/// "\r\n" and lone "\r" turned into "\n".
func normalizeLineEnds(_ text: String) -> String {
    guard text.contains("\r") || text.contains("\r\n") else { return text }
    return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
}
