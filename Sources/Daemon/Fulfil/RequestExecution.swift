import CustomerData
import Foundation
import MailCore
import Requests
import Store

/// Carries out a request's kinds on the customer database through the data
/// map, in the caller's transaction, and queues the replies: first the copy
/// (access, before anything changes), then rectification, objection and
/// erasure. Old and new values go to the audit trail, never to a log.
struct RequestExecution {
    let settings: FulfilSettings
    let connection: PostgresConnection
    let now: Date

    var mail: RequestMail { RequestMail(writer: settings.writer, connection: connection, now: now) }
    /// Only fulfilment's handling of a request executes it, and ends its
    /// attempt then.
    var steps: LifecycleSteps { settings.steps(connection, now: now, endsFulfilAttempt: true) }
    var today: Day { Day(now) }
    var map: DataMap { settings.map }

    /// The address a request acts on and where its replies go.
    struct Target {
        /// As the request names it: finds the customer's rows by its canonical form.
        var address: String
        /// The customer's address as stored when there is one (it has the
        /// same canonical form), else `address`; `RequestMail` writes it in
        /// its mail form. Never a form that compares differently.
        var recipient: String
    }

    /// Returns the word for the stage's summary. `subjects`: the customers
    /// with the address, when the caller already looked them up (and locked
    /// them) in this transaction.
    func carryOut(_ request: PendingRequest, address: String, kinds: Set<RequestKind>,
                  subjects known: [ErasureSubjectLookup.Subject]? = nil) throws -> String {
        let subjects = try known ?? ErasureSubjectLookup.subjects(of: address, map: map, matcher: settings.matcher,
                                                                  connection: connection)
        if subjects.count > 1 {
            try steps.apply(.sentToReview(reason: "several customers have the address (\(subjects.count))"), to: request)
            return "needs_review"
        }
        guard let subject = subjects.first else {
            // An objection to marketing still goes on the suppression list;
            // everything else is answered once with "no data held".
            let nobody = Target(address: address, recipient: address)
            if kinds.contains(.object) { try object(request, nobody, subjectKey: nil) }
            if !kinds.subtracting([.object]).isEmpty {
                try mail.reply(.noData, request: request, recipient: nobody.recipient)
            }
            try steps.apply(.completed(reason: "no data held for the address"), to: request)
            return "no_data"
        }
        let target = Target(address: address, recipient: subject.address)
        var review: String?
        if kinds.contains(.access) {
            guard try access(request, target) else { return "needs_review" }
        }
        if kinds.contains(.rectify) && !kinds.contains(.erase) {
            review = try rectify(request, target, subjectKey: subject.key)
        }
        if kinds.contains(.object) {
            try object(request, target, subjectKey: subject.key)
        }
        if kinds.contains(.erase) {
            try erase(request, target)
        }
        if let review {
            try steps.apply(.sentToReview(reason: review), to: request)
            return "needs_review"
        }
        try steps.apply(.completed(reason: nil), to: request, details: ["kinds": kinds.map(\.rawValue).sorted()])
        return "completed"
    }

    // MARK: - Access (Art. 15, 20)

    /// False when the copy is too large to mail (the request went to review).
    private func access(_ request: PendingRequest, _ target: Target) throws -> Bool {
        let collector = try AccessCollector(map: map, matcher: settings.matcher)
        let started = ContinuousClock.now
        let outcome = try collector.collect(address: target.address, on: connection)
        let collectMilliseconds = Int((ContinuousClock.now - started) / .milliseconds(1))
        switch outcome {
        case .noData:
            try mail.reply(.noData, request: request, recipient: target.recipient)
            try steps.record(request, action: .accessNoData)
        case .ambiguous(let count):
            try steps.apply(.sentToReview(reason: "several customers have the address (\(count))"), to: request)
            return false
        case .found(let report):
            let attachments = AccessExport.attachments(report, reference: request.reference, generatedAt: now,
                                                       controller: settings.writer.organisation.name,
                                                       language: request.replyLanguage)
            let bytes = AccessExport.byteCount(attachments)
            let rows = report.categories.reduce(0) { $0 + $1.rows.count }
            guard bytes <= settings.maximumAttachmentBytes else {
                try mail.reply(.accessTooLarge, request: request,
                               recipient: target.recipient)
                try steps.apply(.sentToReview(reason: "the copy (\(bytes) bytes) is larger than the mail limit "
                                                + "(\(settings.maximumAttachmentBytes) bytes): deliver it another way"),
                                to: request, details: ["rows": rows, "bytes": bytes])
                return false
            }
            let files = AccessReplyValues.Files(json: AccessExport.jsonFileName(reference: request.reference),
                                                readable: ReadableCopy.fileName(reference: request.reference))
            let values = AccessReplyValues.values(report, map: map, language: request.replyLanguage, files: files)
            try mail.reply(.accessCompleted, request: request, recipient: target.recipient,
                           values: values, attachments: attachments)
            try steps.record(request, action: .accessSent, details: [
                "categories": report.categories.map(\.table), "rows": rows, "bytes": bytes,
                "special_categories": report.categories.filter(\.specialCategory).map(\.table),
                "disclosures": report.disclosures.count, "collect_ms": collectMilliseconds,
            ])
        }
        return true
    }

