import Foundation
import Store
import Transport

/// Builds the pipeline's stages from a configuration, in the order they run.
/// Intake (IMAP → requests) goes first, then fulfilment (requests → customer
/// database and replies), then the daily jobs (purge, digest), and delivery
/// (outbox → SMTP) last, so whatever a round queues goes out in it.
public enum StageFactory {
    /// Throws when the reply templates or the data map cannot be loaded.
    public static func makeStages(config: DaemonConfig, logger: Logger,
                                  clock: any WallClock = SystemWallClock()) throws -> [any PipelineStage] {
        let postgres = PostgresClient(configuration: config.postgres)
        let smtp = SMTPClient(settings: config.smtp)
        var stages: [any PipelineStage] = []
        // Test hooks (unset in production): crashes at chosen points.
        let exitAfterCommit = ProcessInfo.processInfo.environment["DSRD_TEST_EXIT_AFTER_COMMIT"] == "1"
        let crashHooks = TestCrashHooks.fromEnvironment()
        stages.append(try IntakeFactory.make(config: config, imap: IMAPClient(settings: config.imap.server),
                                             database: postgres, logger: logger, clock: clock,
                                             exitAfterCommit: exitAfterCommit, crashHooks: crashHooks))
        if let fulfil = try FulfilFactory.make(config: config, database: postgres, logger: logger, clock: clock,
                                               crashHooks: crashHooks) {
            stages.append(fulfil)
        } else {
            logger.warning("no data map configured: requests are recorded and acknowledged but not carried out")
        }
        stages.append(try DailyJobsStage.make(config: config, database: postgres, logger: logger, clock: clock))
        let delivery = DeliveryStage.Settings(retry: RetryPolicy(maxAttempts: config.deliveryMaxAttempts))
        stages.append(DeliveryStage(outbox: PostgresOutboxDelivery(client: postgres), sender: smtp, clock: clock,
                                    logger: logger, settings: delivery))
        return stages
    }

    /// The stages and poll interval of a configuration.
    public static func makePlan(config: DaemonConfig, logger: Logger,
                                clock: any WallClock = SystemWallClock()) throws -> ServicePlan {
        ServicePlan(stages: try makeStages(config: config, logger: logger, clock: clock),
                    pollInterval: TimeInterval(config.pollIntervalSeconds))
    }
}
