/// Header sections that another mail reader may read differently from
/// dsrd. The receiving mail server checks SPF, DKIM and DMARC against the
/// header section as it reads it; when dsrd could read another From, or an
/// Authentication-Results header the server never saw, the server's verdict
/// is not about the message dsrd reads. Such a message is flagged
/// (`ParsedMessage.headerAmbiguities`) and never acted on.
public enum HeaderAmbiguity {
    /// A CR not followed by LF inside the header section. Some readers end
    /// a line there (`Subject: x\rFrom: y` holds a second From for them);
    /// others keep it as data. dsrd reads it as data and flags it.
    public static let bareCarriageReturnInHeader = "bareCarriageReturnInHeader"
    /// `From : x`: blanks between a field name and its colon. RFC 5322's
    /// obsolete syntax allows them, and mail servers read the line as a
    /// field; dsrd does not, and flags it.
    public static let blankBeforeFieldColon = "blankBeforeFieldColon"
}
