import Foundation
import MailCore

/// The digest as a mail for the outbox: plain English text, from the
/// daemon's sender, not tied to a request, with a random Message-ID (the
/// daily job's claim, in the same transaction, queues it once a day).
enum DigestMail {
    static let template = "digest"

    static func compose(_ digest: OperatorDigest, to address: String, sender: String, organisation: String,
                        date: Date) -> ComposedMail {
        let domain = sender.split(separator: "@").last.map(String.init) ?? "localhost"
        let messageID = MessageIDGenerator.random(domain: domain)
        let mail = OutgoingMail(
            from: MailAddress(displayName: organisation, address: sender),
            to: [MailAddress(address: address)],
            subject: digest.subject,
            date: date,
            messageID: messageID,
            autoSubmitted: "auto-generated",
            contentLanguage: "en",
            body: digest.body
        )
        return ComposedMail(raw: MailComposer.compose(mail), envelopeFrom: sender, recipients: [address],
                            messageID: messageID, template: template)
    }
}