    // MARK: - Rectification (Art. 16)

    /// A review reason when something is left for a person.
    private func rectify(_ request: PendingRequest, _ target: Target, subjectKey: String) throws -> String? {
        let executor = RectificationExecutor(map: map, matcher: settings.matcher)
        let outcome = try executor.apply(fields: request.fields, language: request.language,
                                         address: target.address, in: connection)
        switch outcome {
        case .noData:
            try mail.reply(.noData, request: request, recipient: target.recipient)
            return nil
        case .needsMoreInformation(let problems, let rectifiable):
            try askForMore(request, target, problems: problems, rectifiable: rectifiable)
            return "waiting for more information from the person"
        case .applied(let report):
            let changes = report.changes.map { change -> [String: Any] in
                ["field": change.field.rawValue, "column": change.column, "old": change.oldValue ?? NSNull(),
                 "new": change.newValue]
            }
            try steps.record(request, action: .rectified, details: [
                "changes": changes, "unchanged": report.unchanged.map(\.field.rawValue),
                "unmapped": report.unmapped.map(\.rawValue),
                "email_change_pending": report.pendingEmailChange != nil,
            ])
            if report.changes.isEmpty && report.unchanged.isEmpty {
                if report.pendingEmailChange == nil {
                    try askForMore(request, target, problems: [], rectifiable: executor.rectifiableFields)
                    return "waiting for more information from the person"
                }
            } else {
                try mail.reply(.rectifyCompleted, request: request, recipient: target.recipient,
                               values: report.templateValues(request.replyLanguage))
            }
            if !report.changes.isEmpty {
                try notifyPartners(request, target, subjectKey: subjectKey,
                                   flags: ["rectified": .flag(true)],
                                   changes: report.changes)
            }
            if report.pendingEmailChange != nil {
                return "a new e-mail address is applied only after that address confirms: decide by hand"
            }
            return nil
        }
    }

    private func askForMore(_ request: PendingRequest, _ target: Target, problems: [RectificationProblem],
                            rectifiable: [String]) throws {
        let values = RectificationOutcome.moreInformationValues(problems: problems, rectifiable: rectifiable,
                                                                language: request.replyLanguage)
        try mail.reply(.moreInformation, request: request, recipient: target.recipient,
                       values: values)
    }

    // MARK: - Objection (Art. 21)

    /// `subjectKey`: the customer the address belongs to (nil: none; the
    /// marketing objection still goes on the suppression list).
    private func object(_ request: PendingRequest, _ target: Target, subjectKey: String?) throws {
        let scope = request.reading.objectionScope
        let hash = AddressHash.hex(address: target.address, key: settings.suppressionKey)
        let report = try ObjectionExecutor(map: map, matcher: settings.matcher).apply(
            scope: scope, address: target.address, addressHash: hash, today: today, in: connection)
        try steps.record(request, action: .objectionApplied, details: [
            "changes": report.changes.map { ["purpose": $0.purpose.rawValue, "state": $0.state.rawValue] },
            "suppressed": report.suppressed, "subject_rows": report.subjectRows,
        ])
        try mail.reply(.objectCompleted, request: request, recipient: target.recipient,
                       values: report.templateValues(request.replyLanguage))
        if let subjectKey, report.changes.contains(where: { $0.purpose == .sharing && $0.state == .changed }) {
            try notifyPartners(request, target, subjectKey: subjectKey,
                               flags: ["objected": .flag(true)])
        }
    }

    // MARK: - Erasure (Art. 17)

