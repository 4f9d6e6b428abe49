import Foundation
import Requests
import Store

/// What the fulfil stage needs beyond the database: the data map, the reply
/// writer, the suppression list's key, and the identity rules.
public struct FulfilSettings: Sendable {
    public var map: DataMap
    public var writer: ReplyWriter
    /// Key of the suppression list's HMAC.
    public var suppressionKey: [UInt8]
    public var maximumAttachmentBytes: Int
    public var senderTrust: SenderTrust
    public var matcher: AddressMatcher
    public var confirmation: ConfirmationPolicy
    /// Requests handled per round at most (the rest wait for the next).
    public var batchSize: Int
    /// Abuse limits (claims of one address are counted against them).
    public var limits: AbuseLimits
    /// Where the operators are told of a request that needs them; nil: nobody.
    public var operatorAlerts: OperatorAlerts?
    /// No new request is started once a round has run this long
    /// (`RoundBudget`): one slow export after another would otherwise hold
    /// up delivery.
    public var roundTimeBudget: TimeInterval

    public init(map: DataMap, writer: ReplyWriter, suppressionKey: [UInt8], maximumAttachmentBytes: Int,
                senderTrust: SenderTrust, matcher: AddressMatcher, confirmation: ConfirmationPolicy,
                batchSize: Int = 100, limits: AbuseLimits = .standard, operatorAlerts: OperatorAlerts? = nil,
                roundTimeBudget: TimeInterval = 30) {
        self.map = map
        self.writer = writer
        self.suppressionKey = suppressionKey
        self.maximumAttachmentBytes = maximumAttachmentBytes
        self.senderTrust = senderTrust
        self.matcher = matcher
        self.confirmation = confirmation
        self.batchSize = batchSize
        self.limits = limits
        self.operatorAlerts = operatorAlerts
        self.roundTimeBudget = roundTimeBudget
    }

    /// The state changes of one transaction, telling the operators of a
    /// move to review; `endsFulfilAttempt`: the transaction ends with
    /// `FulfilStage.endAttempt`.
    func steps(_ connection: PostgresConnection, now: Date, endsFulfilAttempt: Bool) -> LifecycleSteps {
        LifecycleSteps(connection: connection, alert: operatorAlerts.map { ReviewAlert(writer: writer, alerts: $0) },
                       now: now, endsFulfilAttempt: endsFulfilAttempt)
    }
}
