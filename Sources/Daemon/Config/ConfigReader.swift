import Foundation
import Requests

/// Reads typed values out of a JSON object, collecting every problem with its
/// key path instead of stopping at the first.
struct ConfigReader {
    private(set) var problems: [Problem] = []
    let environment: [String: String]

    init(environment: [String: String]) {
        self.environment = environment
    }

    mutating func problem(_ path: String, _ message: String) {
        problems.append(Problem(path: path, message: message))
    }

    /// Flags keys dsrd does not know (a typo would otherwise be ignored).
    mutating func rejectUnknownKeys(_ object: [String: JSONValue], known: Set<String>, path: String) {
        for key in object.keys.sorted() where !known.contains(key) && !key.hasPrefix("_") {
            problem(join(path, key), "unknown key")
        }
    }

    mutating func object(_ object: [String: JSONValue], _ key: String, path: String, required: Bool = true) -> [String: JSONValue]? {
        switch object[key] {
        case .object(let value): return value
        case nil, .null?:
            if required { problem(join(path, key), "missing key (an object)") }
            return nil
        case let other?:
            problem(join(path, key), "must be an object, found \(other.typeName)")
            return nil
        }
    }

    mutating func string(_ object: [String: JSONValue], _ key: String, path: String, required: Bool = true) -> String? {
        switch object[key] {
        case .string(let value):
            if value.isEmpty { problem(join(path, key), "must not be empty"); return nil }
            return value
        case nil, .null?:
            if required { problem(join(path, key), "missing key (a string)") }
            return nil
        case let other?:
            problem(join(path, key), "must be a string, found \(other.typeName)")
            return nil
        }
    }

    mutating func int(_ object: [String: JSONValue], _ key: String, path: String, default value: Int?,
                      range: ClosedRange<Int>) -> Int? {
        switch object[key] {
        case .number(let number):
            guard number.rounded() == number, let integer = Int(exactly: number) else {
                problem(join(path, key), "must be a whole number")
                return nil
            }
            guard range.contains(integer) else {
                problem(join(path, key), "must be between \(range.lowerBound) and \(range.upperBound)")
                return nil
            }
            return integer
        case nil, .null?:
            if value == nil { problem(join(path, key), "missing key (a number)") }
            return value
        case let other?:
            problem(join(path, key), "must be a number, found \(other.typeName)")
            return nil
        }
    }

    mutating func choice<T: RawRepresentable>(_ object: [String: JSONValue], _ key: String, path: String,
                                              default value: T?) -> T? where T.RawValue == String {
        guard object[key] != nil else {
            if value == nil { problem(join(path, key), "missing key") }
            return value
        }
        guard let text = string(object, key, path: path) else { return nil }
        guard let parsed = T(rawValue: text) else {
            problem(join(path, key), "unknown value")
            return nil
        }
        return parsed
    }

    /// An e-mail address (`local@domain`, no display name, no spaces).
    mutating func address(_ object: [String: JSONValue], _ key: String, path: String) -> String? {
        guard let text = string(object, key, path: path) else { return nil }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !text.contains(where: { $0.isWhitespace || "<>\"(),;".contains($0) }) else {
            problem(join(path, key), "must be a plain e-mail address (local@domain)")
            return nil
        }
        return text
    }

    /// A URL with one of the given schemes, a host, and no path beyond "/".
    mutating func url(_ object: [String: JSONValue], _ key: String, path: String, schemes: [String]) -> String? {
        guard let text = string(object, key, path: path) else { return nil }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              schemes.contains(scheme), let host = components.host, !host.isEmpty,
              components.path.isEmpty || components.path == "/", components.query == nil,
              components.user == nil, components.password == nil else {
            problem(join(path, key), "malformed URL (expected \(schemes.map { $0 + "://host[:port]" }.joined(separator: " or ")), without path or credentials)")
            return nil
        }
        return text
    }

    /// A secret given as a reference, resolved now so problems show at load.
    mutating func secret(_ object: [String: JSONValue], _ key: String, path: String, required: Bool = true) -> String? {
        guard let reference = secretReference(object, key, path: path, required: required) else { return nil }
        switch reference.resolve(environment: environment) {
        case .success(let secret): return secret
        case .failure(let error):
            problem(join(path, key), error.message)
            return nil
        }
    }

    /// A secret's reference, checked in form but not read: for a secret only
    /// one command uses (the schema owner's password, read by `dsrd migrate`),
    /// which the daemon's own environment must not even be able to read.
    mutating func secretReference(_ object: [String: JSONValue], _ key: String, path: String,
                                  required: Bool = true) -> SecretReference? {
        let keyPath = join(path, key)
        switch object[key] {
        case nil, .null?:
            if required { problem(keyPath, "missing key (a secret: {\"file\": PATH}, {\"env\": NAME} or {\"credential\": NAME})") }
            return nil
        case .string?:
            problem(keyPath, "secrets are not written inline: use {\"file\": PATH}, {\"env\": NAME} or {\"credential\": NAME}")
            return nil
        case .object(let reference)?:
            let sources: [(String, (String) -> SecretReference)] = [
                ("file", SecretReference.file), ("env", SecretReference.environment), ("credential", SecretReference.credential),
            ]
            let given = sources.filter { reference[$0.0] != nil }
            guard given.count == 1, reference.count == 1, let (name, make) = given.first else {
                problem(keyPath, "must have exactly one of file, env or credential")
                return nil
            }
            guard case .string(let target)? = reference[name], !target.isEmpty else {
                problem(join(keyPath, name), "must be a non-empty string")
                return nil
            }
            return make(target)
        case let other?:
            problem(keyPath, "must be an object ({\"file\": PATH}, {\"env\": NAME} or {\"credential\": NAME}), found \(other.typeName)")
            return nil
        }
    }

    /// A path that must exist (a directory when `directory`).
    mutating func existingPath(_ object: [String: JSONValue], _ key: String, path: String, directory: Bool, required: Bool) -> String? {
        guard let text = string(object, key, path: path, required: required) else { return nil }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: text, isDirectory: &isDirectory) else {
            problem(join(path, key), directory ? "directory not found" : "file not found")
            return nil
        }
        if isDirectory.boolValue != directory {
            problem(join(path, key), directory ? "must be a directory" : "must be a file, found a directory")
            return nil
        }
        if !FileManager.default.isReadableFile(atPath: text) {
            problem(join(path, key), "not readable")
            return nil
        }
        return text
    }

    func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : path + "." + key
    }
}
