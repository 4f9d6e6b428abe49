import Foundation

/// Checks and normalises the values of a rectification request (GDPR
/// Art. 16) before anything is written, and sorts them into what can be
/// applied, what needs confirmation, and what has nowhere to go.
public enum RectificationValidation {
    /// One value that can be written: the field, its column in the map, the normalised value.
    public struct PlannedChange: Sendable, Equatable {
        public var field: RectificationField
        public var column: String
        public var value: String

        public init(field: RectificationField, column: String, value: String) {
            self.field = field
            self.column = column
            self.value = value
        }
    }

    /// The outcome of validation: nothing is applied while `problems` is not empty.
    public struct Plan: Sendable, Equatable {
        /// The fields the map can store, in field order.
        public var changes: [PlannedChange]
        /// A new e-mail address: applied only after the new address confirms it.
        public var pendingEmail: String?
        /// Fields named in the request that the map has no column for.
        public var unmapped: [RectificationField]
        public var problems: [RectificationProblem]
    }

    /// - Parameters:
    ///   - fields: the extracted values, as the person wrote them.
    ///   - columns: the map's `rectification` object (field name → column).
    ///   - language: the mail's language, for national phone numbers.
    public static func plan(fields: [RectificationField: String], columns: [String: String], language: Language?) -> Plan {
        var plan = Plan(changes: [], pendingEmail: nil, unmapped: [], problems: [])
        for field in fields.keys.sorted() {
            let raw = fields[field] ?? ""
            let value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            switch normalized(value, field: field, language: language) {
            case .failure(let problem):
                plan.problems.append(problem)
            case .success(let clean):
                if field == .email {
                    plan.pendingEmail = clean
                } else if let column = columns[field.rawValue] {
                    plan.changes.append(PlannedChange(field: field, column: column, value: clean))
                } else {
                    plan.unmapped.append(field)
                }
            }
        }
        return plan
    }

    /// The value as it should be stored, or why it cannot be.
    public static func normalized(_ value: String, field: RectificationField, language: Language?)
        -> Result<String, RectificationProblem> {
        if value.isEmpty { return .failure(.empty(field)) }
        if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return .failure(.unusableText(field))
        }
        switch field {
        case .phone:
            guard let number = PhoneNumber.normalize(value, language: language), isE164(number) else {
                return .failure(.impossiblePhone)
            }
            return .success(number)
        case .nationality:
            let code = value.uppercased()
            return CountryCodes.alpha2.contains(code) ? .success(code) : .failure(.unknownCountryCode)
        case .email:
            return isPlausibleEmail(value) ? .success(value) : .failure(.invalidEmail)
        case .firstName, .lastName, .organization, .title:
            let value = collapsingSpaces(value)
            return RectifiedText.isAcceptable(value, field: field) ? .success(value) : .failure(.unusableText(field))
        case .dietary, .address:
            return RectifiedText.isAcceptable(value, field: field) ? .success(value) : .failure(.unusableText(field))
        }
    }

    /// `+` and 7–15 digits, the first not 0.
    static func isE164(_ number: String) -> Bool {
        guard number.first == "+" else { return false }
        let digits = number.dropFirst()
        return (7...15).contains(digits.count) && digits.allSatisfy { $0.isASCII && $0.isNumber } && digits.first != "0"
    }

    static func isPlausibleEmail(_ value: String) -> Bool {
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), value.count <= 254 else { return false }
        return !value.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," })
            && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
    }

    static func collapsingSpaces(_ value: String) -> String {
        value.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
