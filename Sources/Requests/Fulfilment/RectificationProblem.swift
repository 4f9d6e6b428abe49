import Foundation
import LogSafety

/// Why a value someone asked us to store cannot be stored as written. The
/// texts name the field and the rule, never the value (they may be logged).
public enum RectificationProblem: LogSafeError, Sendable, Equatable, Hashable {
    /// An empty or blank value for a field that must have one.
    case empty(RectificationField)
    /// Not a phone number that can be written in E.164 (+ and 7–15 digits).
    case impossiblePhone
    /// Not an ISO 3166-1 alpha-2 country code (NO, SE, GB…).
    case unknownCountryCode
    /// Not an e-mail address.
    case invalidEmail
    /// Control characters, or far longer than a name or title can be.
    case unusableText(RectificationField)

    /// The rule and the field, for logs and operators.
    public var description: String {
        switch self {
        case .empty(let field): return "rectification: the new \(field.rawValue) is empty"
        case .impossiblePhone: return "rectification: not a phone number in E.164"
        case .unknownCountryCode: return "rectification: not an ISO 3166-1 alpha-2 country code"
        case .invalidEmail: return "rectification: not an e-mail address"
        case .unusableText(let field): return "rectification: the new \(field.rawValue) cannot be used as written"
        }
    }

    /// What the reply to the person says, in their language.
    public func text(_ language: ReplyLanguage) -> String {
        switch (self, language) {
        case (.empty(let field), .en):
            return "The new value for \(RectificationFieldNames.name(field, .en)) is empty."
        case (.empty(let field), .nb):
            return "Den nye verdien for \(RectificationFieldNames.name(field, .nb)) er tom."
        case (.impossiblePhone, .en):
            return "We could not read the phone number. Please write it with the country code, for example +47 912 34 567."
        case (.impossiblePhone, .nb):
            return "Vi klarte ikke å lese telefonnummeret. Skriv det gjerne med landskode, for eksempel +47 912 34 567."
        case (.unknownCountryCode, .en):
            return "Please give the nationality as a country code, for example NO for Norway or SE for Sweden."
        case (.unknownCountryCode, .nb):
            return "Oppgi gjerne statsborgerskapet som landskode, for eksempel NO for Norge eller SE for Sverige."
        case (.invalidEmail, .en):
            return "The new e-mail address does not look like an e-mail address."
        case (.invalidEmail, .nb):
            return "Den nye e-postadressen ser ikke ut som en e-postadresse."
        case (.unusableText(let field), .en):
            return "We could not use the new value for \(RectificationFieldNames.name(field, .en)) as written."
        case (.unusableText(let field), .nb):
            return "Vi kunne ikke bruke den nye verdien for \(RectificationFieldNames.name(field, .nb)) slik den var skrevet."
        }
    }
}

/// The names of the fields one can ask to change, as replies write them.
public enum RectificationFieldNames {
    public static func name(_ field: RectificationField, _ language: ReplyLanguage) -> String {
        name(key: field.rawValue, language)
    }

    /// For a key of the data map's `rectification` object; unknown keys are
    /// written with spaces for underscores.
    public static func name(key: String, _ language: ReplyLanguage) -> String {
        let names: [String: (en: String, nb: String)] = [
            "first_name": ("first name", "fornavn"),
            "last_name": ("last name", "etternavn"),
            "email": ("e-mail address", "e-postadresse"),
            "phone": ("phone number", "telefonnummer"),
            "organization": ("organisation", "organisasjon"),
            "title": ("job title", "stillingstittel"),
            "nationality": ("nationality", "statsborgerskap"),
            "dietary": ("dietary needs", "kostbehov"),
            "address": ("address", "adresse"),
        ]
        guard let pair = names[key] else { return key.replacingOccurrences(of: "_", with: " ") }
        return language == .nb ? pair.nb : pair.en
    }
}
