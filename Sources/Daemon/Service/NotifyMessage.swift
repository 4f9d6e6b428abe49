/// One message of systemd's notify protocol (`sd_notify`), as the text of
/// one datagram.
public enum NotifyMessage: Sendable, Equatable {
    case ready
    case reloading
    case stopping
    case watchdog
    /// A one-line status for `systemctl status`.
    case status(String)

    /// The datagram text. A status is kept to one line (newlines would start
    /// new assignments) and to a length systemd shows whole.
    public var text: String {
        switch self {
        case .ready: "READY=1"
        case .reloading: "RELOADING=1"
        case .stopping: "STOPPING=1"
        case .watchdog: "WATCHDOG=1"
        case .status(let line): "STATUS=" + Self.oneLine(line)
        }
    }

    /// A change of state systemd acts on (READY, RELOADING, STOPPING), as
    /// against a status line or a watchdog ping that the next one replaces.
    public var changesState: Bool {
        switch self {
        case .ready, .reloading, .stopping: true
        case .watchdog, .status: false
        }
    }

    static let maxStatusLength = 200

    static func oneLine(_ text: String) -> String {
        var line = ""
        for character in text {
            if line.count >= maxStatusLength { break }
            line.append(character.isNewline || character == "\0" ? " " : character)
        }
        return line
    }
}

/// Where notify messages go: systemd, or nowhere when not run by systemd.
public protocol ServiceNotifier: Sendable {
    func notify(_ message: NotifyMessage)
}

/// A notifier for runs outside systemd.
public struct SilentNotifier: ServiceNotifier {
    public init() {}
    public func notify(_ message: NotifyMessage) {}
}
