import Foundation
import Requests

/// The optional sections: `fulfilment`, `identity`, `limits`, `digest`, `retention`.
extension ConfigParser {
    static func parseFulfilment(_ reader: inout ConfigReader, _ object: [String: JSONValue]?) -> DaemonConfig.Fulfilment? {
        guard let object else { return .standard }
        let path = "fulfilment"
        reader.rejectUnknownKeys(object, known: ["max_attachment_bytes"], path: path)
        let bytes = reader.int(object, "max_attachment_bytes", path: path,
                               default: DaemonConfig.Fulfilment.standard.maximumAttachmentBytes, range: 1024...(1 << 30))
        guard let bytes else { return nil }
        return DaemonConfig.Fulfilment(maximumAttachmentBytes: bytes)
    }

    static func parseIdentity(_ reader: inout ConfigReader, _ object: [String: JSONValue]?) -> DaemonConfig.Identity? {
        guard let object else { return .standard }
        let path = "identity"
        reader.rejectUnknownKeys(object, known: [
            "trusted_authserv_ids", "internal_received_hops", "results_position", "results_without_authserv_id",
            "strip_plus_tags", "plus_tag_domains", "confirmation_expiry_days", "confirmation_reminder_days",
        ], path: path)
        let standard = DaemonConfig.Identity.standard
        let ids = stringList(&reader, object, "trusted_authserv_ids", path: path)
        let hops = reader.int(object, "internal_received_hops", path: path, default: standard.internalReceivedHops,
                              range: 0...SenderTrust.maximumInternalHops)
        let position = reader.choice(object, "results_position", path: path, default: standard.resultsPosition)
        let withoutID = bool(&reader, object, "results_without_authserv_id", path: path,
                             default: standard.resultsWithoutAuthservID)
        let strip = bool(&reader, object, "strip_plus_tags", path: path, default: false)
        let domains = boolMap(&reader, object, "plus_tag_domains", path: path)
        let expiry = reader.int(object, "confirmation_expiry_days", path: path,
                                default: standard.confirmationExpiryDays, range: 1...60)
        var reminder: Int?? = .some(standard.confirmationReminderDays)
        if case .null? = object["confirmation_reminder_days"] {
            reminder = .some(nil)
        } else if object["confirmation_reminder_days"] != nil {
            reminder = reader.int(object, "confirmation_reminder_days", path: path, default: nil, range: 1...59).map { .some($0) }
        }
        guard let ids, let hops, let position, let withoutID, let strip, let domains, let expiry, let reminder else {
            return nil
        }
        if let days = reminder, days >= expiry {
            reader.problem(reader.join(path, "confirmation_reminder_days"), "must be less than confirmation_expiry_days")
            return nil
        }
        return DaemonConfig.Identity(trustedAuthservIDs: ids, internalReceivedHops: hops, resultsPosition: position,
                                     resultsWithoutAuthservID: withoutID,
                                     aliasRules: AliasRules(stripPlusTags: strip, domainOverrides: domains),
                                     confirmationExpiryDays: expiry, confirmationReminderDays: reminder)
    }

    static func parseLimits(_ reader: inout ConfigReader, _ object: [String: JSONValue]?) -> DaemonConfig.Limits? {
        guard let object else { return .standard }
        let path = "limits"
        reader.rejectUnknownKeys(object, known: [
            "sender_requests", "sender_window_hours", "global_requests", "global_unauthenticated_requests",
            "global_window_minutes", "repeat_window_days", "claims_per_address",
        ], path: path)
        let standard = DaemonConfig.Limits.standard
        let sender = reader.int(object, "sender_requests", path: path, default: standard.senderRequests, range: 1...1_000_000)
        let senderWindow = reader.int(object, "sender_window_hours", path: path, default: standard.senderWindowHours,
                                      range: 1...720)
        let global = reader.int(object, "global_requests", path: path, default: standard.globalRequests, range: 1...10_000_000)
        let unauthenticated = reader.int(object, "global_unauthenticated_requests", path: path,
                                         default: standard.globalUnauthenticatedRequests, range: 1...10_000_000)
        let claims = reader.int(object, "claims_per_address", path: path, default: standard.claimsPerAddress,
                                range: 1...1_000)
        let globalWindow = reader.int(object, "global_window_minutes", path: path, default: standard.globalWindowMinutes,
                                      range: 1...10_080)
        let repeatWindow = reader.int(object, "repeat_window_days", path: path, default: standard.repeatWindowDays,
                                      range: 0...365)
        guard let sender, let senderWindow, let global, let unauthenticated, let globalWindow, let repeatWindow, let claims
        else { return nil }
        return DaemonConfig.Limits(senderRequests: sender, senderWindowHours: senderWindow, globalRequests: global,
                                   globalWindowMinutes: globalWindow, repeatWindowDays: repeatWindow,
                                   globalUnauthenticatedRequests: unauthenticated, claimsPerAddress: claims)
    }

