/// The kind model's rows by feature key: an open-addressing table on the
/// keys themselves. They are already hashes (FNV-1a), so a lookup needs no
/// second hashing, which a `Dictionary` does for every one of the few
/// hundred features of each mail.
struct KindRowTable: Sendable {
    /// A slot's key; `empty` marks a free slot (a key equal to it is kept
    /// aside in `emptyKeyRow`).
    private var keys: [UInt64]
    private var rows: [Int32]
    private var emptyKeyRow: Int32?
    private let shift: UInt64
    private static let empty: UInt64 = 0

    /// A table for up to `count` keys, at most half full.
    init(count: Int) {
        var bits: UInt64 = 4
        while (1 << bits) < max(16, count * 2) { bits += 1 }
        keys = [UInt64](repeating: Self.empty, count: 1 << bits)
        rows = [Int32](repeating: 0, count: 1 << bits)
        shift = 64 - bits
    }

    /// Sets the row of `key`, replacing any row it had.
    mutating func set(_ row: Int, for key: UInt64) {
        guard key != Self.empty else {
            emptyKeyRow = Int32(row)
            return
        }
        var slot = self.slot(of: key)
        while keys[slot] != Self.empty && keys[slot] != key { slot = (slot + 1) & (keys.count - 1) }
        keys[slot] = key
        rows[slot] = Int32(row)
    }

    func row(for key: UInt64) -> Int? {
        guard key != Self.empty else { return emptyKeyRow.map(Int.init) }
        var slot = self.slot(of: key)
        while true {
            let found = keys[slot]
            if found == key { return Int(rows[slot]) }
            if found == Self.empty { return nil }
            slot = (slot + 1) & (keys.count - 1)
        }
    }

    /// The top bits of the key times a large odd constant (Fibonacci hashing).
    private func slot(of key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }
}
