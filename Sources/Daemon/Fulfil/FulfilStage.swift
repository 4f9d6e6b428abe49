import CustomerData
import Foundation
import LogSafety
import MailCore
import Records
import Requests
import Store

/// Fulfilment: carries out `received` requests on the customer database
/// and queues the answers, between intake and delivery.
///
/// Each round it first reads the answers to confirmation messages that
/// intake attached, then sends due reminders and closes expired
/// confirmations, then takes the `received` requests one by one. Each
/// request is handled in ONE transaction that locks its row: the identity
/// decision (`FulfilmentPlan`), the changes to the customer data, the audit
/// events, the replies and partner notices in the outbox, and the new
/// state. A crash anywhere leaves the request `received`, untouched, and
/// the next round does it again; one that crashed the process three times
/// is set aside for a person instead (`FulfilAttempts`). A round takes at
/// most `batchSize` requests and starts none after `roundTimeBudget`.
public struct FulfilStage: PipelineStage {
    public let name = "fulfil"
    let database: PostgresClient
    let settings: FulfilSettings
    let logger: Logger
    let clock: any WallClock
    /// Crashes on purpose (tests only; `FaultInjection`): die before the
    /// COMMIT of a chosen request.
    let faults: FaultInjection

    public init(database: PostgresClient, settings: FulfilSettings, logger: Logger, clock: any WallClock,
                faults: FaultInjection = .none) {
        self.database = database
        self.settings = settings
        self.logger = logger
        self.clock = clock
        self.faults = faults
    }

    /// Requests' ids read in one query.
    static let idsPerRead = 25

    public func runOnce() async throws -> StageReport {
        try await runOnce(progress: {})
    }

    public func runOnce(progress: StageProgress) async throws -> StageReport {
        var counts: [String: Int] = [:]
        for word in try await readAnswers() + (try await advanceConfirmations()) {
            counts[word, default: 0] += 1
        }
        let receipts = try await queueDueReceipts()
        if receipts > 0 { counts["receipt_queued", default: 0] += receipts }
        progress()
        var lastID = 0
        var handled = 0
        var budget = RoundBudget(started: clock.now(), seconds: settings.roundTimeBudget)
        var outOfBudget = false
        // The ids to work on are read a few at a time, and the first attempt
        // at those that have none is counted for all of them at once
        // (`FulfilAttempts.beginFresh`); each is claimed in its own
        // transaction, so one taken meanwhile (another daemon) is skipped.
        let attempts = self.attempts
        var upcoming: ArraySlice<(id: Int, reference: String)> = []
        var countedAhead: Set<Int> = []
        while handled < settings.batchSize {
            if upcoming.isEmpty {
                let after = lastID
                let limit = min(Self.idsPerRead, settings.batchSize - handled)
                upcoming = try await database.withConnection({
                    try RequestRecords($0).upcoming(in: .received, after: after, limit: limit)
                })[...]
                countedAhead = try await attempts.beginFresh(requestIDs: upcoming.map(\.id))
            }
            guard let (id, reference) = upcoming.first else { break }
            guard budget.mayStart(now: clock.now()) else {
                outOfBudget = true
                break
            }
            upcoming.removeFirst()
            lastID = id
            handled += 1
            let counted = countedAhead.remove(id) != nil
            let word: String
            do {
                word = try await handle(requestID: id, reference: reference, counted: counted)
            } catch {
                await attempts.takeBack(requestIDs: Array(countedAhead))
                throw error
            }
            counts[word, default: 0] += 1
            logger.info("request handled", ["reference": reference, "request_id": id, "outcome": word])
            progress()
        }
        // Those counted ahead and not reached (the budget stopped the round).
        await attempts.takeBack(requestIDs: Array(countedAhead))
        if outOfBudget {
            logger.info("fulfil round budget used, more waiting", [
                "handled": handled, "seconds": Int(clock.now().timeIntervalSince(budget.started)),
            ])
        }
        let summary = counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        return StageReport(handled: counts.values.reduce(0, +), summary: summary.isEmpty ? "nothing to do" : summary,
                           moreWaiting: outOfBudget || handled >= settings.batchSize)
    }

