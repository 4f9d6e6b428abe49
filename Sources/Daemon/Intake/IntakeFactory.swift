import Requests
import Store
import Transport

/// Builds the intake stage from a configuration.
public enum IntakeFactory {
    public static func settings(_ config: DaemonConfig) -> IntakeSettings {
        IntakeSettings(
            mailbox: config.imap.mailbox, account: config.imap.server.username ?? "",
            processedMailbox: config.imap.processedMailbox,
            reviewMailbox: config.imap.reviewMailbox, ownAddress: config.sender,
            maximumMessageBytes: config.intake.maximumMessageBytes,
            loopGuardLimit: config.intake.loopGuardMessages,
            loopGuardWindow: Double(config.intake.loopGuardWindowMinutes) * 60,
            limits: config.limits,
            senderTrust: config.identity.senderTrust,
            operatorAddress: config.digest.address,
            matcher: AddressMatcher(rules: config.identity.aliasRules)
        )
    }

    public static func writer(_ config: DaemonConfig) throws -> ReplyWriter {
        guard let directory = config.templatesDirectory else {
            throw MissingSetting(key: "templates_dir", neededFor: "intake needs the reply templates")
        }
        return ReplyWriter(templates: try TemplateSet.load(from: directory), sender: config.sender,
                           organisation: config.organisation)
    }

    public static func make(config: DaemonConfig, imap: IMAPClient, database: PostgresClient, logger: Logger,
                            clock: any WallClock, exitAfterCommit: Bool = false,
                            crashHooks: TestCrashHooks = .none) throws -> IntakeStage {
        let recorder = IntakeRecorder(settings: settings(config), writer: try writer(config))
        return IntakeStage(imap: imap, database: database, recorder: recorder, logger: logger, clock: clock,
                           personKey: config.logIDKey, exitAfterCommit: exitAfterCommit, crashHooks: crashHooks)
    }
}
