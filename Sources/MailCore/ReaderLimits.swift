/// Bounds that keep reading hostile or broken mail cheap. When a bound is
/// reached the reader keeps what it has and names the bound in
/// `ParsedMessage.limitsReached`.
public struct ReaderLimits: Sendable, Equatable {
    /// Bytes read at most; the rest of the input is ignored.
    public var maxBytes: Int
    /// MIME parts (entities) looked at, counting the top level.
    public var maxParts: Int
    /// Nesting depth of multipart and message/rfc822 parts.
    public var maxDepth: Int
    /// Header fields kept per header block.
    public var maxHeaders: Int
    /// Bytes kept of one header line; longer lines are cut.
    public var maxLineLength: Int
    /// Decoded bytes of one text part turned into text; the rest of a
    /// longer part is left unread (a person's words are never megabytes,
    /// and a hostile mail of millions of lines costs no more than this).
    public var maxTextBytes: Int

    public init(
        maxBytes: Int = 25 * 1024 * 1024,
        maxParts: Int = 500,
        maxDepth: Int = 20,
        maxHeaders: Int = 1000,
        maxLineLength: Int = 64 * 1024,
        maxTextBytes: Int = 4 * 1024 * 1024
    ) {
        self.maxBytes = max(0, maxBytes)
        self.maxParts = max(1, maxParts)
        self.maxDepth = max(1, maxDepth)
        self.maxHeaders = max(0, maxHeaders)
        self.maxLineLength = max(1, maxLineLength)
        self.maxTextBytes = max(1, maxTextBytes)
    }

    public static let standard = ReaderLimits()
}
