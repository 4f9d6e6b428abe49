/// Which of a request's addresses an address search found it by.
public enum AddressMatch: String, Sendable, Equatable {
    /// The data subject's (the address the request acts on).
    case subject
    /// Who asked (the opening message's From).
    case requester
    /// Both: the person asked about their own data.
    case both
}
