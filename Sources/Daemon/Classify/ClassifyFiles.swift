import Foundation
import LogSafety

/// The input files of `dsrd classify` and `dsrd bench-classify`: files named
/// on the command line as they are, folders searched recursively for files
/// ending in `.eml` or `.txt`, sorted by path for a stable order.
enum ClassifyFiles {
    enum Entry: Sendable, Equatable {
        case file(String)
        /// A named path that does not exist or cannot be listed.
        case missing(String, reason: String)
    }

    static let extensions: Set<String> = ["eml", "txt"]

    static func collect(_ paths: [String]) -> [Entry] {
        var entries: [Entry] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                entries.append(.missing(path, reason: "no such file or folder"))
                continue
            }
            if !isDirectory.boolValue {
                entries.append(.file(path))
                continue
            }
            guard let enumerator = manager.enumerator(atPath: path) else {
                entries.append(.missing(path, reason: "cannot list folder"))
                continue
            }
            var found: [String] = []
            while let relative = enumerator.nextObject() as? String {
                let lowered = relative.lowercased()
                guard let dot = lowered.lastIndex(of: "."),
                      extensions.contains(String(lowered[lowered.index(after: dot)...])) else { continue }
                let full = (path as NSString).appendingPathComponent(relative)
                var nestedDirectory: ObjCBool = false
                if manager.fileExists(atPath: full, isDirectory: &nestedDirectory), !nestedDirectory.boolValue {
                    found.append(full)
                }
            }
            entries += found.sorted().map(Entry.file)
        }
        return entries
    }

    /// The bytes of a file, or a short reason why they cannot be read.
    static func read(_ path: String) -> Result<[UInt8], ClassifyReadError> {
        guard let handle = FileHandle(forReadingAtPath: path) else { return .failure(.cannotOpen) }
        defer { try? handle.close() }
        do {
            let data = try handle.readToEnd() ?? Data()
            return .success([UInt8](data))
        } catch {
            return .failure(.cannotRead)
        }
    }
}

/// Why an input file gave no classification. The messages name no content.
enum ClassifyReadError: LogSafeError, Sendable {
    case cannotOpen
    case cannotRead

    var description: String {
        switch self {
        case .cannotOpen: return "cannot open file"
        case .cannotRead: return "cannot read file"
        }
    }
}
