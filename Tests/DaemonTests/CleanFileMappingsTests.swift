@testable import Daemon
import Testing

private func entry(_ header: String, anonymous: Int = 0, swap: Int = 0, locked: Int = 0) -> String {
    """
    \(header)
    Size:                 64 kB
    Rss:                  12 kB
    Private_Clean:        12 kB
    Anonymous:            \(anonymous) kB
    Swap:                 \(swap) kB
    Locked:               \(locked) kB
    THPeligible:    0
    VmFlags: rd ex mr mw me
    """
}

@Test func onlyCleanReadOnlyPrivateFileMappingsAreDropped() {
    let smaps = [
        entry("55e751833000-55e751c59000 r--p 00000000 fe:00 5374954                    /usr/bin/dsrd"),
        entry("55e751c59000-55e752d3e000 r-xp 00425000 fe:00 5374954                    /usr/bin/dsrd"),
        // RELRO: relocated, then made read-only; its copies must stay.
        entry("55e752d3e000-55e752dd8000 r--p 01509000 fe:00 5374954                    /usr/bin/dsrd", anonymous: 616),
        entry("55e752dd8000-55e755218000 rw-p 015a2000 fe:00 5374954                    /usr/bin/dsrd"),
        entry("7f0000000000-7f0000001000 r--s 00000000 fe:00 11                         /dev/shm/x"),
        entry("7f0000002000-7f0000003000 r-xp 00000000 fe:00 12                         /usr/lib/libswapped.so",
              swap: 4),
        entry("7f0000004000-7f0000005000 r-xp 00000000 fe:00 13                         /usr/lib/liblocked.so",
              locked: 4),
        entry("7f0000006000-7f0000010000 r--p 00000000 00:00 0 "),
        entry("7ffd3b9f6000-7ffd3b9f8000 r-xp 00000000 00:00 0                          [vdso]"),
        entry("7f1a2b3c4000-7f1a2b3d0000 r-xp 00010000 fe:00 777                        /usr/lib/x86_64-linux-gnu/libc.so.6"),
    ].joined(separator: "\n")
    let found = CleanFileMappings.parse(smaps)
    #expect(found == [
        CleanFileMappings.Mapping(start: 0x55e7_5183_3000, length: 0x426000),
        CleanFileMappings.Mapping(start: 0x55e7_51c5_9000, length: 0x10e5000),
        CleanFileMappings.Mapping(start: 0x7f1a_2b3c_4000, length: 0xc000),
    ])
}

@Test func aMappingWithoutFieldsOrWithUnreadableLinesIsStillJudgedByItsHeader() {
    // A writable mapping's fields never count for the read-only one before it.
    let smaps = """
    00400000-00401000 r-xp 00000000 fe:00 1 /usr/bin/a
    00401000-00402000 rw-p 00001000 fe:00 1 /usr/bin/a
    Anonymous:             4 kB
    garbage line without a colon
    00402000-00403000 r--p 00002000 fe:00 1 /usr/bin/a
    Anonymous:        several kB
    """
    #expect(CleanFileMappings.parse(smaps) == [
        CleanFileMappings.Mapping(start: 0x400000, length: 0x1000),
        CleanFileMappings.Mapping(start: 0x402000, length: 0x1000),
    ])
    #expect(CleanFileMappings.parse("").isEmpty)
}

/// This test process's own code: dropping it leaves the process running and
/// its file-backed resident memory smaller; the code is mapped again on use.
@Test func droppingThisProcesssCodePagesShrinksItsFileBackedMemory() throws {
    func residentFileKilobytes() throws -> Int {
        let status = try #require(FreeMemory.readProcFile("/proc/self/status"))
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("RssFile:") })
        return try #require(Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]))
    }
    let before = try residentFileKilobytes()
    let dropped = FreeMemory.dropCodePages()
    let after = try residentFileKilobytes()
    #expect(dropped > 1_000_000)
    #expect(after < before)
    // Code runs again after the drop: the parser (mapped back in) still works.
    #expect(CleanFileMappings.parse("00400000-00401000 r-xp 0 fe:00 1 /x").count == 1)
}
