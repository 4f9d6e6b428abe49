import Foundation
import MailCore

/// Crashes on purpose, for the live tests that show what a crash in the
/// middle of the work leaves behind: read from the environment by `dsrd run`
/// alone (the composition root, `DaemonComponents.stages`) and unset in
/// production. The process exits right after intake's COMMIT, or kills
/// itself with SIGKILL (as the kernel's out-of-memory killer would) inside
/// a transaction, before its COMMIT, so three of them set the work aside.
public struct FaultInjection: Sendable, Equatable {
    /// Intake exits (status 75) right after a message's COMMIT, before the
    /// IMAP move (`$DSRD_TEST_EXIT_AFTER_COMMIT=1`).
    public var exitAfterCommit: Bool
    /// Intake dies while recording a message whose bytes contain this text
    /// (`$DSRD_TEST_CRASH_ON_MESSAGE`).
    public var messageMarker: String?
    /// Fulfilment dies while carrying out the request with this reference
    /// (`$DSRD_TEST_CRASH_ON_REQUEST`).
    public var requestReference: String?

    public init(exitAfterCommit: Bool = false, messageMarker: String? = nil, requestReference: String? = nil) {
        self.exitAfterCommit = exitAfterCommit
        self.messageMarker = messageMarker
        self.requestReference = requestReference
    }

    public static let none = FaultInjection()

    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        -> FaultInjection {
        FaultInjection(exitAfterCommit: environment["DSRD_TEST_EXIT_AFTER_COMMIT"] == "1",
                       messageMarker: environment["DSRD_TEST_CRASH_ON_MESSAGE"].flatMap { $0.isEmpty ? nil : $0 },
                       requestReference: environment["DSRD_TEST_CRASH_ON_REQUEST"].flatMap { $0.isEmpty ? nil : $0 })
    }

    func crashIfMarked(_ raw: [UInt8], logger: Logger) {
        guard let marker = messageMarker, raw.count >= marker.utf8.count,
              raw.withUnsafeBufferPointer({ UTF8Bytes.contains($0, Array(marker.utf8)) }) else { return }
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
}
