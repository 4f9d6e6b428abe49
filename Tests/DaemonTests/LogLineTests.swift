import Foundation
import Synchronization
import Testing
@testable import Daemon

@Test func logLineIsLogfmtWithEscapedValues() {
    let line = LogLine.format(level: .warning, message: "imap unreachable",
                              metadata: [("error", "line one\nline two"), ("count", "3"), ("quote", "a \"b\"")],
                              journal: false, timestamp: nil)
    #expect(line == #"level=warning msg="imap unreachable" error="line one\nline two" count=3 quote="a \"b\"""#)
    #expect(!line.contains("\n"))
}

@Test func journalLinesCarryPriorityAndNoTimestamp() {
    let line = LogLine.format(level: .error, message: "x", metadata: [], journal: true, timestamp: nil)
    #expect(line == "<3>level=error msg=x")
    let info = LogLine.format(level: .info, message: "x", metadata: [], journal: false, timestamp: Date(timeIntervalSince1970: 0))
    #expect(info.hasPrefix("ts=1970-01-01T00:00:00Z level=info"))
}

@Test func controlCharactersAndHostileKeysAreNeutralised() {
    let line = LogLine.format(level: .info, message: "m", metadata: [("Bad Key=\n", "\u{1b}[31m\r\u{2028}")], journal: true, timestamp: nil)
    #expect(!line.contains("\u{1b}"))
    #expect(!line.contains("\r"))
    #expect(!line.contains("\u{2028}"))
    #expect(line.contains(" badkey="))
}

@Test func loggerFiltersByLevel() {
    let lines = Mutex<[String]>([])
    let logger = Logger(level: .warning, journal: true) { line in lines.withLock { $0.append(line) } }
    logger.info("hidden", ["a": 1])
    logger.warning("shown", ["a": 2])
    logger.error("also shown")
    #expect(lines.withLock { $0 } == ["<4>level=warning msg=shown a=2", "<3>level=error msg=\"also shown\""])
}
