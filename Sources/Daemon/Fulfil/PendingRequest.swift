import Foundation
import MailCore
import Requests
import Store

/// A request as the fulfil stage works on it: its record (locked for the
/// transaction) and the message that opened it, parsed. Reads the record's
/// fields as its own (`request.reference`, `request.deadline` …).
@dynamicMemberLookup
struct PendingRequest: Sendable {
    var record: RequestRecord
    /// The opening message, parsed; nil when its bytes are not stored.
    var message: ParsedMessage?

    subscript<Value>(dynamicMember keyPath: WritableKeyPath<RequestRecord, Value>) -> Value {
        get { record[keyPath: keyPath] }
        set { record[keyPath: keyPath] = newValue }
    }

    subscript<Value>(dynamicMember keyPath: KeyPath<RequestRecord, Value>) -> Value {
        record[keyPath: keyPath]
    }

    /// The request if it is (still) in `state`, locked (`FOR UPDATE SKIP
    /// LOCKED`, so two daemons never work on one); nil otherwise.
    static func claim(id: Int, in state: RequestState, connection: PostgresConnection) throws -> PendingRequest? {
        try RequestRecords(connection).claim(id: id, in: state).map { try with(message: $0, connection) }
    }

    /// One request by id, locked.
    static func lock(id: Int, connection: PostgresConnection) throws -> PendingRequest? {
        try RequestRecords(connection).lock(id: id).map { try with(message: $0, connection) }
    }

    private static func with(message record: RequestRecord, _ connection: PostgresConnection) throws -> PendingRequest {
        let raw = try RequestRecords(connection).openingMessage(of: record.id)
        return PendingRequest(record: record, message: raw.map { MessageReader.read($0) })
    }
}
