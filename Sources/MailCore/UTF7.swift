/// RFC 2152 UTF-7, still seen from old Outlook versions. Foundation on
/// Linux does not convert it.
enum UTF7 {
    static func decode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var units: [UInt16] = []
        var output = ""
        var inBase64 = false
        var bits: UInt32 = 0
        var bitCount = 0
        var justOpened = false

        func flushUnits() {
            if !units.isEmpty {
                output += String(decoding: units, as: UTF16.self)
                units.removeAll(keepingCapacity: true)
            }
        }

        for byte in bytes {
            if inBase64 {
                if let value = base64Value(byte) {
                    bits = (bits << 6) | UInt32(value)
                    bitCount += 6
                    if bitCount >= 16 {
                        bitCount -= 16
                        units.append(UInt16(truncatingIfNeeded: bits >> UInt32(bitCount)))
                        bits &= (1 << UInt32(bitCount)) - 1
                    }
                    justOpened = false
                    continue
                }
                inBase64 = false
                bits = 0
                bitCount = 0
                flushUnits()
                if byte == UInt8(ascii: "-") {
                    if justOpened { output += "+" }
                    justOpened = false
                    continue
                }
                justOpened = false
            } else if byte == UInt8(ascii: "+") {
                inBase64 = true
                justOpened = true
                continue
            }
            output.unicodeScalars.append(Unicode.Scalar(byte))
        }
        flushUnits()
        return output
    }

    private static func base64Value(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return byte - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return byte - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"): return 62
        case UInt8(ascii: "/"): return 63
        default: return nil
        }
    }
}
