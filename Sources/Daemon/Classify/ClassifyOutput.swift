import Foundation
import MailCore
import Requests
import Store

/// Formats `dsrd classify` results: one JSON object per line, or a table.
enum ClassifyOutput {
    static func jsonLine(file: String, result: MessageClassification) -> String {
        let c = result.classification
        // Written into one string: a line is written for every file read.
        var line = "{\"file\": "
        line.reserveCapacity(512)
        JSONWriter.writeString(file, into: &line)
        line += ", \"kinds\": ["
        for (number, kind) in c.kinds.sorted().enumerated() {
            if number > 0 { line += "," }
            JSONWriter.writeString(kind.rawValue, into: &line)
        }
        line += "], \"language\": "
        JSONWriter.writeString(c.language.rawValue, into: &line)
        line += ", \"auto\": \(result.isAuto), \"on_behalf\": \(c.onBehalf), \"confidence\": "
        line += number(c.confidence)
        line += ", \"fields\": {"
        for (number, field) in c.fields.sorted(by: { $0.key < $1.key }).enumerated() {
            if number > 0 { line += ", " }
            JSONWriter.writeString(field.key.rawValue, into: &line)
            line += ": "
            JSONWriter.writeString(field.value, into: &line)
        }
        line += "}, \"evidence\": ["
        for (number, text) in c.evidence.enumerated() {
            if number > 0 { line += ", " }
            JSONWriter.writeString(text, into: &line)
        }
        line += "]}"
        return line
    }

    /// The cleaned subject and the new text the classifier reads (quotes,
    /// forwarded headers and the signature taken out), for an operator
    /// asking why a mail was read as it was.
    static func readText(file: String, message: ParsedMessage) -> [String] {
        let body = ReplyText.newText(AnalysedText.prefix(message.text).text, ownDomains: MessageClassification.ownDomains(of: message))
        return ["==> \(file)", "Subject: \(ReplyText.cleanSubject(message.subject))", ""] + body.split(
            separator: "\n", omittingEmptySubsequences: false).map(String.init) + [""]
    }

    static func jsonError(file: String, message: String) -> String {
        "{\"file\": \(quote(file)), \"error\": \(quote(message))}"
    }

    static let tableHeader = ["FILE", "KINDS", "LANG", "AUTO", "BEHALF", "CONF", "FIELDS"]

    static func tableRow(file: String, result: MessageClassification) -> [String] {
        let c = result.classification
        let kinds = c.kinds.isEmpty ? "other" : c.kinds.sorted().map(\.rawValue).joined(separator: "+")
        let fields = c.fields.keys.sorted().compactMap { key in c.fields[key].map { "\(key.rawValue)=\($0)" } }
        return [file, kinds, c.language.rawValue, result.isAuto ? "yes" : "no", c.onBehalf ? "yes" : "no",
                number(c.confidence), fields.isEmpty ? "-" : fields.joined(separator: "; ")]
    }

    static func tableError(file: String, message: String) -> [String] {
        [file, "error: \(message)"]
    }

    /// Rows as lines with columns padded to a common width (the last column is not padded).
    static func table(_ rows: [[String]]) -> [String] {
        var widths: [Int] = []
        for row in rows {
            for (column, cell) in row.enumerated().dropLast() {
                if column >= widths.count { widths.append(0) }
                widths[column] = max(widths[column], cell.count)
            }
        }
        return rows.map { row in
            row.enumerated().map { column, cell in
                column < row.count - 1 ? cell.padding(toLength: widths[column], withPad: " ", startingAt: 0) : cell
            }.joined(separator: "  ")
        }
    }

    /// A JSON string literal with the escapes RFC 8259 requires.
    static func quote(_ text: String) -> String {
        JSONWriter.quoted(text)
    }

    /// Two decimals, as `String(format: "%.2f")` writes them; worked out
    /// here (Foundation's formatting is slow, and every line has a number),
    /// except near a tie between two hundredths, left to the formatter.
    static func number(_ value: Double) -> String {
        let scaled = value * 100
        guard value.isFinite, value >= 0, scaled < 1e12, abs(scaled - scaled.rounded(.down) - 0.5) > 1e-6 else {
            return String(format: "%.2f", value)
        }
        let hundredths = Int(scaled.rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }
}

/// Buffered writing to standard output and standard error. Lines carry
/// text from the files read (field values, file names): each goes through
/// `TerminalText.escaped`, as every line of `dsrd` does.
struct ClassifyWriter {
    private var buffer = ""

    mutating func line(_ text: String) {
        buffer += TerminalText.escaped(text)
        buffer += "\n"
        if buffer.utf8.count > 64 * 1024 { flush() }
    }

    mutating func flush() {
        if !buffer.isEmpty { FileHandle.standardOutput.write(Data(buffer.utf8)) }
        buffer = ""
    }

    /// Lines to standard error (a usage text has several), each escaped.
    static func error(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        FileHandle.standardError.write(Data(lines.map { TerminalText.escaped(String($0)) + "\n" }.joined().utf8))
    }
}
