import Foundation

/// A mail domain in the one form dsrd compares and sends to: lowercase, with
/// every Unicode label (U-label) written as its A-label (`xn--` and Punycode,
/// RFC 3492) after Unicode NFC and lowercasing, as IDNA does. So
/// `Blåbær.NO` and `xn--blbr-roah.no` are one domain, while `exampİe.no`
/// (`İ` lowercases to `i` and a combining dot) is not `example.no`.
///
/// A domain that cannot be written so is not a domain: an empty label, a
/// label over 63 bytes, an ASCII label with anything but letters, digits,
/// `-` and `_`, a Unicode label with anything but letters, marks, digits and
/// `-` (or starting with a mark or `-`, or ending with `-`), an `xn--` label
/// that is not the A-label of its own decoding.
public enum DomainName {
    /// The comparable ASCII form, without trailing dots; nil when the domain
    /// cannot be converted.
    public static func ascii(_ domain: String) -> String? {
        labels(domain)?.map(\.ascii).joined(separator: ".")
    }

    /// The same domain with each `xn--` label decoded (lowercase, NFC); nil
    /// when the domain cannot be converted.
    public static func unicode(_ domain: String) -> String? {
        labels(domain)?.map(\.unicode).joined(separator: ".")
    }

    private static func labels(_ domain: String) -> [(ascii: String, unicode: String)]? {
        var text = Substring(domain)
        while text.hasSuffix(".") { text = text.dropLast() }
        guard !text.isEmpty else { return nil }
        let trimmed = String(text)
        // NFC leaves ASCII as it is: most domains need only lowercasing.
        let folded = trimmed.utf8.allSatisfy { $0 < 0x80 } ? trimmed.lowercased() : nfc(nfc(trimmed).lowercased())
        var labels: [(ascii: String, unicode: String)] = []
        for label in folded.split(separator: ".", omittingEmptySubsequences: false) {
            guard let converted = convert(String(label)) else { return nil }
            labels.append(converted)
        }
        let length = labels.reduce(labels.count - 1) { $0 + $1.ascii.utf8.count }
        return length <= 253 ? labels : nil
    }

    private static func convert(_ label: String) -> (ascii: String, unicode: String)? {
        guard !label.isEmpty else { return nil }
        if label.unicodeScalars.allSatisfy(\.isASCII) {
            guard label.utf8.count <= 63, label.unicodeScalars.allSatisfy({ isLabelScalar($0) || $0 == "_" }) else {
                return nil
            }
            guard label.hasPrefix("xn--") else { return (label, label) }
            // An A-label counts only as the A-label of its own U-label.
            guard let decoded = Punycode.decode(String(label.dropFirst(4))),
                  !decoded.unicodeScalars.allSatisfy(\.isASCII),
                  nfc(decoded.lowercased()).unicodeScalars.elementsEqual(decoded.unicodeScalars),
                  let again = convert(decoded), again.ascii == label else { return nil }
            return (label, decoded)
        }
        guard let first = label.unicodeScalars.first, !isMark(first), first != "-", label.last != "-",
              label.unicodeScalars.allSatisfy(isLabelScalar), let encoded = Punycode.encode(label) else { return nil }
        let ascii = "xn--" + encoded
        return ascii.utf8.count <= 63 ? (ascii, label) : nil
    }

    /// Letters, marks and digits of any script, and the ASCII hyphen.
    private static func isLabelScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-"
        }
        switch scalar.properties.generalCategory {
        case .lowercaseLetter, .modifierLetter, .otherLetter, .titlecaseLetter, .uppercaseLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber:
            return true
        default:
            return false
        }
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Unicode NFC. (Swift's `==` on strings already treats canonically
    /// equivalent text as equal: compare scalars where the form matters.)
    private static func nfc(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
    }
}
