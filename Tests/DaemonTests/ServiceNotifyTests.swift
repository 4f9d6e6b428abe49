import Foundation
import Testing
@testable import Daemon

@Test func notifyMessagesAreSystemdAssignments() {
    #expect(NotifyMessage.ready.text == "READY=1")
    #expect(NotifyMessage.reloading.text == "RELOADING=1")
    #expect(NotifyMessage.stopping.text == "STOPPING=1")
    #expect(NotifyMessage.watchdog.text == "WATCHDOG=1")
    #expect(NotifyMessage.status("round 1: delivery 0 sent").text == "STATUS=round 1: delivery 0 sent")
}

@Test func statusIsKeptToOneShortLine() {
    let text = NotifyMessage.status("a\nb\r\nc\0d" + String(repeating: "x", count: 500)).text
    #expect(text.hasPrefix("STATUS=a b c d"))
    #expect(!text.contains("\n") && !text.contains("\r") && !text.contains("\0"))
    #expect(text.count == "STATUS=".count + NotifyMessage.maxStatusLength)
}

@Test func notifySocketNamesArePathsOrAbstract() {
    #expect(NotifySocketAddress.bytes("/run/systemd/notify") == Array("/run/systemd/notify".utf8))
    #expect(NotifySocketAddress.bytes("@abstract") == [0] + Array("abstract".utf8))
    #expect(NotifySocketAddress.bytes("relative/path") == nil)
    #expect(NotifySocketAddress.bytes("") == nil)
    #expect(NotifySocketAddress.bytes("/" + String(repeating: "a", count: 200)) == nil)
    #expect(SystemdNotifier.fromEnvironment([:]) == nil)
    #expect(SystemdNotifier.fromEnvironment(["NOTIFY_SOCKET": "x"]) == nil)
    #expect(SystemdNotifier.fromEnvironment(["NOTIFY_SOCKET": "/run/x"]) != nil)
}

@Test func watchdogPingsAtHalfTheTimeoutForThisProcessOnly() {
    #expect(WatchdogSettings.fromEnvironment(["WATCHDOG_USEC": "120000000"], processID: 7)
            == WatchdogSettings(pingInterval: 60))
    #expect(WatchdogSettings.fromEnvironment(["WATCHDOG_USEC": "120000000", "WATCHDOG_PID": "7"], processID: 7)
            == WatchdogSettings(pingInterval: 60))
    #expect(WatchdogSettings.fromEnvironment(["WATCHDOG_USEC": "120000000", "WATCHDOG_PID": "8"], processID: 7) == nil)
    #expect(WatchdogSettings.fromEnvironment(["WATCHDOG_USEC": "0"], processID: 7) == nil)
    #expect(WatchdogSettings.fromEnvironment(["WATCHDOG_USEC": "soon"], processID: 7) == nil)
    #expect(WatchdogSettings.fromEnvironment([:], processID: 7) == nil)
}

/// A datagram socket bound where a test tells the notifier to send.
private final class DatagramReceiver {
    let fd: Int32

    init?(bytes: [UInt8]) {
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in bytes.enumerated() { buffer[index] = byte }
        }
        let pathLength = bytes.first == 0 ? bytes.count : bytes.count + 1
        let length = socklen_t(MemoryLayout<sockaddr_un>.offset(of: \sockaddr_un.sun_path) ?? 2) + socklen_t(pathLength)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0 else {
            close(fd)
            return nil
        }
    }

    deinit { close(fd) }

    /// The next datagram, or nil when none is waiting.
    func receive() -> String? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
        guard count >= 0 else { return nil }
        return String(decoding: buffer.prefix(count), as: UTF8.self)
    }
}

@Test func notifierSendsDatagramsToAPathSocket() throws {
    let path = NSTemporaryDirectory() + "dsrd-notify-\(UUID().uuidString.prefix(8)).sock"
    defer { unlink(path) }
    let receiver = try #require(DatagramReceiver(bytes: Array(path.utf8)))
    let notifier = try #require(SystemdNotifier(socketPath: path))
    notifier.notify(.ready)
    notifier.notify(.status("round 1: delivery 2 sent"))
    notifier.notify(.stopping)
    #expect(receiver.receive() == "READY=1")
    #expect(receiver.receive() == "STATUS=round 1: delivery 2 sent")
    #expect(receiver.receive() == "STOPPING=1")
    #expect(receiver.receive() == nil)
}

@Test func notifierSendsDatagramsToAnAbstractSocket() throws {
    let name = "dsrd-test-\(UUID().uuidString.prefix(12))"
    let receiver = try #require(DatagramReceiver(bytes: [0] + Array(name.utf8)))
    let notifier = try #require(SystemdNotifier(socketPath: "@" + name))
    #expect(notifier.send("WATCHDOG=1"))
    #expect(receiver.receive() == "WATCHDOG=1")
}

@Test func notifierReportsAMissingSocket() throws {
    let notifier = try #require(SystemdNotifier(socketPath: "/nonexistent-dir-\(UUID().uuidString)/notify"))
    #expect(!notifier.send("READY=1"))
}

/// A notify socket that is never read fills up; sending must then drop
/// datagrams rather than wait, or the service loop stops with it.
@Test func notifierNeverWaitsForAReceiverThatDoesNotRead() throws {
    let path = NSTemporaryDirectory() + "dsrd-notify-\(UUID().uuidString.prefix(8)).sock"
    defer { unlink(path) }
    let receiver = try #require(DatagramReceiver(bytes: Array(path.utf8)))
    let notifier = try #require(SystemdNotifier(socketPath: path))
    let finished = DispatchSemaphore(value: 0)
    let dropped = SendCount()
    Thread.detachNewThread {
        for _ in 0..<5_000 where !notifier.send("WATCHDOG=1") { dropped.add() }
        finished.signal()
    }
    #expect(finished.wait(timeout: .now() + 30) == .success, "a send waited for the unread socket")
    #expect(dropped.value > 0, "the queue never filled, so the test proved nothing")
    #expect(receiver.receive() == "WATCHDOG=1")
}

private final class SendCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}

/// A change of state is not dropped at once: it waits a short while for
/// the receiver to make room, then arrives after what was queued.
@Test func stoppingWaitsBrieflyForRoomInAFullQueue() throws {
    let path = NSTemporaryDirectory() + "dsrd-notify-\(UUID().uuidString.prefix(8)).sock"
    defer { unlink(path) }
    let receiver = try #require(DatagramReceiver(bytes: Array(path.utf8)))
    let notifier = try #require(SystemdNotifier(socketPath: path))
    var queued = 0
    while notifier.send("WATCHDOG=1") { queued += 1 }
    #expect(queued > 0)
    #expect(notifier.attempt("STOPPING=1") == .queueFull)
    let finished = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
        notifier.notify(.stopping)
        finished.signal()
    }
    usleep(200_000)
    #expect(receiver.receive() == "WATCHDOG=1")
    #expect(finished.wait(timeout: .now() + 10) == .success)
    var last: String?
    while let message = receiver.receive() { last = message }
    #expect(last == "STOPPING=1")
}
