/// The elements of a one-dimensional PostgreSQL array in its text form
/// (`{first_name,"last name",NULL}`), for the lists of disclosed fields.
enum PostgresTextArray {
    /// The elements, unquoted and unescaped; NULL elements are left out.
    /// Text that is not an array is one element.
    static func elements(_ text: String) -> [String] {
        guard text.hasPrefix("{"), text.hasSuffix("}"), text.count >= 2 else { return [text] }
        var elements: [String] = []
        var current = ""
        var quoted = false
        var wasQuoted = false
        var escaping = false
        for character in text.dropFirst().dropLast() {
            if escaping {
                current.append(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else if character == "\"" {
                quoted.toggle()
                wasQuoted = true
            } else if character == "," && !quoted {
                if wasQuoted || current != "NULL" { elements.append(current) }
                current = ""
                wasQuoted = false
            } else {
                current.append(character)
            }
        }
        if wasQuoted || (!current.isEmpty && current != "NULL") { elements.append(current) }
        return elements
    }
}
