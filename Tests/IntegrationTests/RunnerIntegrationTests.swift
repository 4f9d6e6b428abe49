import Foundation
import Store
import Testing

/// A datagram socket standing in for systemd's notify socket. Like systemd,
/// it reads all the time (on a thread of its own), so the daemon never
/// finds its queue full; `waitFor` looks through what arrived.
final class NotifySocket {
    let path: String
    private let inbox: Inbox

    init() throws {
        path = NSTemporaryDirectory() + "dsrd-notify-\(UUID().uuidString.prefix(8)).sock"
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in bytes.enumerated() { buffer[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        struct BindFailed: Error {}
        guard fd >= 0, bound == 0 else { throw BindFailed() }
        // Each receive waits at most 100 ms, so the reader sees `stop` soon.
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let inbox = Inbox()
        self.inbox = inbox
        Thread.detachNewThread {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while !inbox.stopped {
                let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if count > 0 { inbox.append(String(decoding: buffer.prefix(count), as: UTF8.self)) }
            }
            close(fd)
        }
    }

    deinit {
        inbox.stop()
        unlink(path)
    }

    /// Waits up to `seconds` for a message equal to `wanted` after the one
    /// the last successful wait found: true when it came.
    func waitFor(_ wanted: String, seconds: Int = 20) -> Bool {
        let deadline = Date().addingTimeInterval(Double(seconds))
        repeat {
            if inbox.take(wanted) { return true }
            usleep(20_000)
        } while Date() < deadline
        return inbox.take(wanted)
    }

    /// Every message received so far.
    var seen: [String] { inbox.messages }

    private final class Inbox: @unchecked Sendable {
        private let lock = NSLock()
        private var received: [String] = []
        private var cursor = 0
        private var stopFlag = false

        var stopped: Bool { lock.withLock { stopFlag } }
        var messages: [String] { lock.withLock { received } }
        func stop() { lock.withLock { stopFlag = true } }
        func append(_ message: String) { lock.withLock { received.append(message) } }

        func take(_ wanted: String) -> Bool {
            lock.withLock {
                guard let index = received[cursor...].firstIndex(of: wanted) else { return false }
                cursor = index + 1
                return true
            }
        }
    }
}

/// The `dsrd` under test (`DSRDBinary`: `.build/debug/dsrd` of this
/// package unless `$DSRD_BINARY` names another), started with the stack's config.
struct DaemonProcess {
    let process = Process()
    let logPath = NSTemporaryDirectory() + "dsrd-run-\(UUID().uuidString.prefix(8)).log"

    static var binary: String { DSRDBinary.path }

    init(arguments: [String], environment extra: [String: String]) throws {
        struct NoBinary: Error, CustomStringConvertible {
            var description: String { "\(DaemonProcess.binary) is missing: run swift build first (or set DSRD_BINARY)" }
        }
        guard FileManager.default.isExecutableFile(atPath: Self.binary) else { throw NoBinary() }
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(extra) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle(forWritingAtPath: logPath)
    }

    func start() throws { try process.run() }

    func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// Waits up to `seconds` for the exit; its status, or nil (then killed).
    func exitStatus(within seconds: Double) async -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        if process.isRunning {
            process.terminate()
            kill(process.processIdentifier, SIGKILL)
            return nil
        }
        return process.terminationStatus
    }

    var log: String {
        (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
    }

    var isRunning: Bool { process.isRunning }
}

/// A copy of the stack's config with one change, in a file of its own.
func configVariant(_ stack: LocalStack, _ change: (inout [String: Any]) -> Void) throws -> String {
    let data = try Data(contentsOf: URL(fileURLWithPath: stack.configPath))
    var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    change(&object)
    let path = NSTemporaryDirectory() + "dsrd-config-\(UUID().uuidString.prefix(8)).json"
    try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
    return path
}

extension LiveStackTests.OutboxIntegrationTests {
    @Test func dsrdRunIsReadyPingsTheWatchdogAndStopsOnSIGTERM() async throws {
        let stack = try LocalStack()
        try await OutboxFixture.retireLeftovers(PostgresClient(configuration: stack.postgres))
        let notify = try NotifySocket()
        let daemon = try DaemonProcess(arguments: ["run"], environment: [
            "NOTIFY_SOCKET": notify.path, "WATCHDOG_USEC": "1000000",
        ])
        try daemon.start()
        #expect(notify.waitFor("READY=1"), "seen: \(notify.seen)")
        #expect(notify.seen.contains { $0.hasPrefix("STATUS=round 1: open=") && $0.contains("; intake ") && $0.contains("delivery ") },
                "seen: \(notify.seen)")
        // Idle between polls, the loop still wakes to ping.
        #expect(notify.waitFor("WATCHDOG=1"))
        daemon.signal(SIGTERM)
        // The round in hand is finished first: with the shared database it may be
        // carrying out other tests' requests (at most a stage's round budget, 30 s).
        let status = await daemon.exitStatus(within: 35)
        #expect(status == 0, "log: \(daemon.log)")
        #expect(notify.waitFor("STOPPING=1", seconds: 2))
        #expect(daemon.log.contains("msg=\"service stopping\""))
    }

    @Test func sighupReloadsAGoodConfigAndRefusesABadOne() async throws {
        let stack = try LocalStack()
        try await OutboxFixture.retireLeftovers(PostgresClient(configuration: stack.postgres))
        let config = try configVariant(stack) { $0["poll_interval_seconds"] = 2 }
        defer { unlink(config) }
        let notify = try NotifySocket()
        let daemon = try DaemonProcess(arguments: ["run", "--config", config], environment: ["NOTIFY_SOCKET": notify.path])
        try daemon.start()
        #expect(notify.waitFor("READY=1"))

        daemon.signal(SIGHUP)
        #expect(notify.waitFor("RELOADING=1"))
        #expect(notify.waitFor("READY=1"))
        #expect(daemon.log.contains("msg=\"configuration reloaded\""))

        try Data("{\"imap\": 1}".utf8).write(to: URL(fileURLWithPath: config))
        daemon.signal(SIGHUP)
        #expect(notify.waitFor("RELOADING=1"))
        #expect(notify.waitFor("READY=1"))
        #expect(daemon.log.contains("msg=\"reload refused, keeping the current configuration\""))
        // Still running on the old configuration: rounds go on.
        #expect(notify.waitFor("STATUS=round 3: delivery 0 sent, 0 deferred, 0 failed")
                || notify.seen.contains { $0.hasPrefix("STATUS=round 3") }, "seen: \(notify.seen)")
        #expect(daemon.isRunning)

        daemon.signal(SIGINT)
        #expect(await daemon.exitStatus(within: 5) == 0)
    }

    @Test func dsrdRunOnceExitsZeroWhenAllWentWellAndOneOtherwise() async throws {
        let stack = try LocalStack()
        try await OutboxFixture.retireLeftovers(PostgresClient(configuration: stack.postgres))
        let good = try DaemonProcess(arguments: ["run", "--once"], environment: [:])
        try good.start()
        #expect(await good.exitStatus(within: 30) == 0, "log: \(good.log)")

        // PostgreSQL on a closed port: the delivery stage cannot claim anything.
        let config = try configVariant(stack) { object in
            var postgres = object["postgres"] as? [String: Any] ?? [:]
            postgres["port"] = 1
            postgres["connect_timeout_seconds"] = 2
            object["postgres"] = postgres
        }
        defer { unlink(config) }
        let bad = try DaemonProcess(arguments: ["run", "--once", "--config", config], environment: [:])
        try bad.start()
        #expect(await bad.exitStatus(within: 30) == 1)
        #expect(bad.log.contains("msg=\"stage unavailable, retrying with backoff\" stage=delivery"))
        #expect(bad.log.contains("connectionFailed"))
    }
}
