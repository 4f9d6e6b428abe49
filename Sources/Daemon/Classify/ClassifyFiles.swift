import Foundation
import Glibc
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
            var found: [String] = []
            guard listFiles(in: joined(path, ""), into: &found) else {
                entries.append(.missing(path, reason: "cannot list folder"))
                continue
            }
            entries += found.sorted().map(Entry.file)
        }
        return entries
    }

    /// The folder's path with one "/" to append names to ("a" and "a//" give "a/").
    private static func joined(_ folder: String, _ name: String) -> String {
        var base = Substring(folder)
        while base.count > 1 && base.hasSuffix("/") { base = base.dropLast() }
        return base == "/" ? "/" + name : base + "/" + name
    }

    /// Adds the .eml and .txt files under `folder` (which ends in "/"),
    /// searching subfolders without following links to folders; a link to a
    /// file counts as the file. One directory read per folder: a stat only
    /// for entries whose type the file system does not tell. Returns false
    /// when `folder` itself cannot be listed.
    private static func listFiles(in folder: String, into found: inout [String]) -> Bool {
        guard let directory = opendir(folder) else { return false }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let full = folder + name
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                var info = stat()
                guard lstat(full, &info) == 0 else { continue }
                type = (info.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : (info.st_mode & S_IFMT) == S_IFLNK ? Int32(DT_LNK) : Int32(DT_REG)
            }
            if type == Int32(DT_DIR) {
                _ = listFiles(in: full + "/", into: &found)
                continue
            }
            guard hasListedExtension(name) else { continue }
            if type == Int32(DT_REG) {
                found.append(full)
            } else {
                // A link (or another kind of entry): a file if what it leads to is a regular file.
                var info = stat()
                if stat(full, &info) == 0 && (info.st_mode & S_IFMT) != S_IFDIR { found.append(full) }
            }
        }
        return true
    }

    private static func hasListedExtension(_ name: String) -> Bool {
        let lowered = name.lowercased()
        guard let dot = lowered.lastIndex(of: ".") else { return false }
        return extensions.contains(String(lowered[lowered.index(after: dot)...]))
    }

    /// The bytes of a file, or a short reason why they cannot be read.
    static func read(_ path: String) -> Result<[UInt8], ClassifyReadError> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.cannotOpen) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.cannotRead) }
        var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes += [UInt8](repeating: 0, count: bytes.count) }
            let got = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress.map { $0 + count }, buffer.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(.cannotRead)
            }
            if got == 0 { break }
            count += got
        }
        bytes.removeLast(bytes.count - count)
        return .success(bytes)
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
