import Foundation
import LogSafety
import Requests
import Store
import Transport

/// The composition root: what the daemon and the commands that act are
/// built from, loaded once from a configuration — the reply templates (in
/// the writer), the data map, and each stage's settings. Loading fails with
/// the whole list of problems, which is what `dsrd check-config` prints,
/// so a configuration it accepts is one `dsrd run` starts with.
public struct DaemonComponents: Sendable {
    public let config: DaemonConfig
    public let writer: ReplyWriter
    public let intake: IntakeSettings
    /// Nil without `data_map`: requests are recorded and acknowledged, not carried out.
    public let fulfil: FulfilSettings?
    public let daily: DailyJobsStage.Settings
    public let delivery: DeliveryStage.Settings

    /// Why the components cannot be built: every problem, by key path.
    public struct LoadFailure: LogSafeError, Sendable, Equatable {
        public let problems: [Problem]

        public var description: String {
            "\(problems.count) configuration problem(s): " + problems.map(\.path).joined(separator: ", ")
        }
    }

    /// Loads the templates and the data map once and builds every stage's settings.
    public static func load(_ config: DaemonConfig) throws(LoadFailure) -> DaemonComponents {
        var problems: [Problem] = []
        let templates = loadTemplates(config, into: &problems)
        let map = loadMap(config, into: &problems)
        if map != nil, config.suppressionKey == nil {
            problems.append(Problem(path: "suppression_key", message: "not set: fulfilment needs it with a data map"))
        }
        guard problems.isEmpty, let templates else { throw LoadFailure(problems: problems) }
        let writer = ReplyWriter(templates: templates, sender: config.sender, organisation: config.organisation,
                                 caseYears: config.retention.caseYears)
        let matcher = AddressMatcher(rules: config.identity.aliasRules)
        var intake = IntakeSettings(
            mailbox: config.imap.mailbox, account: config.imap.server.username ?? "",
            processedMailbox: config.imap.processedMailbox, reviewMailbox: config.imap.reviewMailbox,
            ownAddress: config.sender, maximumMessageBytes: config.intake.maximumMessageBytes,
            maximumStoredBytesPerSenderPerDay: config.intake.maximumStoredBytesPerSenderPerDay,
            loopGuardLimit: config.intake.loopGuardMessages,
            loopGuardWindow: Double(config.intake.loopGuardWindowMinutes) * 60, limits: config.limits,
            senderTrust: config.identity.senderTrust, operatorAlerts: config.operatorAlerts, matcher: matcher)
        // Without a data map there is no fulfil stage to settle an owed
        // receipt: intake queues every receipt itself.
        intake.receiptGrace = map == nil ? 0 : TimeInterval(config.receiptGraceSeconds)
        let fulfil = map.map { map in
            FulfilSettings(
                map: map, writer: writer, suppressionKey: config.suppressionKey ?? [],
                maximumAttachmentBytes: config.fulfilment.maximumAttachmentBytes,
                senderTrust: config.identity.senderTrust, matcher: matcher,
                confirmation: config.identity.confirmationPolicy, limits: config.limits,
                operatorAlerts: config.operatorAlerts)
        }
        let daily = DailyJobsStage.Settings(dataMap: map, digestAddress: config.digest.address,
                                            digestHour: config.digest.hour, sender: config.sender,
                                            organisationName: config.organisation.name, retention: config.retention)
        return DaemonComponents(config: config, writer: writer, intake: intake, fulfil: fulfil, daily: daily,
                                delivery: DeliveryStage.Settings(retry: RetryPolicy(maxAttempts: config.deliveryMaxAttempts)))
    }

    /// The reply writer alone, for the commands that only answer (the
    /// operators' decisions).
    public static func writer(_ config: DaemonConfig) throws(LoadFailure) -> ReplyWriter {
        var problems: [Problem] = []
        guard let templates = loadTemplates(config, into: &problems) else { throw LoadFailure(problems: problems) }
        return ReplyWriter(templates: templates, sender: config.sender, organisation: config.organisation,
                           caseYears: config.retention.caseYears)
    }

