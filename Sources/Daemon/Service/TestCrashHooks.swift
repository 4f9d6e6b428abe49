import Foundation

/// Test hooks, read from the environment by `StageFactory` and unset in
/// production: the process kills itself with SIGKILL (as the kernel's
/// out-of-memory killer would) inside a transaction, before its COMMIT, so
/// a live test can show what a crash in the middle of the work leaves
/// behind, and that three of them set the work aside.
public struct TestCrashHooks: Sendable, Equatable {
    /// Intake dies while recording a message whose bytes contain this text
    /// (`$DSRD_TEST_CRASH_ON_MESSAGE`).
    public var messageMarker: String?
    /// Fulfilment dies while carrying out the request with this reference
    /// (`$DSRD_TEST_CRASH_ON_REQUEST`).
    public var requestReference: String?

    public init(messageMarker: String? = nil, requestReference: String? = nil) {
        self.messageMarker = messageMarker
        self.requestReference = requestReference
    }

    public static let none = TestCrashHooks()

    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        -> TestCrashHooks {
        TestCrashHooks(messageMarker: environment["DSRD_TEST_CRASH_ON_MESSAGE"].flatMap { $0.isEmpty ? nil : $0 },
                       requestReference: environment["DSRD_TEST_CRASH_ON_REQUEST"].flatMap { $0.isEmpty ? nil : $0 })
    }

    func crashIfMarked(_ raw: [UInt8], logger: Logger) {
        guard let marker = messageMarker, raw.count >= marker.utf8.count,
              Self.contains(raw, Array(marker.utf8)) else { return }
        die(logger)
    }

    func crashIfMarked(reference: String, logger: Logger) {
        guard reference == requestReference else { return }
        die(logger)
    }

    private func die(_ logger: Logger) -> Never {
        logger.notice("killing the process before a commit (test hook)")
        kill(getpid(), SIGKILL)
        // SIGKILL cannot be caught; the process ends here.
        while true { pause() }
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return false }
        var index = 0
        while index + needle.count <= haystack.count {
            if haystack[index] == first, Array(haystack[index..<(index + needle.count)]) == needle { return true }
            index += 1
        }
        return false
    }
}
