import CMalloc
import Glibc

/// Gives memory the daemon freed back to the system.
///
/// glibc keeps freed heap pages in its arenas for the next allocation, so a
/// daemon that drained a backlog would stay at its working size for the
/// hours it then waits, and even idle rounds leave pages behind in the
/// arenas of the threads they ran on. `ServiceRunner` calls this before
/// each wait between rounds, so an idle dsrd holds only what it uses.
///
/// Code is the other half. Starting, and carrying out a backlog, touch
/// several megabytes of code and constants (the schema check, the
/// classifier, the composer, Foundation's calendar) that an idle poll never
/// runs again, and the kernel maps them 64 KB at a time around each page
/// touched. When the daemon goes idle after start or after work, those
/// mappings are dropped from its page tables (`MADV_DONTNEED` on the clean
/// read-only file mappings, `CleanFileMappings`); the pages stay in the
/// page cache, and the next touch maps them again (a minor fault).
public enum FreeMemory {
    /// Returns the free pages of every malloc arena (`malloc_trim(0)`), and
    /// after work (`afterWork`) drops the code pages too; a few
    /// milliseconds at most, between rounds.
    @Sendable public static func release(afterWork: Bool) {
        _ = malloc_trim(0)
        if afterWork { dropCodePages() }
    }

    /// Drops the clean read-only file mappings from the page tables;
    /// returns how many bytes of mappings it asked for (0 when
    /// `/proc/self/smaps` cannot be read).
    @discardableResult
    public static func dropCodePages() -> UInt {
        guard let smaps = readProcFile("/proc/self/smaps") else { return 0 }
        var dropped: UInt = 0
        for mapping in CleanFileMappings.parse(smaps) {
            guard let start = UnsafeMutableRawPointer(bitPattern: mapping.start) else { continue }
            if madvise(start, Int(mapping.length), MADV_DONTNEED) == 0 { dropped += mapping.length }
        }
        return dropped
    }

    /// A /proc file whole (its size reads as 0, so it is read to the end).
    /// Read with the C calls, not Foundation's file handles: this runs just
    /// before the code pages are dropped, and should map in little code.
    static func readProcFile(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
