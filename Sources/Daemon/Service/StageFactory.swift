import Foundation
import Store
import Transport

/// Builds the pipeline's stages from a configuration, in the order they run.
/// Intake (IMAP → requests) goes first, delivery (outbox → SMTP) last.
public enum StageFactory {
    public static func makeStages(config: DaemonConfig, logger: Logger,
                                  clock: any WallClock = SystemWallClock()) -> [any PipelineStage] {
        let postgres = PostgresClient(configuration: config.postgres)
        let smtp = SMTPClient(settings: config.smtp)
        var stages: [any PipelineStage] = []
        // Intake stage goes here, before delivery.
        let delivery = DeliveryStage.Settings(retry: RetryPolicy(maxAttempts: config.deliveryMaxAttempts))
        stages.append(DeliveryStage(queue: OutboxQueue(client: postgres), sender: smtp, clock: clock, logger: logger,
                                    settings: delivery))
        return stages
    }

    /// The stages and poll interval of a configuration.
    public static func makePlan(config: DaemonConfig, logger: Logger,
                                clock: any WallClock = SystemWallClock()) -> ServicePlan {
        ServicePlan(stages: makeStages(config: config, logger: logger, clock: clock),
                    pollInterval: TimeInterval(config.pollIntervalSeconds))
    }
}
