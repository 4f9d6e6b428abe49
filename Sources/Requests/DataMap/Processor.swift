/// A processor (GDPR Art. 4(8), 28): a company that handles personal data on
/// the controller's behalf (hosting, e-mail, payments). Processors are
/// recipients (Art. 4(9)), so the access reply names each of them (CJEU
/// C-154/21), with the country where it processes the data and, for a
/// country outside the EEA, the safeguard of the transfer (Art. 15(2), 44–46).
public struct Processor: Sendable, Codable, Equatable {
    /// The company's name, as the reply prints it.
    public var name: String
    /// What it does for the controller (`{"en": "Hosting of our customer database", …}`).
    public var service: LocalizedText
    /// Where it processes the data: an ISO 3166-1 alpha-2 code (`NO`, `IE`, `US`).
    public var country: String
    /// The country's name in the replies, for a code dsrd has no name for.
    public var countryName: LocalizedText?
    /// The transfer's safeguard (an adequacy decision, Art. 45, or standard
    /// contractual clauses, Art. 46(2)(c)); required outside the EEA.
    public var safeguard: LocalizedText?

    public init(name: String, service: LocalizedText, country: String, countryName: LocalizedText? = nil,
                safeguard: LocalizedText? = nil) {
        self.name = name
        self.service = service
        self.country = country
        self.countryName = countryName
        self.safeguard = safeguard
    }

    /// Whether the data stays in the EEA (the EU, Iceland, Liechtenstein and Norway).
    public var isInEEA: Bool { Countries.eea.contains(country) }

    /// The country's name in `language`: the map's own name, else dsrd's, else the code.
    public func countryText(_ language: ReplyLanguage) -> String {
        countryName?.text(language) ?? Countries.name(country, language) ?? country
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, service, country
        case countryName = "country_name"
        case safeguard
    }
}
