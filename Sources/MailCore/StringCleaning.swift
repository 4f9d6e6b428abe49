import Foundation

extension String {
    /// Whether an address at `domain` (lowercased, as the text) stands in the
    /// text: "@domain" not followed by more of a domain name
    /// ("@janteloppet.test>" is, "@janteloppet.test.example.com" is not).
    func containsAddress(at domain: String) -> Bool {
        let needle = Array(("@" + domain).utf8)
        let bytes = Array(utf8)
        guard !domain.isEmpty, bytes.count >= needle.count else { return false }
        for start in 0...(bytes.count - needle.count) where bytes[start..<(start + needle.count)].elementsEqual(needle) {
            let end = start + needle.count
            guard end < bytes.count else { return true }
            let next = bytes[end]
            let continues = (next >= 0x61 && next <= 0x7A) || (next >= 0x41 && next <= 0x5A) || (next >= 0x30 && next <= 0x39)
                || next == UInt8(ascii: "-") || next >= 0x80
                || next == UInt8(ascii: ".") && end + 1 < bytes.count && bytes[end + 1] > 0x20 && bytes[end + 1] != UInt8(ascii: ">")
            if !continues { return true }
        }
        return false
    }

    /// Without leading and trailing spaces, tabs, CR, LF and no-break spaces.
    func trimmingBlanks() -> String {
        // A blank starts with one of these bytes (a no-break space with 0xC2)
        // and ends with one of them (0xA0): text that neither starts nor ends
        // so is returned without a walk over its scalars.
        guard let first = utf8.first, let last = utf8.last else { return "" }
        if !Self.mayStartBlank(first) && !Self.mayEndBlank(last) { return self }
        // The blanks are four ASCII bytes and the no-break space, C2 A0 (a
        // C2 before an A0 can only be its lead byte): trimmed on bytes.
        let trimmed: String? = utf8.withContiguousStorageIfAvailable { bytes in
            var start = 0
            var end = bytes.count
            while start < end {
                if Self.isBlankByte(bytes[start]) {
                    start += 1
                } else if bytes[start] == 0xC2 && start + 1 < end && bytes[start + 1] == 0xA0 {
                    start += 2
                } else {
                    break
                }
            }
            while end > start {
                if Self.isBlankByte(bytes[end - 1]) {
                    end -= 1
                } else if bytes[end - 1] == 0xA0 && end - 2 >= start && bytes[end - 2] == 0xC2 {
                    end -= 2
                } else {
                    break
                }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        return trimmed ?? trimmingScalars(where: \.isBlank)
    }

    private static func isBlankByte(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }

    private static func mayStartBlank(_ byte: UInt8) -> Bool { isBlankByte(byte) || byte == 0xC2 }

    private static func mayEndBlank(_ byte: UInt8) -> Bool { isBlankByte(byte) || byte == 0xA0 }

    /// Without leading and trailing white space and line ends: the scalars
    /// of Foundation's `whitespacesAndNewlines` (space separators, tab, LF,
    /// VT, FF, CR, NEL, line and paragraph separators), without its trip
    /// through NSString.
    public func trimmingWhitespaceAndNewlines() -> String {
        trimmingScalars(where: \.isWhitespaceOrNewline)
    }

    /// Without the scalars at either end that `isTrimmed` picks; the text
    /// itself when there are none.
    @inline(__always)
    public func trimmingScalars(where isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return "" }
        if !isTrimmed(first) && !isTrimmed(last) { return self }
        guard let start = scalars.firstIndex(where: { !isTrimmed($0) }),
              let end = scalars.lastIndex(where: { !isTrimmed($0) }) else { return "" }
        return String(scalars[start...end])
    }

    /// CR, LF and other C0 controls (tab kept) turned into spaces.
    func replacingControlCharacters() -> String {
        // Controls are ASCII, and no byte of a longer UTF-8 sequence is.
        let isControl = { (byte: UInt8) in (byte < 0x20 && byte != 0x09) || byte == 0x7F }
        guard utf8.withContiguousStorageIfAvailable({ $0.contains(where: isControl) }) ?? utf8.contains(where: isControl)
        else { return self }
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

    var isWhitespaceOrNewline: Bool {
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        if value == 0x85 { return true }
        switch properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
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
    guard text.containsByte(cr) else { return text }
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

extension String {
    /// The text without the scalars of `marks` at either end: Foundation's
    /// `trimmingCharacters(in:)` for a handful of scalars, without building
    /// a `CharacterSet` and bridging, which cost more than the rest of a
    /// word's reading.
    public func trimmingScalars(in marks: String) -> String {
        trimmingScalars { marks.unicodeScalars.contains($0) }
    }

    /// Without tabs and Unicode's space separators at either end, as
    /// `trimmingCharacters(in: .whitespaces)`.
    public func trimmingSpaces() -> String {
        trimmingScalars { $0 == "\t" || $0.properties.generalCategory == .spaceSeparator }
    }
}
