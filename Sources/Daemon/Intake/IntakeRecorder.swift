import Foundation
import Hashing
import MailCore
import Records
import Requests
import Store

/// The heart of intake: in ONE transaction, record a fetched message in the
/// ledger, decide what it is (`TriagePolicy`), and write the consequences —
/// the request, its audit events, the links, and any reply into the outbox.
/// Either all of it is committed or none: a crash re-fetches the message
/// and finds it recorded, or not at all.
public struct IntakeRecorder: Sendable {
    public let settings: IntakeSettings
    public let writer: ReplyWriter
    /// The global limits' window count kept across the messages of one
    /// transaction (`WindowTally`); nil: read for each message.
    var window: WindowTally?
    static let actor = "dsrd:intake"

    public init(settings: IntakeSettings, writer: ReplyWriter) {
        self.settings = settings
        self.writer = writer
    }

    /// A message as fetched from IMAP.
    public struct Fetched: Sendable {
        public var uidValidity: UInt64
        public var uid: UInt64
        public var raw: [UInt8]
        public var receivedAt: Date

        public init(uidValidity: UInt64, uid: UInt64, raw: [UInt8], receivedAt: Date) {
            self.uidValidity = uidValidity
            self.uid = uid
            self.raw = raw
            self.receivedAt = receivedAt
        }
    }

    /// Records and triages one message; nil when its IMAP key was already
    /// recorded (by an earlier run or by another daemon).
    public func record(_ fetched: Fetched, in connection: PostgresConnection, now: Date) throws -> IntakeOutcome? {
        let message = MessageReader.read(fetched.raw)
        // A header section the mail server may have read differently: its
        // From and Message-ID are not recorded, nothing is answered.
        let ambiguous = !message.headerAmbiguities.isEmpty
        let sender = ambiguous ? nil : StorableText.address(message.from.first?.address)
        let ledger = InboundLedger(connection)
        var new = InboundLedger.NewMessage(
            mailbox: settings.ledgerMailbox, uidValidity: fetched.uidValidity, uid: fetched.uid,
            messageID: ambiguous ? nil : StorableText.identifier(message.messageID), receivedAt: fetched.receivedAt,
            raw: fetched.raw, sizeBytes: fetched.raw.count, rawSHA256: SHA256.hash(fetched.raw).hexString,
            fromAddress: sender
        )
        let history = try sender.map {
            try ledger.senderHistory(from: $0, mailbox: settings.ledgerMailbox,
                                     bytesSince: fetched.receivedAt.addingTimeInterval(-86_400),
                                     messagesSince: fetched.receivedAt.addingTimeInterval(-settings.loopGuardWindow))
        }
        // Storing these bytes would pass the cap on what one sender's mail
        // may take up within 24 hours.
        if let history, history.storedBytes + fetched.raw.count > settings.maximumStoredBytesPerSenderPerDay {
            new.raw = []
            return try recordOverStorageCap(new, connection: connection)
        }
        if ambiguous {
            guard let inboundID = try ledger.insert(new) else { return nil }
            return try setAsideAmbiguous(inboundID, ambiguities: message.headerAmbiguities, connection: connection)
        }
        guard let recorded = try ledger.insertFindingEarlierCopy(new) else { return nil }
        let inboundID = recorded.id
        let reading = MessageClassification(message)

        let verdict = settings.senderTrust.verdict(of: message)
        let facts = try gatherFacts(message: message, reading: reading, sender: sender, verdict: verdict,
                                    duplicate: recorded.earlierCopy.map { DuplicateMatch(inboundID: $0.inboundID,
                                                                                         requestID: $0.requestID) },
                                    new: new, recentFromSender: history?.recentMessages ?? 0, connection: connection)
        let decision = TriagePolicy.decide(facts)
        var outcome = IntakeOutcome(inboundID: inboundID, outcome: decision.outcome, requestReference: nil,
                                    requestState: nil, repliesQueued: 0, destination: .processed)
        try apply(decision, message: message, reading: reading, sender: sender, verdict: verdict, fetched: fetched,
                  outcome: &outcome, connection: connection, now: now)
        let problem: String? = decision == .unreadable
            ? (message.limitsReached.isEmpty ? "nothing readable" : "limits reached: " + message.limitsReached.joined(separator: ","))
            : nil
        if !outcome.outcomeWritten || problem != nil {
            try ledger.setOutcome(inboundID, outcome: decision.outcome, autoKind: reading.auto.kind?.rawValue,
                                  problem: problem.map(StorableText.clean))
        }
        return outcome
    }

