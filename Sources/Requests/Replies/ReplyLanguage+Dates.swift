/// Dates and periods as the replies write them.
extension ReplyLanguage {
    private static let norwegianMonths = [
        "januar", "februar", "mars", "april", "mai", "juni",
        "juli", "august", "september", "oktober", "november", "desember",
    ]
    private static let englishMonths = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    /// `17. mai 2026` in bokmål, `17 May 2026` in English.
    public func dateText(_ day: Day) -> String {
        let index = day.month - 1
        switch self {
        case .nb:
            let month = Self.norwegianMonths.indices.contains(index) ? Self.norwegianMonths[index] : "\(day.month)"
            return "\(day.day). \(month) \(day.year)"
        case .en:
            let month = Self.englishMonths.indices.contains(index) ? Self.englishMonths[index] : "\(day.month)"
            return "\(day.day) \(month) \(day.year)"
        }
    }

    /// `3 år` in bokmål; `3 years`, `1 year` in English.
    public func yearsText(_ years: Int) -> String {
        switch self {
        case .nb: "\(years) år"
        case .en: years == 1 ? "1 year" : "\(years) years"
        }
    }
}
