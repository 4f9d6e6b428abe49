/// One header field as found on the wire: its name, its unfolded value as
/// written (structured fields are parsed from this), and the value with
/// RFC 2047 words decoded.
struct RawHeaderField {
    let name: String
    let lowercasedName: String
    let raw: String
    let decoded: String
}
