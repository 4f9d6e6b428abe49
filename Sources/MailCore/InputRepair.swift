/// Repairs applied to a whole message before reading it.
enum InputRepair {
    /// Old Mac mail ends lines with a bare CR. When bare CRs outnumber LFs,
    /// each bare CR becomes LF; otherwise nil (nothing to repair).
    static func bareCarriageReturns(_ data: ArraySlice<UInt8>) -> [UInt8]? {
        var bareCR = 0
        var lineFeeds = 0
        var index = data.startIndex
        while index < data.endIndex {
            if data[index] == 0x0A {
                lineFeeds += 1
            } else if data[index] == 0x0D, index + 1 == data.endIndex || data[index + 1] != 0x0A {
                bareCR += 1
            }
            index += 1
        }
        guard bareCR > lineFeeds else { return nil }
        var output = Array(data)
        for position in output.indices where output[position] == 0x0D {
            if position + 1 == output.count || output[position + 1] != 0x0A { output[position] = 0x0A }
        }
        return output
    }

    /// Where the headers start when blank lines or indentation come before
    /// them: the first non-blank byte, when it begins a header field that is
    /// followed by another header line. Nil when there is nothing to skip.
    static func headerStartAfterLeadingBlanks(_ data: ArraySlice<UInt8>) -> Int? {
        var index = data.startIndex
        while index < data.endIndex, data[index] == 0x20 || data[index] == 0x09 || data[index] == 0x0D || data[index] == 0x0A {
            index += 1
        }
        guard index > data.startIndex, index < data.endIndex else { return nil }
        let lineEnd = data[index...].firstIndex(of: 0x0A) ?? data.endIndex
        guard HeaderBlock.fieldNameEnd(data[index..<lineEnd]) != nil, lineEnd < data.endIndex else { return nil }
        let nextStart = lineEnd + 1
        let nextEnd = data[nextStart...].firstIndex(of: 0x0A) ?? data.endIndex
        let next = data[nextStart..<nextEnd]
        guard HeaderBlock.fieldNameEnd(next) != nil || next.first == 0x20 || next.first == 0x09 else { return nil }
        return index
    }
}
