/// What is known of an attachment without opening it.
public struct AttachmentInfo: Sendable, Equatable {
    /// Decoded file name, when the part names one.
    public let filename: String?
    /// Lowercased "type/subtype".
    public let contentType: String
    /// Decoded size in bytes.
    public let size: Int

    public init(filename: String?, contentType: String, size: Int) {
        self.filename = filename
        self.contentType = contentType
        self.size = size
    }
}
