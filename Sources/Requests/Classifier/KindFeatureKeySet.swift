/// The keys (`KindFeatureKey`) of a mail's features, each once, in
/// ascending order. A mail has a few hundred; sorting them once is cheaper
/// than hashing each into a `Set`, and asking for one is a binary search.
struct KindFeatureKeySet: Sendable, Equatable, Sequence {
    private let sorted: [UInt64]

    init(_ keys: some Sequence<UInt64>) {
        var keys = Array(keys)
        keys.sort()
        var unique: [UInt64] = []
        unique.reserveCapacity(keys.count)
        for key in keys where unique.last != key { unique.append(key) }
        sorted = unique
    }

    var count: Int { sorted.count }

    func contains(_ key: UInt64) -> Bool {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low] == key
    }

    func makeIterator() -> IndexingIterator<[UInt64]> { sorted.makeIterator() }
}
