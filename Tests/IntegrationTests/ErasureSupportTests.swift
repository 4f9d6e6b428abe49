import Daemon
import DaemonTesting
import Foundation
import Records
import Requests
import Store
import Testing

/// The pieces around erasure: the address hash, the suppression list, and
/// the daemon-side actions where they change nothing.
extension LiveStackTests {
    @Suite struct ErasureSupportTests {
        @Test func addressHashIgnoresCaseAndSpaceButNotTheKey() {
            let key = FulfilmentFixture.hashKey
            let hash = AddressHash.hex(address: "Testa.Slettesen@Example.ORG ", key: key)
            #expect(hash == AddressHash.hex(address: "testa.slettesen@example.org", key: key))
            #expect(hash != AddressHash.hex(address: "testa.slettesen@example.org", key: Array("another key".utf8)))
            #expect(hash != AddressHash.hex(address: "testa.slettesen@example.net", key: key))
            #expect(hash.count == 64 && hash.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        }

        @Test func suppressionListKeepsEachReasonOnceAndRefusesPlainAddresses() async throws {
            let stack = try LocalStack()
            let client = PostgresClient(configuration: stack.postgres)
            let hash = AddressHash.hex(address: LocalStack.uniqueAddress("suppress"), key: FulfilmentFixture.hashKey)
            try await FulfilmentFixture.rollingBack(client) { connection in
                let list = SuppressionList(connection)
                #expect(try !list.contains(addressHash: hash))
                try list.add(addressHash: hash, reason: .erased)
                try list.add(addressHash: hash, reason: .erased)
                #expect(try list.reasons(addressHash: hash) == [.erased])
                try list.add(addressHash: hash, reason: .marketingObjection)
                #expect(try list.reasons(addressHash: hash) == [.erased, .marketingObjection])
                #expect(try list.contains(addressHash: hash))
                #expect(throws: PostgresError.self) {
                    try list.add(addressHash: "testa.slettesen@example.org", reason: .erased)
                }
            }
        }

        @Test func actionsReadPartnersAndLeaveUnknownAddressesAlone() async throws {
            let stack = try LocalStack()
            let client = PostgresClient(configuration: stack.postgres)
            let clock = ManualWallClock(try #require(ISO8601DateFormatter().date(from: "2021-12-31T23:30:00Z")))
            let actions = FulfilmentActions(map: try FulfilmentFixture.map(), client: client,
                                            hashKey: FulfilmentFixture.hashKey, clock: clock)
            #expect(actions.today.description == "2022-01-01")
            // A sample customer, read only.
            let partners = try await actions.partners(address: "kari.nordmann@example.no")
            #expect(partners == [PartnerNotice(
                partnerName: "Fjellsikt Hotell AS", privacyAddress: "personvern.fjellsikt@example.no",
                disclosures: [.init(day: try #require(Day(iso: "2026-04-20")), fields: ["first_name", "last_name", "organization"])],
                received: ["first_name": "Kari", "last_name": "Nordmann", "organization": "Nordmann Regnskap AS"])])
            let nobody = LocalStack.uniqueAddress("nobody", domain: "example.net")
            #expect(try await actions.partners(address: nobody).isEmpty)
            #expect(try await actions.erase(address: nobody) == .noData)
            #expect(try await actions.withdrawConsent(address: nobody) == nil)
            #expect(try await actions.rectify(address: nobody, fields: [.title: "Sjef"], language: .nb) == .noData)
        }
    }
}
