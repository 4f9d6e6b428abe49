/// The part of a message's text the classifier reads: its first
/// `maximumBytes` (UTF-8), cut at the last line break before the limit.
///
/// Reading people's words costs time in proportion to the text, and a
/// hostile mail of millions of short lines would otherwise hold intake for
/// many seconds and hundreds of megabytes. A person's request is near the
/// top; a mail whose text had to be cut is never carried out on its own
/// reading (`MessageClassification` sends it to a person).
public enum AnalysedText {
    /// 256 KiB of text before quotes are taken out: far more than anyone
    /// writes by hand, and the quote detection still sees where a long
    /// reply's own text ends.
    public static let maximumBytes = 256 * 1024

    /// `text` itself when short enough, else its cut, and whether it was cut.
    public static func prefix(_ text: String, maximumBytes: Int = maximumBytes) -> (text: String, cut: Bool) {
        let utf8 = text.utf8
        guard utf8.count > maximumBytes else { return (text, false) }
        var end = utf8.index(utf8.startIndex, offsetBy: maximumBytes)
        // Back to a line break if there is one in the last quarter, else to
        // the start of a Unicode scalar.
        var probe = end
        let floor = utf8.index(utf8.startIndex, offsetBy: maximumBytes * 3 / 4)
        while probe > floor, utf8[utf8.index(before: probe)] != UInt8(ascii: "\n") {
            probe = utf8.index(before: probe)
        }
        if probe > floor {
            end = probe
        } else {
            while end > utf8.startIndex, utf8[end] & 0xC0 == 0x80 { end = utf8.index(before: end) }
        }
        return (String(text[..<end]), true)
    }
}
