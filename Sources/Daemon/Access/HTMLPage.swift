/// A small HTML document built piece by piece: every text passes through
/// `escaped`, so nothing from the database can add markup. The style is
/// inline and plain (readable on paper too); no script, no remote resource.
struct HTMLPage {
    private(set) var text = ""

    mutating func open(language: String, title: String) {
        text += "<!DOCTYPE html>\n<html lang=\"\(Self.escaped(language))\">\n<head>\n<meta charset=\"utf-8\">\n"
        text += "<title>\(Self.escaped(title))</title>\n<style>\n"
        text += "body { font-family: sans-serif; line-height: 1.45; max-width: 60em; margin: 2em auto; padding: 0 1em; }\n"
        text += "table { border-collapse: collapse; margin: 0.5em 0 2em; }\n"
        text += "th, td { border: 1px solid #bbb; padding: 0.3em 0.6em; text-align: left; vertical-align: top; white-space: pre-wrap; }\n"
        text += "th { background: #eee; }\ndt { font-weight: bold; }\ndd { margin: 0 0 0.5em 1.5em; }\n"
        text += "</style>\n</head>\n<body>\n"
    }

    mutating func close() {
        text += "</body>\n</html>\n"
    }

    /// `<name>text</name>` on a line of its own.
    mutating func element(_ name: String, _ content: String) {
        text += "<\(name)>\(Self.escaped(content))</\(name)>\n"
    }

    /// Markup of dsrd's own, inserted as it is.
    mutating func raw(_ markup: String) {
        text += markup
    }

    mutating func list(_ items: [String]) {
        text += "<ul>\n" + items.map { "<li>\(Self.escaped($0))</li>\n" }.joined() + "</ul>\n"
    }

    mutating func definitions(_ pairs: [(String, String)]) {
        text += "<dl>\n" + pairs.map { "<dt>\(Self.escaped($0.0))</dt><dd>\(Self.escaped($0.1))</dd>\n" }.joined() + "</dl>\n"
    }

    mutating func table(headings: [String], rows: [[String]]) {
        text += "<table>\n<thead><tr>" + headings.map { "<th scope=\"col\">\(Self.escaped($0))</th>" }.joined()
            + "</tr></thead>\n<tbody>\n"
        for row in rows {
            text += "<tr>" + row.map { "<td>\(Self.escaped($0))</td>" }.joined() + "</tr>\n"
        }
        text += "</tbody>\n</table>\n"
    }

    /// `&`, `<`, `>`, `"` and `'` as character references; other control
    /// characters than tab and line breaks become U+FFFD.
    static func escaped(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
