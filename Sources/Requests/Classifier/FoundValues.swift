/// The new values of a rectification the kind model adds (`KindModel.refine`).
/// The rules look for values only in mail with a reason to (a correction
/// phrase, a "new" or "now" word); a mail the model reads as a correction
/// without one ("har fått dansk mobilnummer: +45 21 43 65 87") is looked
/// at when the model adds it, and only then.
enum FoundValues: Sendable {
    case found([RectificationField: String])
    case notLookedFor(sentences: [Sentence], language: Language, ownDomains: Set<String>)

    func values() -> [RectificationField: String] {
        switch self {
        case .found(let values):
            return values
        case .notLookedFor(let sentences, let language, let ownDomains):
            return RectificationExtractor.scan(sentences, language: language, ownDomains: ownDomains).all
        }
    }
}
