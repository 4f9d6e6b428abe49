import Foundation
import MailCore
import Records
import Requests
import Store

/// A request as the fulfil stage works on it: its record (locked for the
/// transaction), what intake read in its opening message, and what the
/// company's mail server said about its sender. Reads the record's fields
/// as its own (`request.reference`, `request.deadline` …).
///
/// Fulfilment acts on the reading intake stored; only a request recorded
/// before intake kept its reading has its message read again here.
@dynamicMemberLookup
struct PendingRequest: Sendable {
    var record: RequestRecord
    var reading: RequestReading
    var verdict: SenderVerdict

    subscript<Value>(dynamicMember keyPath: WritableKeyPath<RequestRecord, Value>) -> Value {
        get { record[keyPath: keyPath] }
        set { record[keyPath: keyPath] = newValue }
    }

    subscript<Value>(dynamicMember keyPath: KeyPath<RequestRecord, Value>) -> Value {
        record[keyPath: keyPath]
    }

    /// The request if it is (still) in `state`, locked (`FOR UPDATE SKIP
    /// LOCKED`, so two daemons never work on one); nil otherwise.
    static func claim(id: Int, in state: RequestState, trust: SenderTrust,
                      connection: PostgresConnection) throws -> PendingRequest? {
        try RequestRecords(connection).claim(id: id, in: state).map { try read($0, trust: trust, connection) }
    }

    /// One request by id, locked.
    static func lock(id: Int, trust: SenderTrust, connection: PostgresConnection) throws -> PendingRequest? {
        try RequestRecords(connection).lock(id: id).map { try read($0, trust: trust, connection) }
    }

    private static func read(_ record: RequestRecord, trust: SenderTrust,
                             _ connection: PostgresConnection) throws -> PendingRequest {
        if let reading = record.reading, let verdict = record.senderVerdict.flatMap(SenderVerdict.init(reason:)) {
            return PendingRequest(record: record, reading: reading, verdict: verdict)
        }
        guard let raw = try RequestRecords(connection).openingMessage(of: record.id) else {
            return PendingRequest(record: record, reading: record.reading ?? .none, verdict: .unverified(.noResults))
        }
        let message = MessageReader.read(raw)
        return PendingRequest(record: record, reading: record.reading ?? MessageClassification(message).reading,
                              verdict: trust.verdict(of: message))
    }
}