    /// `operators`: optional; `address` is told at once when a request
    /// needs a person, at most `max_alerts_per_hour` times an hour.
    static func parseOperators(_ reader: inout ConfigReader, _ object: [String: JSONValue]?) -> DaemonConfig.Operators? {
        guard let object else { return DaemonConfig.Operators(address: nil) }
        reader.rejectUnknownKeys(object, known: ["address", "max_alerts_per_hour"], path: "operators")
        let address = object["address"] == nil ? nil : reader.address(object, "address", path: "operators")
        let maximum = reader.int(object, "max_alerts_per_hour", path: "operators", default: 30, range: 1...100_000)
        guard let maximum, object["address"] == nil || address != nil else { return nil }
        return DaemonConfig.Operators(address: address, maxAlertsPerHour: maximum)
    }

    /// `metrics`: optional; `textfile` is a file (in an existing directory)
    /// the daemon rewrites after each round for Prometheus' textfile collector.
    static func parseMetrics(_ reader: inout ConfigReader, _ object: [String: JSONValue]?) -> DaemonConfig.Metrics? {
        guard let object, let value = object["textfile"] else {
            if let object { reader.rejectUnknownKeys(object, known: ["textfile"], path: "metrics") }
            return DaemonConfig.Metrics(textfile: nil)
        }
        reader.rejectUnknownKeys(object, known: ["textfile"], path: "metrics")
        guard case .string(let path) = value, path.hasPrefix("/"), !path.hasSuffix("/") else {
            reader.problem("metrics.textfile", "must be an absolute file path")
            return nil
        }
        var isDirectory: ObjCBool = false
        let directory = (path as NSString).deletingLastPathComponent
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            reader.problem("metrics.textfile", "directory not found (it must exist; under systemd, RuntimeDirectory= makes /run/dsrd)")
            return nil
        }
        return DaemonConfig.Metrics(textfile: path)
    }

    static func parseDigest(_ reader: inout ConfigReader, _ object: [String: JSONValue]?) -> DaemonConfig.Digest? {
        guard let object else { return .standard }
        let path = "digest"
        reader.rejectUnknownKeys(object, known: ["address", "hour"], path: path)
        let address = object["address"] == nil ? nil : reader.address(object, "address", path: path)
        let hour = reader.int(object, "hour", path: path, default: DaemonConfig.Digest.standard.hour, range: 0...23)
        guard let hour, object["address"] == nil || address != nil else { return nil }
        return DaemonConfig.Digest(address: address, hour: hour)
    }

    /// `retention`: how long dsrd keeps its own records.
    static func parseRetention(_ reader: inout ConfigReader, _ object: [String: JSONValue]?) -> RetentionPolicy? {
        guard let object else { return .standard }
        let path = "retention"
        reader.rejectUnknownKeys(object, known: ["raw_mail_days", "sent_mail_days", "case_years"], path: path)
        let standard = RetentionPolicy.standard
        let raw = reader.int(object, "raw_mail_days", path: path, default: standard.rawMailDays,
                             range: RetentionPolicy.rawMailDayRange)
        let sent = reader.int(object, "sent_mail_days", path: path, default: standard.sentMailDays,
                              range: RetentionPolicy.sentMailDayRange)
        let years = reader.int(object, "case_years", path: path, default: standard.caseYears,
                               range: RetentionPolicy.caseYearRange)
        guard let raw, let sent, let years else { return nil }
        return RetentionPolicy(rawMailDays: raw, sentMailDays: sent, caseYears: years)
    }

    static func bool(_ reader: inout ConfigReader, _ object: [String: JSONValue], _ key: String, path: String,
                             default value: Bool) -> Bool? {
        switch object[key] {
        case nil: return value
        case .bool(let flag)?: return flag
        case let other?:
            reader.problem(reader.join(path, key), "must be true or false, found \(other.typeName)")
            return nil
        }
    }

    private static func stringList(_ reader: inout ConfigReader, _ object: [String: JSONValue], _ key: String,
                                   path: String) -> [String]? {
        switch object[key] {
        case nil: return []
        case .array(let items)?:
            var strings: [String] = []
            for (index, item) in items.enumerated() {
                guard case .string(let text) = item, !text.isEmpty,
                      !text.contains(where: { $0 == ";" || $0.isWhitespace }) else {
                    reader.problem(reader.join(path, key) + "[\(index)]", "must be a non-empty string without blanks or ';'")
                    return nil
                }
                strings.append(text)
            }
            return strings
        case let other?:
            reader.problem(reader.join(path, key), "must be a list of strings, found \(other.typeName)")
            return nil
        }
    }

    private static func boolMap(_ reader: inout ConfigReader, _ object: [String: JSONValue], _ key: String,
                                path: String) -> [String: Bool]? {
        switch object[key] {
        case nil: return [:]
        case .object(let members)?:
            var map: [String: Bool] = [:]
            for (domain, value) in members {
                guard case .bool(let flag) = value, !domain.isEmpty else {
                    reader.problem(reader.join(reader.join(path, key), domain), "must be true or false")
                    return nil
                }
                map[domain] = flag
            }
            return map
        case let other?:
            reader.problem(reader.join(path, key), "must be an object of domain: true/false, found \(other.typeName)")
            return nil
        }
    }
}
