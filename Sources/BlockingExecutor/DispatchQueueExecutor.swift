import Dispatch

/// A serial executor over a private dispatch queue (a thread of its own).
///
/// Blocking C calls (libpq) must never run on Swift's cooperative pool: an
/// actor whose `unownedExecutor` is one of these runs all its code, and so
/// every call into its C handle, on this queue instead.
public final class DispatchQueueExecutor: SerialExecutor, @unchecked Sendable {
    private let queue: DispatchQueue

    public init(label: String) {
        queue = DispatchQueue(label: label)
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedSerialExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }

    public func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }
}
