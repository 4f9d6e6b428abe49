import Foundation

/// The `dsrd` executable the integration tests start: `$DSRD_BINARY` when
/// set (the release build or the installed `/usr/bin/dsrd`, as
/// `deploy/debian/test.sh` runs them), else this checkout's `.build/debug/dsrd`.
enum DSRDBinary {
    static var path: String {
        if let chosen = ProcessInfo.processInfo.environment["DSRD_BINARY"], !chosen.isEmpty { return chosen }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/dsrd").path
    }
}
