/// A text the replies and the access export show, in both reply languages.
public struct LocalizedText: Sendable, Codable, Equatable {
    public var en: String
    public var nb: String

    public init(en: String, nb: String) {
        self.en = en
        self.nb = nb
    }

    /// The text in `language`.
    public func text(_ language: ReplyLanguage) -> String {
        switch language {
        case .en: return en
        case .nb: return nb
        }
    }
}
