/// Message identifiers in Message-ID, In-Reply-To and References values.
enum MessageIDs {
    /// Every `<id>` in the value, brackets removed; when there are no
    /// brackets at all, the blank-separated words that look like ids.
    static func all(in value: String) -> [String] {
        var ids: [String] = []
        var current: String?
        for character in value {
            if character == "<" {
                current = ""
            } else if character == ">" {
                if let id = current?.trimmingBlanks(), !id.isEmpty { ids.append(id) }
                current = nil
            } else if current != nil {
                current?.append(character)
            }
        }
        if ids.isEmpty && !value.contains("<") {
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
