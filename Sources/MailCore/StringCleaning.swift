extension String {
    /// Without leading and trailing spaces, tabs, CR and LF.
    func trimmingBlanks() -> String {
        let blanks: Set<Character> = [" ", "\t", "\r", "\n", "\r\n", "\u{00A0}"]
        guard let first = firstIndex(where: { !blanks.contains($0) }),
              let last = lastIndex(where: { !blanks.contains($0) }) else { return "" }
        return String(self[first...last])
    }

    /// CR, LF and other C0 controls (tab kept) turned into spaces.
    func replacingControlCharacters() -> String {
        guard unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" || $0.value == 0x7F }) else {
            return self
        }
        var scalars = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            let isControl = scalar.value < 0x20 && scalar != "\t" || scalar.value == 0x7F
            scalars.append(isControl ? " " : scalar)
        }
        return String(scalars)
    }
}
