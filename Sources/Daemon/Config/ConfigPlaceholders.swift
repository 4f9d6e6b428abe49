/// The values a packaged configuration leaves for the site to fill in.
///
/// The Debian package installs `/etc/dsrd/config.json` with every
/// site-specific value written as `"FILL IN: …"` (what belongs there
/// follows the colon). JSON has no comments, and a file of plausible
/// example values would pass every check and send the daemon to someone
/// else's servers; a placeholder instead stops `dsrd check-config` and
/// `dsrd run` (exit 78) naming each key still to fill in, before anything
/// else is checked.
enum ConfigPlaceholders {
    /// How a placeholder starts.
    static let marker = "FILL IN"

    static let message = "still the packaged placeholder: fill in this site's value"

    /// The key path of every string (also inside arrays) that starts with
    /// the marker, sorted; keys starting with `_` are notes and skipped.
    static func paths(in object: [String: JSONValue], path: String = "") -> [String] {
        object.keys.sorted().filter { !$0.hasPrefix("_") }.flatMap { key -> [String] in
            guard let value = object[key] else { return [] }
            return paths(in: value, path: path.isEmpty ? key : "\(path).\(key)")
        }
    }

    private static func paths(in value: JSONValue, path: String) -> [String] {
        switch value {
        case .string(let text):
            return text.hasPrefix(marker) ? [path] : []
        case .object(let object):
            return paths(in: object, path: path)
        case .array(let items):
            return items.enumerated().flatMap { paths(in: $0.element, path: "\(path)[\($0.offset)]") }
        default:
            return []
        }
    }
}
