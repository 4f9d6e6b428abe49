import Foundation
import Requests
import Transport

/// What intake needs besides the connections.
public struct IntakeSettings: Sendable {
    public var mailbox: MailboxName
    /// The mailbox's name in the ledger: account and mailbox
    /// (`notices@janteloppet.com/INBOX`), since UIDs are only unique within one.
    public var ledgerMailbox: String
    public var processedMailbox: MailboxName
    public var reviewMailbox: MailboxName
    /// The keyword set on a message once it is recorded (before the move).
    public var recordedKeyword: String
    /// dsrd's own address: mail from it is never answered.
    public var ownAddress: String
    /// Larger messages are recorded without their bytes and go to review.
    public var maximumMessageBytes: Int
    /// Bytes one sender's mail may take up within 24 hours; further mail is
    /// recorded without its bytes and goes to review.
    public var maximumStoredBytesPerSenderPerDay: Int
    /// Messages handled per round, so one round stays short.
    public var batchSize: Int
    /// No new message is started once a round has run this long or fetched
    /// this many bytes (`RoundBudget`): 200 messages of 25 MB would
    /// otherwise hold up fulfilment and delivery for minutes.
    public var roundTimeBudget: TimeInterval
    public var roundByteBudget: Int
    /// Loop guard: more than this many messages from one address within
    /// `loopGuardWindow` go to review without an automatic answer.
    public var loopGuardLimit: Int
    public var loopGuardWindow: TimeInterval
    /// Abuse limits on new requests, and the window for repeats.
    public var limits: AbuseLimits
    /// Whose Authentication-Results count (receipts and budgets depend on it).
    public var senderTrust: SenderTrust
    /// Where the operators are told of a request that needs them; nil: nobody.
    public var operatorAlerts: OperatorAlerts?
    /// How a sender's address is compared with the requests' addresses.
    public var matcher: AddressMatcher
    /// Seconds a request handed to fulfilment may owe its receipt
    /// (`ReceiptsOwed`) instead of queuing it; 0: the receipt is queued at
    /// once. Only with a fulfil stage, which settles what is owed.
    public var receiptGrace: TimeInterval = 0

    public init(
        mailbox: MailboxName, account: String, processedMailbox: MailboxName, reviewMailbox: MailboxName, ownAddress: String,
        recordedKeyword: String = "$DsrdRecorded", maximumMessageBytes: Int = 25 << 20,
        maximumStoredBytesPerSenderPerDay: Int = 50 << 20, batchSize: Int = 200,
        roundTimeBudget: TimeInterval = 30, roundByteBudget: Int = 100 << 20, loopGuardLimit: Int = 5,
        loopGuardWindow: TimeInterval = 3600, limits: AbuseLimits = .standard, senderTrust: SenderTrust = .none,
        operatorAlerts: OperatorAlerts? = nil, matcher: AddressMatcher = AddressMatcher()
    ) {
        self.mailbox = mailbox
        ledgerMailbox = account + "/" + mailbox.rawValue
        self.processedMailbox = processedMailbox
        self.reviewMailbox = reviewMailbox
        self.recordedKeyword = recordedKeyword
        self.ownAddress = ownAddress
        self.maximumMessageBytes = maximumMessageBytes
        self.maximumStoredBytesPerSenderPerDay = maximumStoredBytesPerSenderPerDay
        self.batchSize = batchSize
        self.roundTimeBudget = roundTimeBudget
        self.roundByteBudget = roundByteBudget
        self.loopGuardLimit = loopGuardLimit
        self.loopGuardWindow = loopGuardWindow
        self.limits = limits
        self.senderTrust = senderTrust
        self.operatorAlerts = operatorAlerts
        self.matcher = matcher
    }
}
