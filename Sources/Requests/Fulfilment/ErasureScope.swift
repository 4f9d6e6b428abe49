/// How much an erasure request asks to erase: everything, or only the data
/// held on consent (dietary needs) when that consent is withdrawn. The
/// classifier decides it from the phrases it counted (`RequestClassifier`),
/// and intake stores it with the request (`RequestReading`).
public enum ErasureScope: String, Sendable, Codable, Equatable {
    case everything
    case consentData = "consent_data"
}