    /// A message whose header section another mail reader may read
    /// differently (`HeaderAmbiguity`): the mail server's sender check may
    /// be about another From. Unreadable: no request, no reply, to review.
    private func setAsideAmbiguous(_ inboundID: Int, ambiguities: [String],
                                   connection: PostgresConnection) throws -> IntakeOutcome {
        let problem = "ambiguous header section (\(ambiguities.joined(separator: ",")))"
        try InboundLedger(connection).setOutcome(inboundID, outcome: TriageDecision.unreadable.outcome, autoKind: nil,
                                                 problem: problem)
        try AuditTrail(connection).append(requestID: nil, inboundID: inboundID, actor: Self.actor, action: .unreadable,
                                          reason: "ambiguous header section: moved to \(settings.reviewMailbox) for a person to read")
        return IntakeOutcome(inboundID: inboundID, outcome: TriageDecision.unreadable.outcome, requestReference: nil,
                             requestState: nil, repliesQueued: 0, destination: .review)
    }

    /// Records a message of a sender past the storage cap without its bytes
    /// (size and SHA-256 kept): nothing read, no request, no reply; the
    /// message goes to review, where a person still has it.
    private func recordOverStorageCap(_ new: InboundLedger.NewMessage,
                                      connection: PostgresConnection) throws -> IntakeOutcome? {
        let ledger = InboundLedger(connection)
        guard let inboundID = try ledger.insert(new) else { return nil }
        let outcome = "over_storage_cap"
        try ledger.setOutcome(inboundID, outcome: outcome, autoKind: nil,
                              problem: "the sender's mail within 24 hours passed \(settings.maximumStoredBytesPerSenderPerDay) bytes")
        try AuditTrail(connection).append(requestID: nil, inboundID: inboundID, actor: Self.actor, action: .overStorageCap,
                                          reason: "stored without its bytes (the sender's storage cap) and moved to \(settings.reviewMailbox)")
        return IntakeOutcome(inboundID: inboundID, outcome: outcome, requestReference: nil, requestState: nil,
                             repliesQueued: 0, destination: .review)
    }

    /// Records a message too large to fetch: no bytes, straight to review.
    public func recordOversized(uidValidity: UInt64, uid: UInt64, size: Int, receivedAt: Date,
                                in connection: PostgresConnection) throws -> IntakeOutcome? {
        let ledger = InboundLedger(connection)
        let new = InboundLedger.NewMessage(
            mailbox: settings.ledgerMailbox, uidValidity: uidValidity, uid: uid, messageID: nil,
            receivedAt: receivedAt, raw: [], sizeBytes: size, rawSHA256: nil, fromAddress: nil
        )
        guard let inboundID = try ledger.insert(new) else { return nil }
        try ledger.setOutcome(inboundID, outcome: "oversized", autoKind: nil,
                              problem: "larger than \(settings.maximumMessageBytes) bytes")
        try AuditTrail(connection).append(requestID: nil, inboundID: inboundID, actor: Self.actor, action: .oversized,
                                          reason: "message of \(size) bytes moved to \(settings.reviewMailbox)")
        return IntakeOutcome(inboundID: inboundID, outcome: "oversized", requestReference: nil, requestState: nil,
                             repliesQueued: 0, destination: .review)
    }
}