    var attempts: FulfilAttempts {
        FulfilAttempts(database: database,
                       alert: settings.operatorAlerts.map { ReviewAlert(writer: settings.writer, alerts: $0) })
    }

    /// One request in its own transaction, after its attempt is counted
    /// (here, or already when `counted`). A failure that is not the
    /// database going away (a map that does not fit the database, a
    /// template that cannot be rendered) would fail again on every round:
    /// the request goes to a person instead, with the reason.
    private func handle(requestID: Int, reference: String, counted: Bool) async throws -> String {
        let attempts = self.attempts
        let earlierAttempts: Int
        if counted {
            earlierAttempts = 0
        } else {
            guard let earlier = try await attempts.begin(requestID: requestID) else { return "skipped" }
            earlierAttempts = earlier
        }
        if earlierAttempts >= FulfilAttempts.limit {
            guard try await attempts.setAside(requestID: requestID, now: clock.now()) else { return "skipped" }
            logger.warning("request set aside after stopping the daemon repeatedly",
                           ["reference": reference, "request_id": requestID, "attempts": earlierAttempts])
            return "set_aside"
        }
        let now = clock.now()
        let settings = self.settings
        let hooks = faults
        let logger = self.logger
        do {
            return try await database.transaction { connection in
                guard let request = try PendingRequest.claim(id: requestID, in: .received, trust: settings.senderTrust, connection: connection) else {
                    return "skipped"
                }
                let word = try Self.handle(request, settings: settings, connection: connection, now: now)
                try Self.endAttempt(of: request, settings: settings, connection: connection, now: now)
                hooks.crashIfMarked(reference: request.reference, logger: logger)
                return word
            }
        } catch let error as PostgresError where error.kind == .connectionFailed || error.kind == .connectionLost
                    || error.isRetryableTransactionFailure {
            await attempts.takeBack(requestIDs: [requestID])
            throw error
        } catch {
            let reason = "could not be carried out: " + LogSafe.describe(error)
            logger.error("request failed", ["reference": reference, "request_id": requestID,
                                            "error": LogSafe.describe(error)])
            try await database.transaction { connection in
                guard let request = try PendingRequest.claim(id: requestID, in: .received, trust: settings.senderTrust, connection: connection) else {
                    return
                }
                try settings.steps(connection, now: now, endsFulfilAttempt: true)
                    .apply(.sentToReview(reason: reason), to: request)
                // The receipt may fail as the request did (a template that
                // cannot be rendered): then the operators answer the person.
                // The attempt has ended by then (the statement comes first).
                do {
                    try Self.endAttempt(of: request, settings: settings, connection: connection, now: now)
                } catch let error as PostgresError {
                    throw error
                } catch {
                    logger.warning("receipt not queued", ["request_id": requestID, "error": LogSafe.describe(error)])
                }
            }
            return "failed"
        }
    }

