import MailCore
import Testing
@testable import Requests

/// The kind model's key tables answer as a `Set` and a `Dictionary` would.
@Suite("Kind model key tables")
struct KindKeyTablesTests {
    @Test("the row table finds every row a dictionary holds, and nothing else")
    func rowTableMatchesADictionary() {
        var random = SeededGenerator(seed: 0x6B65_7973)
        var expected: [UInt64: Int] = [:]
        // Small keys collide in the top bits: long probe runs are exercised too.
        let keys = (0..<3_000).map { _ in UInt64.random(in: 0...UInt64.max, using: &random) } + Array(0...200) + [UInt64.max]
        var table = KindRowTable(count: keys.count)
        for (row, key) in keys.enumerated() {
            expected[key] = row
            table.set(row, for: key)
        }
        table.set(7, for: keys[5])
        expected[keys[5]] = 7
        for key in keys { #expect(table.row(for: key) == expected[key]) }
        for _ in 0..<2_000 {
            let key = UInt64.random(in: 0...UInt64.max, using: &random)
            #expect(table.row(for: key) == expected[key])
        }
        #expect(KindRowTable(count: 0).row(for: 0) == nil)
    }

    @Test("the key set holds each key once, in order, and finds exactly those")
    func keySetMatchesASet() {
        var random = SeededGenerator(seed: 0x7365_7473)
        let keys = (0..<500).map { _ in UInt64.random(in: 0...1_000, using: &random) } + [0, UInt64.max]
        let set = KindFeatureKeySet(keys)
        #expect(Array(set) == Set(keys).sorted())
        for probe in UInt64(0)...1_001 { #expect(set.contains(probe) == keys.contains(probe)) }
        #expect(set.contains(UInt64.max) && !KindFeatureKeySet([]).contains(0))
    }
}
