import CustomerData
import Daemon
import Requests
import Store

/// The CustomerData executors each in a transaction of its own, for tests that
/// exercise one of them on committed data (the daemon's fulfil stage runs
/// them inside its per-request transaction instead).
struct FulfilmentActions: Sendable {
    let map: DataMap
    let client: PostgresClient
    let hashKey: [UInt8]
    let clock: any WallClock

    init(map: DataMap, client: PostgresClient, hashKey: [UInt8], clock: any WallClock = SystemWallClock()) {
        self.map = map
        self.client = client
        self.hashKey = hashKey
        self.clock = clock
    }

    /// Today in Oslo.
    var today: Day { Day(clock.now(), timeZone: Day.osloTimeZone) }

    /// Erasure (Art. 17); the outcome lists the partners to notify (Art. 19).
    func erase(address: String) async throws -> ErasureOutcome {
        let executor = ErasureExecutor(map: map)
        let hash = AddressHash.hex(address: address, key: hashKey)
        let today = self.today
        return try await client.transaction { connection in
            try executor.erase(address: address, addressHash: hash, today: today, in: connection)
        }
    }

    /// Withdrawal of consent: only the consent-based tables; nil for an unknown address.
    func withdrawConsent(address: String) async throws -> ErasureReport? {
        let executor = ErasureExecutor(map: map)
        return try await client.transaction { connection in
            try executor.eraseConsentData(address: address, in: connection)
        }
    }

    /// Objection (Art. 21), its scope read from the person's own words.
    func object(address: String, text: String) async throws -> ObjectionReport {
        let executor = ObjectionExecutor(map: map)
        let hash = AddressHash.hex(address: address, key: hashKey)
        let scope = ObjectionScope.from(text: text)
        let today = self.today
        return try await client.transaction { connection in
            try executor.apply(scope: scope, address: address, addressHash: hash, today: today, in: connection)
        }
    }

    /// Rectification (Art. 16) of the extracted fields.
    func rectify(address: String, fields: [RectificationField: String], language: Language?) async throws
        -> RectificationOutcome {
        let executor = RectificationExecutor(map: map)
        return try await client.transaction { connection in
            try executor.apply(fields: fields, language: language, address: address, in: connection)
        }
    }

    /// The partners that received the person's data (for a rectification's Art. 19 notices).
    func partners(address: String) async throws -> [PartnerNotice] {
        let map = self.map
        return try await client.transaction(readOnly: true) { connection in
            // The one subject key of the address, locking nothing (the transaction is read-only).
            let keys = try ErasureSubjectLookup.keys(of: address, map: map, connection: connection, forUpdate: false)
            guard keys.count <= 1 else { throw FulfilmentError.ambiguousSubject(matches: keys.count) }
            guard let key = keys.first else { return [] }
            return try PartnerNotices(map: map).collect(subjectKey: key, connection: connection)
        }
    }

    /// Deletes held rows whose hold has ended (run daily).
    func purgeEndedHolds() async throws -> HeldRowPurge.Report {
        let map = self.map
        let today = self.today
        return try await client.transaction { connection in
            try HeldRowPurge.purge(map: map, today: today, in: connection)
        }
    }
}