    /// Decides and acts on one locked `received` request.
    static func handle(_ request: PendingRequest, settings: FulfilSettings, connection: PostgresConnection,
                       now: Date) throws -> String {
        let facts = FulfilmentPlan.Facts(
            kinds: request.kinds, subjectAddress: request.subjectAddress, approvedKinds: request.approvedKinds,
            confirmed: request.confirmed,
            verdict: request.verdict,
            subject: subject(of: request, matcher: settings.matcher))
        let steps = settings.steps(connection, now: now, endsFulfilAttempt: true)
        let execution = RequestExecution(settings: settings, connection: connection, now: now)
        let desk = ConfirmationDesk(settings: settings, connection: connection, now: now, endsFulfilAttempt: true)
        switch FulfilmentPlan.decide(facts) {
        case .review(let reason):
            try steps.apply(.sentToReview(reason: reason), to: request)
            return "needs_review"
        case .confirm(let address) where !settings.matcher.same(address, request.subjectAddress):
            // Another address than the sender's: nothing goes to an address
            // no customer has (the sender hears "no data", the address is
            // not repeated), and one address is not asked again and again.
            if try ErasureSubjectLookup.keys(of: address, map: settings.map, matcher: settings.matcher,
                                             connection: connection).isEmpty {
                try RequestMail(writer: settings.writer, connection: connection, now: now)
                    .reply(.noData, request: request, values: ["other_address": .flag(true)])
                try steps.apply(.completed(reason: "no data held for the address the request named"), to: request)
                return "no_data"
            }
            let claims = try desk.recentClaims(of: address)
            guard claims < settings.limits.claimsPerAddress else {
                try steps.apply(.sentToReview(reason: "abuse limit: \(claims) requests named this address within "
                                                + "\(settings.limits.senderWindowHours) hours"),
                                to: request, details: ["claims": claims])
                return "needs_review"
            }
            try desk.ask(request, address: address)
            return "awaiting_confirmation"
        case .confirm(let address):
            // Nothing to confirm when nothing would change: an address we
            // hold nothing about gets "no data", a correction without values
            // gets "more information"; neither discloses anything.
            let valuesMissing = request.kinds == [.rectify] && request.fields.isEmpty
            let subjects = try ErasureSubjectLookup.subjects(of: address, map: settings.map, matcher: settings.matcher,
                                                             connection: connection)
            if valuesMissing || subjects.isEmpty {
                return try execution.carryOut(request, address: address, kinds: request.kinds, subjects: subjects)
            }
            try desk.ask(request, address: address)
            return "awaiting_confirmation"
        case .execute(let address, let kinds):
            return try execution.carryOut(request, address: address, kinds: kinds)
        }
    }

    /// Who the opening message says the request is about, as intake read it.
    static func subject(of request: PendingRequest, matcher: AddressMatcher) -> DataSubject.Decision {
        DataSubject.resolve(senders: request.reading.senders, onBehalf: request.onBehalf, kinds: request.kinds,
                            claims: request.reading.claims, matcher: matcher)
    }

    // MARK: - Confirmations

    /// The follow-ups of requests waiting for confirmation, each read once.
    private func readAnswers() async throws -> [String] {
        let batchSize = settings.batchSize
        let unread = try await database.withConnection {
            try FollowUps($0).unread(ofRequestsIn: .awaitingConfirmation, limit: batchSize)
        }
        var words: [String] = []
        for followUp in unread {
            let linkID = followUp.linkID
            let requestID = followUp.requestID
            let now = clock.now()
            let settings = self.settings
            let (word, reference): (String, String?) = try await database.transaction { connection in
                guard let request = try PendingRequest.lock(id: requestID, trust: settings.senderTrust, connection: connection),
                      request.state == .awaitingConfirmation,
                      let raw = try FollowUps(connection).unreadMessage(linkID: linkID) else { return ("skipped", nil) }
                let word = try ConfirmationDesk(settings: settings, connection: connection, now: now)
                    .read(answer: raw, linkID: linkID, request: request)
                return (word, request.reference)
            }
            logger.info("confirmation answer read", ["reference": reference ?? "-", "request_id": requestID,
                                                     "outcome": word])
            words.append(word)
        }
        return words
    }

    /// Reminders and expiries that are due.
    private func advanceConfirmations() async throws -> [String] {
        let now = clock.now()
        let remindBefore = now.addingTimeInterval(-(settings.confirmation.reminderAfter ?? 3_153_600_000))
        let batchSize = settings.batchSize
        let due = try await database.withConnection {
            try Confirmations($0).due(now: now, remindBefore: remindBefore, limit: batchSize)
        }
        var words: [String] = []
        for requestID in due {
            let now = clock.now()
            let settings = self.settings
            let advanced: (word: String, reference: String)? = try await database.transaction { connection in
                guard let request = try PendingRequest.lock(id: requestID, trust: settings.senderTrust, connection: connection),
                      request.state == .awaitingConfirmation else { return nil }
                guard let word = try ConfirmationDesk(settings: settings, connection: connection, now: now)
                    .advance(request) else { return nil }
                return (word, request.reference)
            }
            if let (word, reference) = advanced {
                logger.info("confirmation timer", ["reference": reference, "request_id": requestID, "outcome": word])
                words.append(word)
            }
        }
        return words
    }
}
