/// Text as unicode scalars twice over, index for index: as written and
/// lowercased, with runs of blanks (not line breaks) made one space, so
/// phrases can be matched case-insensitively and addresses read as written.
struct FoldedText {
    let original: [Unicode.Scalar]
    let lower: [Unicode.Scalar]

    init(_ text: String) {
        var original: [Unicode.Scalar] = []
        var lower: [Unicode.Scalar] = []
        original.reserveCapacity(text.unicodeScalars.count)
        lower.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            let isBlank = scalar == " " || scalar == "\t" || scalar == "\u{A0}" || scalar == "\r"
            if isBlank {
                if original.last == " " { continue }
                original.append(" ")
                lower.append(" ")
                continue
            }
            original.append(scalar)
            lower.append(Self.lowercased(scalar))
        }
        self.original = original
        self.lower = lower
    }

    var count: Int { original.count }

    /// The lowercase form when it is one scalar; ASCII without a table look-up.
    private static func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII {
            return ("A"..."Z").contains(scalar) ? Unicode.Scalar(UInt8(scalar.value) + 32) : scalar
        }
        guard scalar.properties.changesWhenLowercased else { return scalar }
        let mapped = scalar.properties.lowercaseMapping.unicodeScalars
        return mapped.count == 1 ? mapped[mapped.startIndex] : scalar
    }

    func matches(_ phrase: [Unicode.Scalar], at position: Int) -> Bool {
        guard position + phrase.count <= lower.count else { return false }
        var offset = 0
        while offset < phrase.count {
            if lower[position + offset] != phrase[offset] { return false }
            offset += 1
        }
        return true
    }

    func isWordScalar(at index: Int) -> Bool {
        Self.isAlphanumeric(original[index])
    }

    /// The `local@domain.tld` around an `@` at `at`, as written, or nil when
    /// either side is empty or the domain has no dot.
    func address(around at: Int) -> String? {
        var start = at
        while start > 0, Self.isLocalScalar(original[start - 1]), at - start < 64 { start -= 1 }
        var end = at + 1
        while end < count, Self.isDomainScalar(original[end]), end - at < 254 { end += 1 }
        while end > at + 1, original[end - 1] == "." || original[end - 1] == "-" { end -= 1 }
        while start < at, !Self.isAlphanumeric(original[start]) { start += 1 }
        guard start < at, end > at + 1 else { return nil }
        let domain = original[(at + 1)..<end]
        guard domain.contains("."), domain.first != "." else { return nil }
        return String(String.UnicodeScalarView(original[start..<end]))
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        }
        return scalar.properties.isAlphabetic
    }

    private static func isLocalScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || "._%+-!#$&'*/=?^`{|}~".unicodeScalars.contains(scalar)
        }
        return scalar.properties.isAlphabetic
    }

    private static func isDomainScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "." || scalar == "-"
        }
        return scalar.properties.isAlphabetic
    }
}
