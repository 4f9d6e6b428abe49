import CustomerData
import Requests
import Store

/// Builds the fulfil stage from a configuration.
public enum FulfilFactory {
    /// Nil when the configuration names no data map (nothing to act on).
    /// Throws when the map cannot be read or has structural problems.
    public static func settings(config: DaemonConfig) throws -> FulfilSettings? {
        guard let path = config.dataMapPath else { return nil }
        let map = try DataMap.load(from: path)
        let problems = map.problems()
        guard problems.isEmpty else { throw AccessError.unusableMap(problems: problems.count) }
        guard let key = config.suppressionKey else {
            throw MissingSetting(key: "suppression_key", neededFor: "fulfilment needs it with a data map")
        }
        return FulfilSettings(
            map: map, writer: try IntakeFactory.writer(config), suppressionKey: key,
            maximumAttachmentBytes: config.fulfilment.maximumAttachmentBytes,
            senderTrust: config.identity.senderTrust,
            matcher: AddressMatcher(rules: config.identity.aliasRules),
            confirmation: config.identity.confirmationPolicy, limits: config.limits,
            operatorAddress: config.digest.address)
    }

    public static func make(config: DaemonConfig, database: PostgresClient, logger: Logger,
                            clock: any WallClock, crashHooks: TestCrashHooks = .none) throws -> FulfilStage? {
        guard let settings = try settings(config: config) else { return nil }
        return FulfilStage(database: database, settings: settings, logger: logger, clock: clock, crashHooks: crashHooks)
    }
}
