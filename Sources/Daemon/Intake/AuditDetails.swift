import Foundation
import MailCore
import Requests

/// What intake writes into its audit events' `details` (see `AuditJSON`),
/// from values cleaned for the database.
enum AuditDetails {
    /// At most this many attachments are listed on a request.
    static let maximumAttachments = 50
    /// Attachment names are cut to this many characters.
    static let maximumNameCharacters = 200

    /// The names, types and sizes of the person's attachments, which dsrd
    /// never opens: a person reviewing the request sees what was sent.
    static func attachments(_ attachments: [AttachmentInfo]) -> [String: any Sendable] {
        let listed: [[String: any Sendable]] = attachments.prefix(maximumAttachments).map { attachment in
            var entry: [String: any Sendable] = [
                "size": attachment.size,
                "type": StorableText.label(attachment.contentType, characters: maximumNameCharacters),
            ]
            if let name = attachment.filename {
                entry["name"] = StorableText.label(name, characters: maximumNameCharacters)
            }
            return entry
        }
        var details: [String: any Sendable] = ["attachments": listed]
        if attachments.count > maximumAttachments {
            details["attachments_not_listed"] = attachments.count - maximumAttachments
        }
        return details
    }

    static func abuseLimit(_ limit: AbuseLimit) -> [String: any Sendable] {
        switch limit {
        case .sender(let requests, let hours):
            ["limit": limit.scope, "maximum": requests, "window_hours": hours]
        case .global(let requests, let minutes, let authenticated):
            ["limit": limit.scope, "maximum": requests, "window_minutes": minutes, "authenticated": authenticated]
        }
    }
}
