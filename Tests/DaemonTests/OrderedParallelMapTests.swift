import Foundation
import Synchronization
import Testing
@testable import Daemon

/// Items finish out of order (each waits a different, seeded time), and the
/// results must still come out in the list's order, each once, across
/// several windows.
@Test(arguments: [1, 2, 4])
func resultsComeOutInTheListsOrder(workers: Int) {
    let items = Array(0..<700)
    let running = Atomic<Int>(0)
    let mostAtOnce = Atomic<Int>(0)
    var emitted: [Int] = []
    OrderedParallelMap.forEach(items, workers: workers, window: 64, transform: { item in
        let now = running.wrappingAdd(1, ordering: .relaxed).newValue
        mostAtOnce.max(now, ordering: .relaxed)
        usleep(UInt32((item * 7_919) % 13) * 20)
        running.wrappingSubtract(1, ordering: .relaxed)
        return item * 3
    }, emit: { emitted.append($0) })
    #expect(emitted == items.map { $0 * 3 })
    #expect(mostAtOnce.load(ordering: .relaxed) <= workers)
    if workers == 1 { #expect(mostAtOnce.load(ordering: .relaxed) == 1) }
}

@Test func nothingAndOneItemAreMapped() {
    var emitted: [String] = []
    OrderedParallelMap.forEach([String](), workers: 4, transform: { $0 }, emit: { emitted.append($0) })
    #expect(emitted.isEmpty)
    OrderedParallelMap.forEach(["a"], workers: 4, transform: { $0 + "!" }, emit: { emitted.append($0) })
    #expect(emitted == ["a!"])
}
