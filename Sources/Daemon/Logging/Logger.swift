import Foundation

/// dsrd's logger: one logfmt line per event on stderr, a constant message
/// and data as key=value metadata.
///
/// The message is a `StaticString`, so no value can be interpolated into it.
/// Metadata values are dsrd's own facts (counts, states, references, SQLSTATE,
/// curl codes, `PersonRef`s); never an address, a name, a phone number or
/// message text.
public struct Logger: Sendable {
    public var level: LogLevel
    /// Under systemd (`$JOURNAL_STREAM` set) lines start with `<N>` and carry
    /// no timestamp: the journal keeps both.
    public var journal: Bool
    private let sink: @Sendable (String) -> Void

    public init(level: LogLevel = .info, journal: Bool = Logger.runningUnderJournal,
                sink: @escaping @Sendable (String) -> Void = Logger.writeToStandardError) {
        self.level = level
        self.journal = journal
        self.sink = sink
    }

    public static var runningUnderJournal: Bool {
        ProcessInfo.processInfo.environment["JOURNAL_STREAM"] != nil
    }

    public func log(_ level: LogLevel, _ message: StaticString, _ metadata: KeyValuePairs<String, any CustomStringConvertible & Sendable> = [:]) {
        guard level >= self.level else { return }
        let pairs = metadata.map { ($0.key, String(describing: $0.value)) }
        sink(LogLine.format(level: level, message: message.description, metadata: pairs,
                            journal: journal, timestamp: journal ? nil : Date()))
    }

    public func debug(_ message: StaticString, _ metadata: KeyValuePairs<String, any CustomStringConvertible & Sendable> = [:]) {
        log(.debug, message, metadata)
    }

    public func info(_ message: StaticString, _ metadata: KeyValuePairs<String, any CustomStringConvertible & Sendable> = [:]) {
        log(.info, message, metadata)
    }

    public func notice(_ message: StaticString, _ metadata: KeyValuePairs<String, any CustomStringConvertible & Sendable> = [:]) {
        log(.notice, message, metadata)
    }

    public func warning(_ message: StaticString, _ metadata: KeyValuePairs<String, any CustomStringConvertible & Sendable> = [:]) {
        log(.warning, message, metadata)
    }

    public func error(_ message: StaticString, _ metadata: KeyValuePairs<String, any CustomStringConvertible & Sendable> = [:]) {
        log(.error, message, metadata)
    }

    /// One `write(2)` per line, so lines from several threads never interleave.
    public static let writeToStandardError: @Sendable (String) -> Void = { line in
        var bytes = Array(line.utf8)
        bytes.append(UInt8(ascii: "\n"))
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let written = write(2, base + offset, buffer.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
    }
}
