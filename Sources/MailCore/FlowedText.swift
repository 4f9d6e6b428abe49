/// RFC 3676 format=flowed: lines ending in a space continue on the next
/// line. Quote depth (leading ">") is kept; the signature line "-- " is not
/// joined.
enum FlowedText {
    /// Read on bytes: every mark it looks for (">", the space, "-- ", the
    /// line feed) is ASCII, and the text's line ends are already LF.
    static func unwrap(_ text: String, deleteSpace: Bool) -> String {
        let greaterThan = UInt8(ascii: ">"), space = UInt8(ascii: " ")
        var output: [String] = []
        var current: [UInt8] = []
        var open = false
        var currentDepth = 0
        for line in Array(text.utf8).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            let depth = line.prefix(while: { $0 == greaterThan }).count
            var content = line.dropFirst(depth)
            if content.first == space { content = content.dropFirst() }  // space-stuffing
            let isSignature = content.elementsEqual("-- ".utf8)
            let flowed = content.last == space && !isSignature
            if open && depth != currentDepth {
                output.append(prefix(currentDepth) + String(decoding: current, as: UTF8.self))
                open = false
            }
            if !open {
                current.removeAll(keepingCapacity: true)
                currentDepth = depth
                open = true
            }
            current.append(contentsOf: flowed && deleteSpace ? content.dropLast() : content)
            if !flowed {
                output.append(prefix(depth) + String(decoding: current, as: UTF8.self))
                open = false
            }
        }
        if open { output.append(prefix(currentDepth) + String(decoding: current, as: UTF8.self)) }
        return output.joined(separator: "\n")
    }

    private static func prefix(_ depth: Int) -> String {
        depth == 0 ? "" : String(repeating: ">", count: depth) + " "
    }
}
