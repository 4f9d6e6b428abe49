/// What a corrected free-text value may look like before dsrd stores it.
/// The value ends up in the customer database and, for names, organisation
/// and title, in the Art. 19 notices dsrd sends to partners in the company's
/// name, so it must be a value of that kind and not a message: short, made
/// of the characters such values have, and without links (`://`, `www.`, or
/// in a name, organisation or title a bare domain such as `example.com`).
enum RectifiedText {
    /// The longest value accepted, in characters.
    static func maximumLength(_ field: RectificationField) -> Int {
        switch field {
        case .firstName: return 60
        case .lastName: return 80
        case .title: return 100
        case .organization: return 120
        case .address: return 200
        case .dietary: return 500
        case .email, .phone, .nationality: return 254
        }
    }

    /// Whether `value` (trimmed, without control characters) can be stored
    /// in `field`. Only the free-text fields are judged here.
    static func isAcceptable(_ value: String, field: RectificationField) -> Bool {
        guard value.count <= maximumLength(field), !carriesLink(value) else { return false }
        switch field {
        case .firstName, .lastName:
            return value.contains(where: \.isLetter) && words(value) <= 5 && !containsDomain(value)
                && value.unicodeScalars.allSatisfy { isLetterOrMark($0) || " -'’.".unicodeScalars.contains($0) }
        case .title, .organization:
            return value.contains(where: \.isLetter) && words(value) <= 12 && !containsDomain(value)
                && value.unicodeScalars.allSatisfy {
                    isLetterOrMark($0) || $0.properties.numericType == .decimal || " -'’.,&/()".unicodeScalars.contains($0)
                }
        case .address, .dietary, .email, .phone, .nationality:
            return true
        }
    }

    /// `://` or `www.` anywhere, in any case.
    static func carriesLink(_ value: String) -> Bool {
        let lower = value.lowercased()
        return lower.contains("://") || lower.contains("www.")
    }

    /// A domain-like word: two or more letters, digits or hyphens, a dot,
    /// then two or more letters (`janteloppet-partner.example`), which no
    /// name needs. Initials and abbreviations (`A.S.`, `Ph.D.`) are not.
    static func containsDomain(_ value: String) -> Bool {
        let scalars = Array(value.lowercased().unicodeScalars)
        for (index, scalar) in scalars.enumerated() where scalar == "." && index >= 2 {
            let before = scalars[(index - 2)..<index]
            let after = scalars[(index + 1)...].prefix { $0.properties.isAlphabetic }
            if before.allSatisfy({ $0.properties.isAlphabetic || $0.properties.numericType == .decimal || $0 == "-" }),
               after.count >= 2 {
                return true
            }
        }
        return false
    }

    private static func words(_ value: String) -> Int {
        value.split(whereSeparator: \.isWhitespace).count
    }

    private static func isLetterOrMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .lowercaseLetter, .modifierLetter, .otherLetter, .titlecaseLetter, .uppercaseLetter,
             .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }
}
