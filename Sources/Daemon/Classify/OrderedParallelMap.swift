import Dispatch
import Foundation
import Synchronization

/// Maps a list on every core, in windows, handing the results on in the
/// list's order: `dsrd classify` reads and classifies many files, one
/// independent of another, and prints them as the files were listed.
///
/// A window bounds what is held at once (the results of `window` items);
/// a single item, or a single core, runs on the calling thread.
enum OrderedParallelMap {
    static func forEach<Item: Sendable, Result: Sendable>(
        _ items: [Item], workers: Int = ProcessInfo.processInfo.activeProcessorCount, window: Int = 256,
        transform: @Sendable (Item) -> Result, emit: (Result) -> Void
    ) {
        let workers = max(1, min(workers, 16))
        guard workers > 1, items.count > 1 else {
            for item in items { emit(transform(item)) }
            return
        }
        var start = 0
        while start < items.count {
            let slice = Array(items[start..<min(start + window, items.count)])
            let results = Mutex<[Result?]>(Array(repeating: nil, count: slice.count))
            let next = Atomic<Int>(0)
            DispatchQueue.concurrentPerform(iterations: min(workers, slice.count)) { _ in
                while true {
                    let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard index < slice.count else { return }
                    let result = transform(slice[index])
                    results.withLock { $0[index] = result }
                }
            }
            for result in results.withLock({ $0 }) {
                if let result { emit(result) }
            }
            start += slice.count
        }
    }
}
