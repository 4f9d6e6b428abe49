import Foundation
import MailCore
import Testing
@testable import Daemon

/// The numbers of `dsrd classify` lines are written as the C formatter writes them.
@Suite struct ClassifyOutputTests {
    @Test func twoDecimalsAreWhatTheFormatterWrites() {
        var random = SeededGenerator(seed: 0x6E75_6D62)
        let grid = (0...2_000).map { Double($0) / 1_000 } + (0...200).map { Double($0) / 200 + 0.005 }
        let drawn = (0..<5_000).map { _ in Double.random(in: 0...1, using: &random) }
        for value in grid + drawn + [0.125, 0.375, 0.625, 0.875, 1.005, 0.285, 12.5, 99.995] {
            #expect(ClassifyOutput.number(value) == String(format: "%.2f", value), "\(value)")
        }
        #expect(ClassifyOutput.number(.nan) == String(format: "%.2f", Double.nan))
        #expect(ClassifyOutput.number(-0.5) == "-0.50")
    }
}