    /// A withdrawal of consent stays one when an operator approved it: the
    /// approval vouches for who asked, not for a wider erasure.
    private func erase(_ request: PendingRequest, _ target: Target) throws {
        if request.reading.erasureScope == .consentData {
            try eraseConsentData(request, target)
            return
        }
        let hash = AddressHash.hex(address: target.address, key: settings.suppressionKey)
        let outcome = try ErasureExecutor(map: map, matcher: settings.matcher).erase(
            address: target.address, addressHash: hash, today: today, in: connection)
        switch outcome {
        case .noData:
            try mail.reply(.noData, request: request, recipient: target.recipient)
            try steps.record(request, action: .eraseNoData)
        case .erased(let report, let partners):
            try steps.record(request, action: .erased, details: [
                "rows_erased": report.rowsErased, "rows_held": report.rowsHeld,
                "held_until": report.kept.map { $0.until.description },
            ])
            try mail.reply(.eraseCompleted, request: request, recipient: target.recipient,
                           values: report.templateValues(request.replyLanguage))
            try queueNotices(partners, request: request, target: target,
                             flags: ["erased": .flag(true)], changes: nil)
        }
    }

    /// Consent withdrawn for dietary data: only the consent-based tables go.
    private func eraseConsentData(_ request: PendingRequest, _ target: Target) throws {
        guard let report = try ErasureExecutor(map: map, matcher: settings.matcher).eraseConsentData(
            address: target.address, in: connection) else {
            try mail.reply(.noData, request: request, recipient: target.recipient)
            return
        }
        try steps.record(request, action: .consentDataErased, details: ["rows_erased": report.rowsErased])
        try mail.reply(.eraseCompleted, request: request, recipient: target.recipient,
                       values: report.templateValues(request.replyLanguage, consentOnly: true))
    }

    // MARK: - Partners (Art. 19)

    private func notifyPartners(_ request: PendingRequest, _ target: Target, subjectKey: String,
                                flags: TemplateValues, changes: [RectificationReport.Change]? = nil) throws {
        let partners = try PartnerNotices(map: map).collect(subjectKey: subjectKey, connection: connection)
        try queueNotices(partners, request: request, target: target, flags: flags, changes: changes)
    }

    /// One notice per partner with a privacy address, in the partner's
    /// language (`PartnerNoticeValues`); the others are listed in the audit
    /// trail for the operator. A correction goes only to the
    /// partners that received one of the corrected columns (or whose
    /// disclosures do not say which), with only those columns. A notice
    /// tells no more than the partner received: the e-mail address only to
    /// a partner that received it, the others find the person by the values
    /// they did receive (as they received them, before a correction).
    private func queueNotices(_ partners: [PartnerNotice], request: PendingRequest, target: Target,
                              flags: TemplateValues, changes: [RectificationReport.Change]?) throws {
        for partner in partners {
            let disclosed = Set(partner.disclosures.flatMap(\.fields))
            let relevant = changes.map { all in disclosed.isEmpty ? all : all.filter { disclosed.contains($0.column) } }
            if let relevant, relevant.isEmpty { continue }
            guard let privacy = partner.privacyAddress else {
                try steps.record(request, action: .partnerNoticeUnaddressed,
                                      reason: "no privacy address for a partner: tell them by hand",
                                      details: ["partner": partner.partnerName])
                continue
            }
            let withAddress = partner.receivedAddress(emailColumn: map.subject.emailColumn)
            let person = withAddress ? [] : identification(partner, changes: changes ?? [])
            guard withAddress || !person.isEmpty else {
                try steps.record(request, action: .partnerNoticeUnidentified,
                                      reason: "nothing the partner received names the person: tell them by hand",
                                      details: ["partner": partner.partnerName])
                continue
            }
            let values = PartnerNoticeValues.values(partner, map: map, subjectAddress: withAddress ? target.recipient : nil,
                                                    person: person, changes: relevant ?? [], flags: flags)
            try mail.partnerNotice(to: privacy, request: request, language: partner.language, values: values)
        }
    }

    /// The values the partner received, other than the e-mail address, as
    /// column/value pairs in the order the disclosures name them: a
    /// corrected column with its value from before the correction.
    private func identification(_ partner: PartnerNotice, changes: [RectificationReport.Change]) -> [(column: String, value: String)] {
        var received = partner.received
        for change in changes where partner.disclosedColumns.contains(change.column) {
            received[change.column] = change.oldValue
        }
        return partner.disclosedColumns.filter { $0 != map.subject.emailColumn }.compactMap { column in
            received[column].map { (column: column, value: $0) }
        }
    }
}
