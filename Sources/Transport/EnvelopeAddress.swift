/// Checks of SMTP envelope addresses. curl 7.88 passes CR/LF in
/// MAIL FROM / RCPT TO straight to the server (command injection), so dsrd
/// refuses them, and anything else that is not a plain `local@domain`.
public enum EnvelopeAddress {
    public static func isValid(_ address: String, allowEmpty: Bool) -> Bool {
        if address.isEmpty { return allowEmpty }
        guard address.utf8.count <= 254 else { return false }
        for byte in address.utf8 where byte < 0x21 || byte == 0x7F || byte == UInt8(ascii: "<")
            || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: ",") {
            return false
        }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].utf8.count <= 64 else { return false }
        let domain = parts[1]
        return !domain.isEmpty && !domain.hasPrefix(".") && !domain.hasSuffix(".") && !domain.contains("..")
    }
}

/// Line-end repair for outgoing mail: SMTP wants CRLF, and curl mangles
/// leading dots on LF-only input.
public enum LineEnds {
    public static func crlf(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 40)
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == UInt8(ascii: "\n") && previous != UInt8(ascii: "\r") {
                output.append(UInt8(ascii: "\r"))
            }
            output.append(byte)
            previous = byte
        }
        return output
    }
}
