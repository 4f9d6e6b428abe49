import Testing
@testable import Requests

/// The tally keeps its signals in arrays by number: every signal has a
/// number of its own, and what is added is read back for that signal alone.
@Suite struct SignalTallyTests {
    @Test func everySignalHasItsOwnNumber() {
        #expect(Signal.all.count == Set(Signal.all).count)
        for (number, signal) in Signal.all.enumerated() { #expect(signal.ordinal == number) }
        for kind in RequestKind.allCases { #expect(RequestKind.allCases[kind.ordinal] == kind) }
    }

    @Test func whatIsAddedIsReadForThatSignalAlone() {
        var body = SignalTally()
        body.add(.kind(.erase), 1.0, evidence: "slett meg")
        body.add(.kind(.erase), 0.5, evidence: "slett meg")
        body.add(.vendor, 0, evidence: "book a demo")
        #expect(body.score(.kind(.erase)) == 1.5 && body.strongest(.kind(.erase)) == 1.0)
        #expect(body.evidence(.kind(.erase)) == ["slett meg"])
        #expect(body.score(.bareCue(.erase)) == 0 && body.score(.kind(.access)) == 0)
        #expect(body.signals == [.kind(.erase), .vendor])
        var subject = SignalTally()
        subject.add(.kind(.access), 1.2, evidence: "innsyn")
        subject.add(.withdrawal, 1.0, evidence: "glem det")
        body.absorb(subject) { $0 == .withdrawal }
        #expect(body.score(.kind(.access)) == 1.2 && body.evidence(.kind(.access)) == ["innsyn"])
        #expect(body.score(.withdrawal) == 0 && !body.signals.contains(.withdrawal))
    }
}
