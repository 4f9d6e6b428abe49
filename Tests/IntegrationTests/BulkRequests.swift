import Daemon
import Foundation
import Records
import Requests
import Store
import Testing

/// More than a thousand requests from one requester, all received on one
/// Oslo day of the past that no other request has (so an export of that
/// day is theirs alone), written through the production repositories
/// (`RequestStates.open`, then `RequestStates.apply` at the moment each
/// was closed), plus two whose address an erasure replaced by its keyed
/// hash. All closed but the last, which waits in `needs_review`.
struct BulkRequests {
    let day: Day
    let requester: String
    /// In the order received; the last is the open one.
    let requests: [(id: Int, reference: String)]
    /// The two requests stored with the keyed hash instead of the address.
    let hashed: [(id: Int, reference: String)]
    /// Days from receipt to close of each closed one (Oslo days).
    let closeDays: [Int]
    /// How many of the closed ones were rejected (late, after 40 days).
    let rejected: Int

    var open: (id: Int, reference: String) { requests[requests.count - 1] }

    /// 10:00 in Oslo on `day`, plus `seconds`.
    static func morning(_ day: Day, plus seconds: Int = 0) throws -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Day.osloTimeZone
        let date = try #require(calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 10)))
        return date.addingTimeInterval(TimeInterval(seconds))
    }

    /// A past day no request was received on.
    static func freeDay(_ client: PostgresClient) async throws -> Day {
        for _ in 0..<50 {
            let day = try #require(Day(year: Int.random(in: 1971...1999), month: Int.random(in: 1...12),
                                       day: Int.random(in: 1...28)))
            let taken = try await client.withConnection { try RequestExportView($0).requests(from: day, to: day) }
            if taken.isEmpty { return day }
        }
        Issue.record("no free day found")
        throw CancellationError()
    }

    static func make(count: Int, client: PostgresClient, suppressionKey: [UInt8]) async throws -> BulkRequests {
        let day = try await freeDay(client)
        let requester = LocalStack.uniqueAddress("bulk.requester", domain: "example.org")
        let hash = AddressHash.hex(address: requester, key: suppressionKey)
        var specs: [TestData.Request] = []
        for index in 0..<count {
            var request = TestData.Request(subject: requester, receivedAt: try morning(day, plus: index))
            request.reference = "T-BULK-\(day)-" + String(index).leftPadded(to: 5) + "-" + UUID().uuidString.prefix(4)
            request.state = index == count - 1 ? .needsReview : .received
            specs.append(request)
        }
        let hashedSpecs = try [hash, "\(hash)@erased.invalid"].enumerated().map { index, stored in
            var request = TestData.Request(subject: stored, receivedAt: try morning(day, plus: count + index))
            request.reference = "T-BULK-\(day)-HASH\(index)-" + UUID().uuidString.prefix(4)
            return request
        }
        let all = specs
        let result = try await client.transaction { connection in
            let states = RequestStates(connection)
            var opened: [(id: Int, reference: String)] = []
            var closeDays: [Int] = []
            var rejected = 0
            for (index, request) in all.enumerated() {
                let (id, reference) = try TestData.open(request, in: connection)
                opened.append((id, reference))
                guard request.state == .received else { continue }
                if index % 50 == 7 {
                    try states.apply(.rejected(reason: "Not a customer of ours."), to: id, actor: "operator:kari",
                                     at: request.receivedAt.addingTimeInterval(40 * 86_400))
                    closeDays.append(40)
                    rejected += 1
                } else {
                    try states.apply(.completed(reason: nil), to: id, actor: "dsrd:fulfil",
                                     at: request.receivedAt.addingTimeInterval(Double(index % 5) * 86_400))
                    closeDays.append(index % 5)
                }
            }
            var hashed: [(id: Int, reference: String)] = []
            for request in hashedSpecs {
                let (id, reference) = try TestData.open(request, in: connection)
                try states.apply(.completed(reason: nil), to: id, actor: "dsrd:fulfil",
                                 at: request.receivedAt.addingTimeInterval(86_400))
                hashed.append((id, reference))
                closeDays.append(1)
            }
            return (opened, hashed, closeDays, rejected)
        }
        return BulkRequests(day: day, requester: requester, requests: result.0, hashed: result.1, closeDays: result.2,
                            rejected: result.3)
    }
}

extension String {
    func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}

extension LocalStack {
    /// The stack's suppression key (the config's `suppression_key` file).
    var suppressionKey: [UInt8] {
        get throws {
            let path = environment["DSRD_STACK_STATE", default: ""] + "/secrets/suppression-key"
            var text = try String(contentsOfFile: path, encoding: .utf8)
            while text.hasSuffix("\n") { text.removeLast() }
            return Array(text.utf8)
        }
    }
}
