/// RFC 3676 format=flowed: lines ending in a space continue on the next
/// line. Quote depth (leading ">") is kept; the signature line "-- " is not
/// joined.
enum FlowedText {
    static func unwrap(_ text: String, deleteSpace: Bool) -> String {
        var output: [String] = []
        var current = ""
        var open = false
        var currentDepth = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let depth = line.prefix(while: { $0 == ">" }).count
            var content = line.dropFirst(depth)
            if content.hasPrefix(" ") { content = content.dropFirst() }  // space-stuffing
            let isSignature = content == "-- "
            let flowed = content.hasSuffix(" ") && !isSignature
            if open && depth != currentDepth {
                output.append(prefix(currentDepth) + current)
                open = false
            }
            if !open {
                current = ""
                currentDepth = depth
                open = true
            }
            current.append(contentsOf: flowed && deleteSpace ? content.dropLast() : content)
            if !flowed {
                output.append(prefix(depth) + current)
                open = false
            }
        }
        if open { output.append(prefix(currentDepth) + current) }
        return output.joined(separator: "\n")
    }

    private static func prefix(_ depth: Int) -> String {
        depth == 0 ? "" : String(repeating: ">", count: depth) + " "
    }
}
