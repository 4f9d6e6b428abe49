/// How much an erasure request asks to erase: everything, or only the data
/// held on consent (dietary needs) when that consent is withdrawn.
public enum ErasureScope: Sendable, Equatable {
    case everything
    case consentData

    /// Read from the classifier's evidence: the withdrawal of consent for
    /// dietary data, and no other erasure phrase that names the person's
    /// data or information as a whole ("delete them" after the withdrawal
    /// refers to the dietary data; "delete all my data" does not).
    public static func from(evidence: [String]) -> ErasureScope {
        let erase = evidence.filter { $0.hasPrefix("erase:") }
        let consent = erase.filter { $0.contains("consent withdrawn for dietary data") }
        guard !consent.isEmpty else { return .everything }
        let wider = erase.contains { line in
            !line.contains("consent withdrawn") && (line.contains("data") || line.contains("information")
                || line.contains("opplysning") || line.contains("uppgift") || line.contains("oplysning")
                || line.contains("Daten") || line.contains("konto") || line.contains("account"))
        }
        return wider ? .everything : .consentData
    }
}
