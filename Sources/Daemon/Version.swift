/// dsrd's version: the one place it is written. `dsrd --version` prints
/// it; the daemon logs it when it starts and the audit trail records it
/// with each request, so support and an auditor can tell which build
/// handled what. Raise it with every release (semantic versioning).
///
/// The git commit is not built in: SwiftPM puts nothing from the build
/// environment into the code without a build-tool plugin that runs git,
/// and dsrd's build runs no scripts.
public enum DSRDVersion {
    public static let number = "0.9.0"

    /// `dsrd 0.9.0`.
    public static var text: String { "dsrd \(number)" }
}
