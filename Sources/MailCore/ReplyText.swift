#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The part of a message that counts: its new text without quoted replies,
/// forwarded or quoted header blocks and the signature, and the subject
/// without reply and forward prefixes.
public enum ReplyText {
    /// The new text of a message body. Quoted replies are cut: an
    /// attribution ("On … wrote:", "Den … skrev …:"), an "Original Message"
    /// banner or an Outlook "From:/Sent:" block ends the new text, and `>`
    /// lines are dropped. Forwarded messages lose their banner and header
    /// lines but keep their text (it is often the sender's own earlier
    /// request). The `-- ` signature and "Sent from my iPhone"-style lines
    /// go; ordinary sign-offs stay.
    /// A forwarded message from one of `ownDomains` (the domains the mail was
    /// sent to: the company's own welcome mail or receipt) ends the new text.
    public static func newText(_ text: String, ownDomains: Set<String> = []) -> String {
        let lines = Self.lines(of: normalizeLineEnds(text))
        let keys = QuoteMarkers.headerKeys(lines)
        var kept: [String] = []
        var sawText = false
        var index = 0
        scan: while index < lines.count {
            let marker = QuoteMarkers.marker(lines, keys: keys, at: index)
            // The own text above a reply marker, read once for the questions below.
            var note: BelowPointer.Note?
            if case .reply? = marker, sawText { note = BelowPointer.Note(kept) }
            switch marker {
            case .reply? where note?.isForwardNote ?? false:
                // "Forwarding for my wife:" above an Outlook "Original Message"
                // block: the block is the forwarded request, read as a forward.
                index = max(index + 1, QuoteMarkers.endOfForwardHeaders(lines, keys: keys, from: index))
                continue scan
            case .reply(let span)? where sawText:
                // "See below": the person wrote between the quoted lines.
                if let note, note.isPointer {
                    kept += BelowPointer.ownLines(lines, keys: keys, after: index + span, resend: note.isResend)
                }
                break scan
            case .reply(let span)? where keys[index] == nil:
                // Quoted material at the very top (bottom-posting): pass over it.
                index += span
                continue scan
            case .forward?:
                let end = QuoteMarkers.endOfForwardHeaders(lines, keys: keys, from: index)
                if QuoteMarkers.forwardIsFrom(ownDomains, lines: lines, keys: keys, from: index, to: end) { break scan }
                index = max(index + 1, end)
                continue scan
            case .reply?:
                index = max(index + 1, QuoteMarkers.endOfForwardHeaders(lines, keys: keys, from: index))
                continue scan
            case nil:
                break
            }
            let line = lines[index]
            index += 1
            let trimmed = line.trimmingBlanks()
            if trimmed == "--" { break }
            if trimmed.startsWithByte(UInt8(ascii: ">")) || QuoteMarkers.isMobileSignature(trimmed) { continue }
            if !trimmed.isEmpty && !QuoteMarkers.isSeparator(trimmed) { sawText = true }
            kept.append(line)
        }
        while let last = kept.last, isSeparatorOrBlank(last) { kept.removeLast() }
        let start = kept.firstIndex { !$0.trimmingBlanks().isEmpty } ?? kept.endIndex
        return kept[start...].joined(separator: "\n")
    }

    /// The lines of a text whose line ends are "\n", found with `memchr`:
    /// every "\n" is then a Character of its own, so splitting on the byte
    /// splits where Characters would.
    static func lines(of text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return [""] }
            var lines: [String] = []
            var start = 0
            while start <= bytes.count {
                var end = bytes.count
                if start < bytes.count, let found = memchr(base + start, 0x0A, bytes.count - start) {
                    end = start + (UnsafeRawPointer(found) - UnsafeRawPointer(base + start))
                }
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                start = end + 1
            }
            return lines
        }
    }

    /// The subject without any run of Re:/SV:/VS:/Fwd:/AW:/WG:... prefixes
    /// (also "Re[2]:" and "Re :"), blanks collapsed.
    public static func cleanSubject(_ subject: String) -> String {
        var rest = Substring(subject.replacingControlCharacters().trimmingBlanks())
        while let stripped = stripPrefix(rest) {
            rest = stripped
        }
        return collapsingBlanks(String(rest))
    }

    /// Runs of spaces and tabs as one space, none at either end. On bytes
    /// when every scalar is below U+0300: each of those is a Character of
    /// its own (nothing before U+0300 combines, and the text holds no line
    /// ends), so a blank byte is a blank Character.
    static func collapsingBlanks(_ text: String) -> String {
        let collapsed: String?? = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard !bytes.contains(where: { $0 >= 0xCC }) else { return nil }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var pendingBlank = false
            for byte in bytes {
                if byte == 0x20 || byte == 0x09 {
                    pendingBlank = !result.isEmpty
                    continue
                }
                if pendingBlank { result.append(0x20) }
                pendingBlank = false
                result.append(byte)
            }
            return .some(String(decoding: result, as: UTF8.self))
        }
        if let collapsed, let text = collapsed { return text }
        return text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// Whether the subject starts with a reply or forward prefix ("Re:", "SV:", "AW:").
    public static func isReplySubject(_ subject: String) -> Bool {
        stripPrefix(Substring(subject.replacingControlCharacters().trimmingBlanks())) != nil
    }

    /// Reply and forward prefixes of en, nb/nn, sv, da, de, nl, fr, it, es,
    /// pt, pl (lowercased, without the colon).
    private static let subjectPrefixes: Set<String> = [
        "re", "sv", "vs", "fwd", "fw", "aw", "wg", "antw", "tr", "fv", "vb", "rif", "r",
        "odp", "pd", "rv", "enc", "res", "doorst", "vl",
    ]

    private static func stripPrefix(_ subject: Substring) -> Substring? {
        var rest = subject.drop(while: { $0 == " " || $0 == "\t" })
        let word = rest.prefix(while: { $0.isLetterFast })
        guard !word.isEmpty, word.count <= 16, subjectPrefixes.contains(word.lowercasedByScalar()) else { return nil }
        rest = rest.dropFirst(word.count)
        if rest.first == "[" || rest.first == "(" {
            let close: Character = rest.first == "[" ? "]" : ")"
            let inside = rest.dropFirst().prefix(while: { $0.isNumberFast })
            guard rest.dropFirst(inside.count + 1).first == close else { return nil }
            rest = rest.dropFirst(inside.count + 2)
        } else if rest.first == "^" {
            rest = rest.dropFirst().drop(while: { $0.isNumberFast })
        }
        rest = rest.drop(while: { $0 == " " })
        guard let colon = rest.first, colon == ":" || colon == "\u{FF1A}" else { return nil }
        return rest.dropFirst().drop(while: { $0 == " " || $0 == "\t" })
    }

    private static func isSeparatorOrBlank(_ line: String) -> Bool {
        let trimmed = line.trimmingBlanks()
        return trimmed.isEmpty || trimmed.allSatisfy { $0 == "_" || $0 == "-" || $0 == "=" || $0 == "*" }
    }
}
