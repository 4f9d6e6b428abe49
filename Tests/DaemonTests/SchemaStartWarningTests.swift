import Requests
import Testing
@testable import Daemon

/// What `dsrd check-config` says of a schema `dsrd run` would refuse.
@Suite struct SchemaStartWarningTests {
    @Test func anOlderOrMissingSchemaIsNamedWithTheCommandThatFixesIt() {
        #expect(SchemaCheck.startWarning(.older(version: 8, needed: 9)) == Problem(
            path: "postgres",
            message: "schema dsr is at version 8 and this dsrd needs 9: run dsrd migrate (as postgres.migration_user); "
                + "dsrd run refuses to start until then"))
        #expect(SchemaCheck.startWarning(.older(version: 0, needed: 9))?.message
            .hasPrefix("schema dsr does not exist yet and this dsrd needs 9: run dsrd migrate") == true)
    }

    /// A schema the daemon starts on, or a database it cannot ask now, is no warning.
    @Test func aSchemaTheDaemonStartsOnIsNoWarning() {
        #expect(SchemaCheck.startWarning(.current(version: 9)) == nil)
        #expect(SchemaCheck.startWarning(.newer(version: 10, known: 9)) == nil)
        #expect(SchemaCheck.startWarning(.unknown(reason: "connection refused")) == nil)
    }
}
