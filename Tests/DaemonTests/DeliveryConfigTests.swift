import Foundation
import Testing
@testable import Daemon

private func parse(delivery: String?) -> Result<DaemonConfig, ConfigError> {
    let section = delivery.map { ", \"delivery\": \($0)" } ?? ""
    let text = """
        {
          "imap": { "url": "imaps://mail.example.net", "username": "notices@example.net", "password": { "env": "P" } },
          "smtp": { "url": "smtp://mail.example.net:587" },
          "sender": "notices@example.net",
          "postgres": { "host": "db.example.net", "database": "crm", "user": "dsrd" },
          "organisation": { "name": "Example AS", "dpo_address": "dpo@example.net" },
          "log_id_key": { "env": "K" }\(section)
        }
        """
    return ConfigParser.parse(Array(text.utf8), environment: ["P": "secret", "K": "key"])
}

@Test func deliveryAttemptsDefaultToAboutADayOfRetries() throws {
    let config = try parse(delivery: nil).get()
    #expect(config.deliveryMaxAttempts == 30)
    #expect(config.deliveryMaxAttempts == RetryPolicy.standard.maxAttempts)
    #expect(config.summary.contains { $0.0 == "delivery.max_attempts" && $0.1 == "30" })
}

@Test func aReceiptWaitsThirtySecondsForTheAnswerUnlessSetOtherwise() throws {
    let standard = try parse(delivery: nil).get()
    #expect(standard.receiptGraceSeconds == 30)
    #expect(standard.summary.contains { $0.0 == "delivery.receipt_grace_seconds" && $0.1 == "30" })
    #expect(try parse(delivery: #"{ "receipt_grace_seconds": 0 }"#).get().receiptGraceSeconds == 0)
    #expect(try parse(delivery: #"{ "max_attempts": 5 }"#).get().receiptGraceSeconds == 30)
}

@Test func deliveryAttemptsCanBeSet() throws {
    #expect(try parse(delivery: #"{ "max_attempts": 5 }"#).get().deliveryMaxAttempts == 5)
}

@Test func badDeliverySettingsAreProblemsWithTheirKeyPath() {
    for (section, path) in [(#"{ "max_attempts": 0 }"#, "delivery.max_attempts"),
                            (#"{ "max_attempts": "many" }"#, "delivery.max_attempts"),
                            (#"{ "retries": 3 }"#, "delivery.retries"),
                            (#"{ "receipt_grace_seconds": 3601 }"#, "delivery.receipt_grace_seconds"),
                            (#"{ "receipt_grace_seconds": -1 }"#, "delivery.receipt_grace_seconds"),
                            (#"12"#, "delivery")] {
        guard case .failure(let error) = parse(delivery: section) else {
            Issue.record("accepted \(section)")
            continue
        }
        #expect(error.problems.map(\.path) == [path])
    }
}
