/// Writes the small JSON objects dsrd stores in jsonb columns (audit
/// details, extracted fields): keys sorted, strings escaped as RFC 8259
/// asks. Several are written for every request, and Foundation's
/// `JSONSerialization` spends most of its time bridging each value; this
/// writer knows the few types dsrd puts there and nothing else.
public enum JSONWriter {
    /// The object as JSON text, or nil when a value is of a type the writer
    /// does not know (or a number JSON cannot hold).
    public static func object(_ object: [String: Any]) -> String? {
        var output = ""
        return write(object, into: &output) ? output : nil
    }

    /// `text` as a JSON string literal.
    public static func quoted(_ text: String) -> String {
        var output = ""
        writeString(text, into: &output)
        return output
    }

    private static func write(_ value: Any, into output: inout String) -> Bool {
        switch value {
        case let text as String:
            writeString(text, into: &output)
        case let flag as Bool:
            output += flag ? "true" : "false"
        case let number as Int:
            output += String(number)
        case let number as Int64:
            output += String(number)
        case let number as Int32:
            output += String(number)
        case let number as UInt64:
            output += String(number)
        case let number as Double:
            guard number.isFinite else { return false }
            output += number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case let object as [String: Any]:
            output += "{"
            for (index, key) in object.keys.sorted().enumerated() {
                if index > 0 { output += "," }
                writeString(key, into: &output)
                output += ":"
                guard let item = object[key], write(item, into: &output) else { return false }
            }
            output += "}"
        case let array as [Any]:
            output += "["
            for (index, item) in array.enumerated() {
                if index > 0 { output += "," }
                guard write(item, into: &output) else { return false }
            }
            output += "]"
        default:
            return false
        }
        return true
    }

    /// `text` as a JSON string, appended to `output`.
    public static func writeString(_ text: String, into output: inout String) {
        output += "\""
        // Most text needs no escape at all: copied whole.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            output += text
        } else {
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": output += "\\\""
                case "\\": output += "\\\\"
                case "\n": output += "\\n"
                case "\r": output += "\\r"
                case "\t": output += "\\t"
                default:
                    if scalar.value < 0x20 {
                        let hex = String(scalar.value, radix: 16)
                        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    } else {
                        output.unicodeScalars.append(scalar)
                    }
                }
            }
        }
        output += "\""
    }
}
