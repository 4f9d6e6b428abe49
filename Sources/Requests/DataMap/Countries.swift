/// Countries as the access reply names a processor's: which are in the EEA,
/// and their names in the reply languages. Codes are ISO 3166-1 alpha-2; a
/// country not named here needs the map's `country_name`.
public enum Countries {
    /// The EU member states, Iceland, Liechtenstein and Norway: a transfer
    /// between them is no transfer to a third country (GDPR Chapter V).
    public static let eea: Set<String> = [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT",
        "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
    ]

    /// Whether `code` is an assigned ISO 3166-1 alpha-2 code (upper case).
    public static func isCode(_ code: String) -> Bool {
        CountryCodes.alpha2.contains(code)
    }

    /// The name of `code` in `language`, when dsrd knows it.
    public static func name(_ code: String, _ language: ReplyLanguage) -> String? {
        guard let pair = names[code] else { return nil }
        return language == .nb ? pair.nb : pair.en
    }

    private static let names: [String: (en: String, nb: String)] = [
        "AT": ("Austria", "Østerrike"), "BE": ("Belgium", "Belgia"), "BG": ("Bulgaria", "Bulgaria"),
        "HR": ("Croatia", "Kroatia"), "CY": ("Cyprus", "Kypros"), "CZ": ("Czechia", "Tsjekkia"),
        "DK": ("Denmark", "Danmark"), "EE": ("Estonia", "Estland"), "FI": ("Finland", "Finland"),
        "FR": ("France", "Frankrike"), "DE": ("Germany", "Tyskland"), "GR": ("Greece", "Hellas"),
        "HU": ("Hungary", "Ungarn"), "IE": ("Ireland", "Irland"), "IT": ("Italy", "Italia"),
        "LV": ("Latvia", "Latvia"), "LT": ("Lithuania", "Litauen"), "LU": ("Luxembourg", "Luxembourg"),
        "MT": ("Malta", "Malta"), "NL": ("the Netherlands", "Nederland"), "PL": ("Poland", "Polen"),
        "PT": ("Portugal", "Portugal"), "RO": ("Romania", "Romania"), "SK": ("Slovakia", "Slovakia"),
        "SI": ("Slovenia", "Slovenia"), "ES": ("Spain", "Spania"), "SE": ("Sweden", "Sverige"),
        "IS": ("Iceland", "Island"), "LI": ("Liechtenstein", "Liechtenstein"), "NO": ("Norway", "Norge"),
        "CH": ("Switzerland", "Sveits"), "GB": ("the United Kingdom", "Storbritannia"),
        "US": ("the United States", "USA"), "CA": ("Canada", "Canada"), "JP": ("Japan", "Japan"),
        "KR": ("South Korea", "Sør-Korea"), "IN": ("India", "India"), "AU": ("Australia", "Australia"),
        "NZ": ("New Zealand", "New Zealand"), "IL": ("Israel", "Israel"), "SG": ("Singapore", "Singapore"),
        "BR": ("Brazil", "Brasil"), "AR": ("Argentina", "Argentina"), "UY": ("Uruguay", "Uruguay"),
        "ZA": ("South Africa", "Sør-Afrika"), "UA": ("Ukraine", "Ukraina"), "RS": ("Serbia", "Serbia"),
        "TR": ("Turkey", "Tyrkia"), "PH": ("the Philippines", "Filippinene"), "VN": ("Vietnam", "Vietnam"),
    ]
}
