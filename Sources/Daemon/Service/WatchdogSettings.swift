import Foundation

/// systemd's watchdog, from `$WATCHDOG_USEC` (and `$WATCHDOG_PID`, when set,
/// naming this process): the loop pings at half the timeout.
public struct WatchdogSettings: Sendable, Equatable {
    /// Seconds between pings: half of the watchdog timeout.
    public var pingInterval: TimeInterval

    public init(pingInterval: TimeInterval) {
        self.pingInterval = pingInterval
    }

    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment,
                                       processID: Int32 = getpid()) -> WatchdogSettings? {
        guard let text = environment["WATCHDOG_USEC"], let microseconds = UInt64(text), microseconds > 0 else {
            return nil
        }
        if let pidText = environment["WATCHDOG_PID"], !pidText.isEmpty, Int32(pidText) != processID {
            return nil
        }
        return WatchdogSettings(pingInterval: Double(microseconds) / 2_000_000)
    }
}
