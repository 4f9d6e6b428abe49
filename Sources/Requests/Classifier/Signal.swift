/// What a matched phrase says about a message.
enum Signal: Sendable, Hashable {
    /// The writer asks for this kind.
    case kind(RequestKind)
    /// A verb of the kind on its own ("löschen", "slettes"). It asks for
    /// nothing by itself; negated ("bitte NICHT löschen", "jeg vil IKKE
    /// slettes"), it tells that the kind is not wanted, so a subject that asks
    /// for it does not count.
    case bareCue(RequestKind)
    /// The writer acts for someone else (parent, guardian, lawyer).
    case onBehalf
    /// The writer withdraws consent: an objection, or an erasure when the
    /// consent covered dietary data.
    case consentWithdrawal
    /// The sentence is about dietary or allergy data.
    case dietary
    /// The letter is a complaint addressed to a supervisory authority.
    case complaint
    /// The writer asks us to keep records (legal hold), not to delete them.
    case legalHold
    /// A freedom-of-information request for documents, not for own data.
    case publicRecords
    /// The sentence mentions a right only in passing or as a possibility; it
    /// weakens the request phrases near it (its weight scales how far back).
    case passingMention
    /// A relative of the writer is named ("my daughter"); with
    /// `thirdPartyData` in the same mail, the writer acts on their behalf.
    case relative
    /// Someone else's data is asked about ("her data", "opplysningene hans").
    case thirdPartyData
    /// Photos or videos are talked about: "remove it" then means the photo.
    case photo
    /// The photos talked about are of the writer's company's things ("the
    /// photo of our booth", "Foto von unserem Messestand", "bildet av
    /// standen vår"): a photo of an exhibitor's stand or products is no
    /// personal data, and taking it down no erasure.
    case objectPhoto
    /// "…from the mailing list", "…my old e-mail address": a removal nearby
    /// unsubscribes or replaces a value; it erases nothing.
    case nonErasureContext
    /// "…the attendee list for the breakfast meeting", "deltakerlisten": the
    /// list of one event's participants. Taking someone off it cancels a
    /// registration; it objects to nothing.
    case eventList
    /// "Ignore my last mail", "glem det", "jeg har fortrudt": the writer takes
    /// back an earlier request. The subject (the old request's) then counts
    /// for nothing, and request phrases right after the cue are what is
    /// taken back.
    case withdrawal
    /// A sales pitch: "book a demo", "our customers", "uforpligtende møde".
    /// Two such cues make the mail a vendor's, which asks nothing of us.
    case vendor
    /// "How do I change my e-mail myself?", "I'd rather fix it myself": the
    /// writer asks how to do it, not that we do it.
    case selfService
    /// Another person concerned will ask or act themselves ("hun skal sende
    /// dere en mail selv", "det tar hon själv"): what the writer says of that
    /// person's data asks nothing of us.
    case othersOwnAction
}

extension Signal {
    /// Every signal, each at its `ordinal`.
    static let all: [Signal] = RequestKind.allCases.map(Signal.kind) + RequestKind.allCases.map(Signal.bareCue) + [
        .onBehalf, .consentWithdrawal, .dietary, .complaint, .legalHold, .publicRecords, .passingMention, .relative,
        .thirdPartyData, .photo, .nonErasureContext, .eventList, .withdrawal, .vendor, .selfService, .objectPhoto,
        .othersOwnAction,
    ]

    /// A number of its own from 0 up, so that a tally keeps its signals in
    /// arrays: a dictionary lookup hashes the signal each time.
    var ordinal: Int {
        // The four request kinds (`RequestKind.allCases`; the tests check the numbers against `all`).
        let kinds = 4
        switch self {
        case .kind(let kind): return kind.ordinal
        case .bareCue(let kind): return kinds + kind.ordinal
        case .onBehalf: return 2 * kinds
        case .consentWithdrawal: return 2 * kinds + 1
        case .dietary: return 2 * kinds + 2
        case .complaint: return 2 * kinds + 3
        case .legalHold: return 2 * kinds + 4
        case .publicRecords: return 2 * kinds + 5
        case .passingMention: return 2 * kinds + 6
        case .relative: return 2 * kinds + 7
        case .thirdPartyData: return 2 * kinds + 8
        case .photo: return 2 * kinds + 9
        case .nonErasureContext: return 2 * kinds + 10
        case .eventList: return 2 * kinds + 11
        case .withdrawal: return 2 * kinds + 12
        case .vendor: return 2 * kinds + 13
        case .selfService: return 2 * kinds + 14
        case .objectPhoto: return 2 * kinds + 15
        case .othersOwnAction: return 2 * kinds + 16
        }
    }
}

extension RequestKind {
    /// Its place in `allCases`.
    var ordinal: Int {
        switch self {
        case .access: 0
        case .rectify: 1
        case .erase: 2
        case .object: 3
        }
    }
}