    /// The reply writer of an operator's configuration (loaded with
    /// `OperatorConfig.Needs.replies`).
    public static func writer(_ config: OperatorConfig) throws(LoadFailure) -> ReplyWriter {
        var problems: [Problem] = []
        let templates = loadTemplates(directory: config.templatesDirectory, site: config.siteTemplatesDirectory,
                                      into: &problems)
        guard let templates, let sender = config.sender, let organisation = config.organisation else {
            throw LoadFailure(problems: problems.isEmpty
                ? [Problem(path: "sender", message: "not set: replies need the sender and the organisation")] : problems)
        }
        return ReplyWriter(templates: templates, sender: sender, organisation: organisation)
    }

    /// The pipeline's stages, in the order they run: intake (IMAP →
    /// requests), fulfilment (requests → the customer database and
    /// replies), the daily jobs (purge, digest), then delivery (outbox →
    /// SMTP) last, so whatever a sequential round queues goes out in it.
    /// On `database` when one is given, else each on a connection of its
    /// own (so that they can run side by side). `faults` crash on purpose
    /// (tests only).
    public func stages(logger: Logger, clock: any WallClock, faults: FaultInjection = .none,
                       database: PostgresClient? = nil) -> [any PipelineStage] {
        let postgres = config.postgres
        let client = { database ?? PostgresClient(configuration: postgres) }
        var stages: [any PipelineStage] = [
            IntakeStage(imap: IMAPClient(settings: config.imap.server), database: client(),
                        recorder: IntakeRecorder(settings: intake, writer: writer), logger: logger, clock: clock,
                        faults: faults),
        ]
        if let fulfil {
            stages.append(FulfilStage(database: client(), settings: fulfil, logger: logger, clock: clock, faults: faults))
        } else {
            logger.warning("no data map configured: requests are recorded and acknowledged but not carried out")
        }
        stages.append(DailyJobsStage(database: client(), clock: clock, logger: logger, settings: daily))
        stages.append(DeliveryStage(outbox: PostgresOutboxDelivery(client: client(), writer: writer,
                                                                   alerts: config.operatorAlerts,
                                                                   addressHashKey: fulfil?.suppressionKey),
                                    sender: SMTPClient(settings: config.smtp), clock: clock, logger: logger,
                                    settings: delivery))
        return stages
    }

    /// The stages, side by side, each on a database connection of its own;
    /// the poll interval; and the recorder of each round's figures (STATUS
    /// line, heartbeat, metrics file) on one more.
    public func plan(logger: Logger, clock: any WallClock, faults: FaultInjection = .none) -> ServicePlan {
        ServicePlan(stages: stages(logger: logger, clock: clock, faults: faults),
                    pollInterval: TimeInterval(config.pollIntervalSeconds),
                    observer: RoundRecorder(database: PostgresClient(configuration: config.postgres),
                                            metricsPath: config.metricsTextfile, logger: logger),
                    concurrentStages: true)
    }

    // MARK: - Loading

    private static func loadTemplates(_ config: DaemonConfig, into problems: inout [Problem]) -> TemplateSet? {
        loadTemplates(directory: config.templatesDirectory, site: config.siteTemplatesDirectory, into: &problems)
    }

    private static func loadTemplates(directory: String?, site: String?,
                                      into problems: inout [Problem]) -> TemplateSet? {
        guard let directory else {
            problems.append(Problem(path: "templates_dir", message: "not set: replies need the templates"))
            return nil
        }
        do {
            return try TemplateSet.load(from: directory, siteDirectory: site)
        } catch {
            let key = if case .unknownSiteFile = error as? TemplateError { "site_templates_dir" } else { "templates_dir" }
            problems.append(Problem(path: key, message: LogSafe.describe(error)))
            return nil
        }
    }

    /// The map at `data_map` (nil when none is configured, or when it has problems).
    private static func loadMap(_ config: DaemonConfig, into problems: inout [Problem]) -> DataMap? {
        guard let path = config.dataMapPath else { return nil }
        do {
            let map = try DataMap.load(from: path)
            let unknown = FileManager.default.contents(atPath: path).map { DataMap.unknownKeys(in: Array($0)) } ?? []
            let found = (unknown + map.problems()).map { Problem(path: "data_map", message: $0.description) }
            problems += found
            return found.isEmpty ? map : nil
        } catch {
            problems.append(Problem(path: "data_map", message: LogSafe.describe(error)))
            return nil
        }
    }
}
