/// Content-Transfer-Encoding decoders that decode as much as they can and
/// say whether they had to skip or repair anything.
enum TransferDecoding {
    struct Result {
        var bytes: [UInt8]
        var repaired: Bool
    }

    static func decode(_ body: ArraySlice<UInt8>, encoding: String) -> Result {
        switch encoding {
        case "base64": return base64(body)
        case "quoted-printable": return quotedPrintable(body)
        case "x-uuencode", "uuencode", "x-uue": return uudecode(body)
        default: return Result(bytes: Array(body), repaired: false)
        }
    }

    /// Base64, skipping anything outside the alphabet; a missing or early
    /// padding and a dangling final character are tolerated.
    static func base64(_ body: ArraySlice<UInt8>) -> Result {
        var output: [UInt8] = []
        output.reserveCapacity(body.count / 4 * 3)
        var quantum: UInt32 = 0
        var count = 0
        var repaired = false
        var sawPadding = false
        for byte in body {
            let value: UInt8
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = byte - UInt8(ascii: "A")
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = byte - UInt8(ascii: "a") + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0") + 52
            case UInt8(ascii: "+"), UInt8(ascii: "-"): value = 62
            case UInt8(ascii: "/"), UInt8(ascii: "_"): value = 63
            case UInt8(ascii: "="):
                sawPadding = true
                continue
            case 0x20, 0x09, 0x0D, 0x0A:
                continue
            default:
                repaired = true
                continue
            }
            if sawPadding {
                // Data after padding: a concatenation of encoded chunks.
                repaired = true
                flush(&quantum, &count, into: &output)
                sawPadding = false
            }
            quantum = (quantum << 6) | UInt32(value)
            count += 1
            if count == 4 {
                output.append(UInt8((quantum >> 16) & 0xFF))
                output.append(UInt8((quantum >> 8) & 0xFF))
                output.append(UInt8(quantum & 0xFF))
                quantum = 0
                count = 0
            }
        }
        if count == 1 { repaired = true }
        flush(&quantum, &count, into: &output)
        return Result(bytes: output, repaired: repaired)
    }

    private static func flush(_ quantum: inout UInt32, _ count: inout Int, into output: inout [UInt8]) {
        switch count {
        case 2:
            output.append(UInt8((quantum >> 4) & 0xFF))
        case 3:
            output.append(UInt8((quantum >> 10) & 0xFF))
            output.append(UInt8((quantum >> 2) & 0xFF))
        default:
            break
        }
        quantum = 0
        count = 0
    }

    /// Quoted-printable: `=XX` decoded, soft line breaks joined, trailing
    /// blanks of lines dropped; a malformed `=` is kept as it stands.
    static func quotedPrintable(_ body: ArraySlice<UInt8>) -> Result {
        var output: [UInt8] = []
        output.reserveCapacity(body.count)
        var repaired = false
        var index = body.startIndex
        let end = body.endIndex
        while index < end {
            let byte = body[index]
            if byte == UInt8(ascii: "=") {
                let next = body.index(after: index)
                if next + 1 < end, let high = hexValue(body[next]), let low = hexValue(body[next + 1]) {
                    output.append(high << 4 | low)
                    index = next + 2
                    continue
                }
                // Soft line break: "=" then optional blanks then CRLF or LF.
                var probe = next
                while probe < end, body[probe] == 0x20 || body[probe] == 0x09 { probe += 1 }
                if probe == end {
                    index = end
                    continue
                }
                if body[probe] == 0x0A {
                    index = probe + 1
                    continue
                }
                if body[probe] == 0x0D {
                    index = probe + 1
                    if index < end, body[index] == 0x0A { index += 1 }
                    continue
                }
                repaired = true
                output.append(byte)
                index = next
                continue
            }
            if byte == 0x20 || byte == 0x09 {
                // Trailing blanks before a line end are padding, not text.
                var probe = index
                while probe < end, body[probe] == 0x20 || body[probe] == 0x09 { probe += 1 }
                if probe == end || body[probe] == 0x0A || body[probe] == 0x0D {
                    index = probe
                    continue
                }
                output.append(contentsOf: body[index..<probe])
                index = probe
                continue
            }
            output.append(byte)
            index += 1
        }
        return Result(bytes: output, repaired: repaired)
    }

    /// uuencoded data between "begin …" and "end" lines; lines that do not
    /// decode are skipped.
    static func uudecode(_ body: ArraySlice<UInt8>) -> Result {
        var output: [UInt8] = []
        var repaired = false
        var started = false
        var index = body.startIndex
        while index < body.endIndex {
            let newline = body[index...].firstIndex(of: 0x0A) ?? body.endIndex
            var line = body[index..<newline]
            index = newline < body.endIndex ? newline + 1 : body.endIndex
            if line.last == 0x0D { line = line.dropLast() }
            if !started {
                started = line.starts(with: Array("begin".utf8))
                continue
            }
            if line.starts(with: Array("end".utf8)) { break }
            guard let lead = line.first else { continue }
            let count = Int((lead &- 0x20) & 0x3F)
            let chars = Array(line.dropFirst())
            var decoded: [UInt8] = []
            var position = 0
            while position < chars.count && decoded.count < count {
                func sextet(_ offset: Int) -> UInt8 {
                    position + offset < chars.count ? (chars[position + offset] &- 0x20) & 0x3F : 0
                }
                decoded.append(sextet(0) << 2 | sextet(1) >> 4)
                decoded.append((sextet(1) & 0x0F) << 4 | sextet(2) >> 2)
                decoded.append((sextet(2) & 0x03) << 6 | sextet(3))
                position += 4
            }
            if decoded.count < count { repaired = true }
            output += decoded.prefix(count)
        }
        return Result(bytes: output, repaired: repaired || !started)
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        default: return nil
        }
    }
}
