/// Message identifiers in Message-ID, In-Reply-To and References values.
enum MessageIDs {
    /// Every `<id>` in the value, brackets removed; when there are no
    /// brackets at all, the blank-separated words that look like ids.
    static func all(in value: String) -> [String] {
        var ids: [String] = []
        // On bytes: the brackets are ASCII, so an id is a slice of the value.
        let utf8 = value.utf8
        var start: String.Index?
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "<") {
                start = utf8.index(after: index)
            } else if byte == UInt8(ascii: ">"), let open = start {
                let id = String(value[open..<index]).trimmingBlanks()
                if !id.isEmpty { ids.append(id) }
                start = nil
            }
            index = utf8.index(after: index)
        }
        if ids.isEmpty && !utf8.contains(UInt8(ascii: "<")) {
            ids = value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," })
                .map(String.init)
                .filter { $0.contains("@") }
        }
        return ids
    }

    static func first(in value: String) -> String? {
        all(in: value).first
    }
}
