import Foundation

/// Speaks systemd's notify protocol without libsystemd: each message is one
/// datagram to the AF_UNIX socket named in `$NOTIFY_SOCKET` (a path, or
/// `@name` for an abstract socket).
public struct SystemdNotifier: ServiceNotifier {
    /// The socket address as given (`/run/systemd/notify` or `@name`).
    public let socketPath: String

    /// Nil when the value is not a usable socket name.
    public init?(socketPath: String) {
        guard NotifySocketAddress.bytes(socketPath) != nil else { return nil }
        self.socketPath = socketPath
    }

    /// The notifier for this process: systemd's when `$NOTIFY_SOCKET` is set.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> (any ServiceNotifier)? {
        guard let path = environment["NOTIFY_SOCKET"], !path.isEmpty else { return nil }
        return SystemdNotifier(socketPath: path)
    }

    /// Sends one datagram; failures are ignored (systemd may be gone, and
    /// the daemon's work does not depend on it).
    public func notify(_ message: NotifyMessage) {
        guard message.changesState else {
            _ = send(message.text)
            return
        }
        // A full queue drops a status or a ping, which the next replaces; a
        // change of state gets a short while (about 1 s) for room.
        for _ in 0..<100 {
            guard attempt(message.text) == .queueFull else { return }
            usleep(10_000)
        }
    }

    /// Sends `text` as one datagram; true when the whole of it was sent.
    /// Never waits: when the receiver's queue is full (a manager that is
    /// slow to read, or a notify socket nobody reads) the datagram is
    /// dropped. A blocking send there stopped the whole service loop, so
    /// that it neither pinged the watchdog nor saw SIGTERM.
    @discardableResult
    public func send(_ text: String) -> Bool {
        attempt(text) == .sent
    }

    enum Attempt: Equatable {
        case sent
        /// The receiver's queue had no room (EAGAIN).
        case queueFull
        case failed
    }

    func attempt(_ text: String) -> Attempt {
        guard let path = NotifySocketAddress.bytes(socketPath) else { return .failed }
        let socketFD = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard socketFD >= 0 else { return .failed }
        defer { close(socketFD) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard path.count < capacity else { return .failed }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in path.enumerated() { buffer[index] = byte }
        }
        // An abstract name is exactly its bytes; a path includes its NUL.
        let pathLength = path.first == 0 ? path.count : path.count + 1
        let length = socklen_t(MemoryLayout<sockaddr_un>.offset(of: \sockaddr_un.sun_path) ?? 2) + socklen_t(pathLength)
        let payload = Array(text.utf8)
        let sent = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                payload.withUnsafeBytes { bytes in
                    sendto(socketFD, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT), socketAddress, length)
                }
            }
        }
        if sent == payload.count { return .sent }
        return sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) ? .queueFull : .failed
    }
}

/// `$NOTIFY_SOCKET` as the bytes of `sun_path`: a leading `@` becomes NUL
/// (an abstract socket). Only absolute paths and abstract names are valid.
enum NotifySocketAddress {
    static func bytes(_ value: String) -> [UInt8]? {
        var bytes = Array(value.utf8)
        guard bytes.count >= 2, bytes.count < 108, !bytes.dropFirst().contains(0) else { return nil }
        switch bytes[0] {
        case UInt8(ascii: "@"):
            bytes[0] = 0
            return bytes
        case UInt8(ascii: "/"):
            return bytes
        default:
            return nil
        }
    }
}
