/// The read-only mappings of files in `/proc/self/smaps` whose pages are
/// all the file's own: code and constants of the executable and its
/// libraries that no write ever copied.
///
/// Only those may be dropped from the page tables with `MADV_DONTNEED`: a
/// later touch maps the file's page again. A mapping that holds any
/// private copy (`Anonymous` or `Swap` above 0 — the relocated data that
/// the loader made read-only afterwards, RELRO, or code a debugger
/// patched) would lose it, so it is left out; so are writable, shared,
/// locked and anonymous mappings.
public enum CleanFileMappings {
    /// One mapping: its start address and length in bytes.
    public struct Mapping: Sendable, Equatable {
        public let start: UInt
        public let length: UInt

        public init(start: UInt, length: UInt) {
            self.start = start
            self.length = length
        }
    }

    /// The mappings of `smaps` text that may be dropped.
    public static func parse(_ smaps: String) -> [Mapping] {
        var found: [Mapping] = []
        // The mapping whose fields follow, when it may be dropped so far.
        var candidate: Mapping?
        for line in smaps.split(separator: "\n", omittingEmptySubsequences: true) {
            if let header = header(line) {
                if let mapping = candidate { found.append(mapping) }
                candidate = header.mapping
            } else if candidate != nil, let (name, kilobytes) = field(line),
                      name == "Anonymous" || name == "Swap" || name == "Locked", kilobytes != 0 {
                candidate = nil
            }
        }
        if let mapping = candidate { found.append(mapping) }
        return found
    }

    /// A mapping's first line, `START-END PERMS OFFSET DEV INODE [PATH]`:
    /// its range when it is a read-only private mapping of a file, else nil.
    private struct Header {
        let mapping: Mapping?
    }

    /// The header of a line that is one, else nil (a field).
    private static func header(_ line: Substring) -> Header? {
        let parts = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
        let bounds = parts.first?.split(separator: "-") ?? []
        guard parts.count >= 5, bounds.count == 2, let start = UInt(bounds[0], radix: 16),
              let end = UInt(bounds[1], radix: 16) else {
            return nil
        }
        let isFile = parts.count == 6 && parts[5].first(where: { $0 != " " }) == "/"
        let eligible = isFile && (parts[1] == "r--p" || parts[1] == "r-xp") && end > start
        return Header(mapping: eligible ? Mapping(start: start, length: end - start) : nil)
    }

    /// `Name:   N kB`, else nil.
    private static func field(_ line: Substring) -> (Substring, UInt)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let rest = line[line.index(after: colon)...].split(separator: " ", omittingEmptySubsequences: true)
        guard rest.count == 2, rest[1] == "kB", let value = UInt(rest[0]) else { return nil }
        return (line[..<colon], value)
    }
}
