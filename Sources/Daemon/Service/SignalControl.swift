import Dispatch
import Foundation

/// The daemon's `ServiceControl`: SIGTERM and SIGINT ask it to stop, SIGHUP
/// to reload, and waiting between polls ends as soon as one arrives.
///
/// The signals are taken with dispatch signal sources. They are not set to
/// `SIG_IGN` (on Linux an ignored signal never reaches the source); dispatch
/// installs its own handler when a source starts. SIGPIPE is ignored, so a
/// peer closing a socket turns into an error code instead of killing us.
public final class SignalControl: ServiceControl, @unchecked Sendable {
    private let lock = NSLock()
    private var events: [ServiceEvent] = []
    private var waiter: (id: UInt64, continuation: CheckedContinuation<ServiceEvent?, Never>)?
    private var nextWaiterID: UInt64 = 0
    private var sources: [any DispatchSourceSignal] = []
    private let queue = DispatchQueue(label: "dsrd.signals")

    public init() {}

    /// Starts listening for SIGTERM, SIGINT and SIGHUP, and ignores SIGPIPE.
    public func install() {
        signal(SIGPIPE, SIG_IGN)
        let wanted: [(Int32, ServiceEvent)] = [(SIGTERM, .stop), (SIGINT, .stop), (SIGHUP, .reload)]
        var created: [any DispatchSourceSignal] = []
        for (number, event) in wanted {
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [weak self] in self?.post(event) }
            source.resume()
            created.append(source)
        }
        lock.withLock { sources = created }
    }

    /// Delivers an event: to the waiter if there is one, else kept for later.
    /// A stop is never dropped; repeated reloads collapse into one.
    public func post(_ event: ServiceEvent) {
        let continuation: CheckedContinuation<ServiceEvent?, Never>? = lock.withLock {
            if let waiter {
                self.waiter = nil
                return waiter.continuation
            }
            if !events.contains(event) { events.append(event) }
            return nil
        }
        continuation?.resume(returning: event)
    }

    public func stopPending() -> Bool {
        lock.withLock { events.contains(.stop) }
    }

    public func pendingEvent() async -> ServiceEvent? {
        lock.withLock { events.isEmpty ? nil : events.removeFirst() }
    }

    public func wait(seconds: TimeInterval) async -> ServiceEvent? {
        if let event = await pendingEvent() { return event }
        let id: UInt64 = lock.withLock {
            nextWaiterID += 1
            return nextWaiterID
        }
        let nanoseconds = UInt64(max(seconds, 0) * 1_000_000_000)
        return await withCheckedContinuation { (continuation: CheckedContinuation<ServiceEvent?, Never>) in
            let ready: ServiceEvent? = lock.withLock {
                if !events.isEmpty { return events.removeFirst() }
                waiter = (id, continuation)
                return nil
            }
            if let ready {
                continuation.resume(returning: ready)
                return
            }
            queue.asyncAfter(deadline: .now() + .nanoseconds(Int(min(nanoseconds, UInt64(Int.max))))) { [weak self] in
                self?.timeOut(waiterID: id)
            }
        }
    }

    private func timeOut(waiterID: UInt64) {
        let continuation: CheckedContinuation<ServiceEvent?, Never>? = lock.withLock {
            guard let waiter, waiter.id == waiterID else { return nil }
            self.waiter = nil
            return waiter.continuation
        }
        continuation?.resume(returning: nil)
    }
}
