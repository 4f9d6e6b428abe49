import Foundation
import Testing
@testable import Daemon

/// The global limits' window count kept across one transaction's messages.
struct WindowTallyTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func theCountIsReadOnceAndKeptUpByTheRequestsOpened() {
        let tally = WindowTally()
        var queries = 0
        let read = { () -> Int in
            queries += 1
            return 7
        }
        #expect(tally.count(since: start, authenticated: false, query: read) == 7)
        tally.opened(authenticated: false)
        tally.opened(authenticated: false)
        // A later message's window starts later: the kept count, never lower than a fresh one.
        #expect(tally.count(since: start.addingTimeInterval(5), authenticated: false, query: read) == 9)
        #expect(queries == 1)
        // The other kind of sender has a count of its own; a request it did not open does not count there.
        tally.opened(authenticated: true)
        #expect(tally.count(since: start, authenticated: true, query: { 3 }) == 3)
    }

    @Test func aWindowThatStartsEarlierIsReadAgain() {
        let tally = WindowTally()
        #expect(tally.count(since: start, authenticated: true, query: { 4 }) == 4)
        #expect(tally.count(since: start.addingTimeInterval(-60), authenticated: true, query: { 6 }) == 6)
        tally.opened(authenticated: true)
        #expect(tally.count(since: start, authenticated: true, query: { 0 }) == 7)
    }
}
