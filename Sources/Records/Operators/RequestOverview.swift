import Foundation
import Store

/// One request's row as `dsrd requests show` prints it: everything the
/// request row says, as stored. It holds personal data (the subject's
/// address): it is for the operator's terminal, never for logs.
public struct RequestOverview: Sendable, Equatable {
    public var id: Int
    public var summary: RequestSummary
    public var replyLanguage: String
    public var subjectAddress: String
    public var stateReason: String?
    /// The first deadline (`YYYY-MM-DD`), before any extension.
    public var originalDueOn: String
    public var confidence: Double
    public var onBehalf: Bool
    public var autoKind: String?
    public var evidence: [String]
    /// The request's `fields` as JSON text.
    public var fieldsJSON: String
    /// The opening message's From as intake kept it (`requester_address`);
    /// nil or empty for a request from before intake kept it.
    public var recordedRequester: String?
    /// The sender verdict intake recorded; nil or empty for a request from
    /// before intake kept it.
    public var recordedSenderVerdict: String?

    /// The columns `init(row:)` reads, for a SELECT on `dsr.requests r`.
    static let columns = """
        r.id, \(RequestSummary.columns), r.reply_language, r.subject_address, r.state_reason,
        r.due_on::text AS original_due_on, r.confidence, r.on_behalf, r.auto_kind,
        array_to_json(r.evidence)::text AS evidence_json, r.fields::text AS fields_json,
        r.requester_address, r.sender_verdict
        """

    init(row: QueryResult.Row) throws {
        id = try row.int("id")
        summary = try RequestSummary(row: row)
        replyLanguage = try row.string("reply_language")
        subjectAddress = try row.string("subject_address")
        stateReason = row["state_reason"]
        originalDueOn = try row.string("original_due_on")
        confidence = row["confidence"].flatMap(Double.init) ?? 0
        onBehalf = try row.bool("on_behalf")
        autoKind = row["auto_kind"]
        evidence = try JSONText.strings(row.string("evidence_json"))
        fieldsJSON = try row.string("fields_json")
        recordedRequester = row["requester_address"]
        recordedSenderVerdict = row["sender_verdict"]
    }
}
