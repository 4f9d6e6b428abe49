import Foundation
import Requests
import Store

/// A row of `dsr.requests`, typed: the one reading of a request that
/// intake, fulfilment, the operators' decisions and the alerts share,
/// loaded by `RequestRecords` (`record`, `claim`, `lock`). The opening
/// message's bytes are loaded apart, by who needs them.
public struct RequestRecord: Sendable, Equatable {
    public var id: Int
    public var reference: String
    public var state: RequestState
    public var stateReason: String?
    public var kinds: Set<RequestKind>
    /// The language the request was written in, when it is one dsrd knows.
    public var language: Language?
    public var replyLanguage: ReplyLanguage
    /// The address the request acts on: the sender's, or a claimed one once
    /// it has been asked to confirm.
    public var subjectAddress: String
    /// Who really asked: the opening message's From (never replaced).
    public var requesterAddress: String
    /// What the company's mail server said about the requester (fixed text).
    public var senderVerdict: String?
    public var receivedAt: Date
    /// The first due day (one month after receipt).
    public var firstDueOn: Day
    /// The extended due day, when an operator extended the deadline.
    public var extendedDueOn: Day?
    public var onBehalf: Bool
    public var fields: [RectificationField: String]
    /// The classifier's evidence (rule names, never sentences of the mail).
    public var evidence: [String]
    /// The kinds an operator approved, when one did.
    public var approvedKinds: Set<RequestKind>?
    /// The subject address confirmed by reply with the code.
    public var confirmed: Bool
    /// The Message-ID of the message that opened the request (for threading).
    public var openingMessageID: String?
    /// What intake read in the opening message; nil for a request recorded
    /// before intake kept it.
    public var reading: RequestReading?
    /// It owes its receipt (`ReceiptsOwed`): intake did not queue it.
    public var owesReceipt = false

    /// The deadline in force: the extended one when there is one.
    public var deadline: Day { extendedDueOn ?? firstDueOn }

    /// The day of receipt (Europe/Oslo).
    public var receivedOn: Day { Day(receivedAt) }

    /// The columns `init(row:)` reads, for `SELECT … FROM dsr.requests r`.
    /// The opening message is the first opening link's: links first (`OFFSET 0`), then the order: see `RequestHistory.sender`.
    static let columns = """
        r.id, r.reference, r.state, r.state_reason, array_to_string(r.kinds, ',') AS kinds, r.language,
        r.reply_language, r.subject_address, coalesce(r.requester_address, r.subject_address) AS requester_address,
        r.sender_verdict, r.received_at, r.due_on::text AS due_on, r.extended_due_on::text AS extended_due_on,
        r.on_behalf, r.fields::text AS fields, array_to_json(r.evidence)::text AS evidence,
        array_to_string(r.approved_kinds, ',') AS approved_kinds, r.confirmed_at IS NOT NULL AS confirmed,
        r.reading::text AS reading, r.receipt_due_at IS NOT NULL AS owes_receipt,
        (SELECT i.message_id
         FROM (SELECT id, inbound_id FROM dsr.request_messages WHERE request_id = r.id AND role = 'request' OFFSET 0) m
         JOIN dsr.inbound i ON i.id = m.inbound_id ORDER BY m.id LIMIT 1) AS opening_message_id
        """

    init(row: QueryResult.Row) throws {
        guard let state = RequestState(rawValue: try row.string("state")),
              let firstDueOn = Day(iso: try row.string("due_on")) else {
            throw PostgresError(kind: .unexpectedResult, context: "reading a request's state and due date")
        }
        id = try row.int("id")
        reference = try row.string("reference")
        self.state = state
        stateReason = row["state_reason"]
        kinds = Self.kinds(row["kinds"])
        language = Language(rawValue: try row.string("language"))
        replyLanguage = ReplyLanguage(rawValue: try row.string("reply_language")) ?? .en
        subjectAddress = try row.string("subject_address")
        requesterAddress = try row.string("requester_address")
        senderVerdict = row["sender_verdict"]
        receivedAt = try row.date("received_at")
        self.firstDueOn = firstDueOn
        extendedDueOn = row["extended_due_on"].flatMap { Day(iso: $0) }
        onBehalf = try row.bool("on_behalf")
        fields = Self.fields(row["fields"])
        evidence = Self.strings(row["evidence"])
        approvedKinds = row["approved_kinds"].map(Self.kinds)
        confirmed = try row.bool("confirmed")
        owesReceipt = try row.bool("owes_receipt")
        openingMessageID = row["opening_message_id"]
        reading = row["reading"].flatMap { try? JSONDecoder().decode(RequestReading.self, from: Data($0.utf8)) }
    }

    private static func kinds(_ text: String?) -> Set<RequestKind> {
        Set((text ?? "").split(separator: ",").compactMap { RequestKind(rawValue: String($0)) })
    }

    private static func strings(_ json: String?) -> [String] {
        guard let json, let list = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String] else { return [] }
        return list
    }

    private static func fields(_ json: String?) -> [RectificationField: String] {
        guard let json, let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String] else {
            return [:]
        }
        var fields: [RectificationField: String] = [:]
        for (key, value) in object {
            if let field = RectificationField(rawValue: key) { fields[field] = value }
        }
        return fields
    }
}
