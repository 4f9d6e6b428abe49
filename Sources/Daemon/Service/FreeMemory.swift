import CMalloc

/// Gives memory the daemon freed back to the system.
///
/// glibc keeps freed heap pages in its arenas for the next allocation, so a
/// daemon that drained a backlog would stay at its working size for the
/// hours it then waits, and even idle rounds leave pages behind in the
/// arenas of the threads they ran on. `ServiceRunner` calls this before
/// each wait between rounds, so an idle dsrd holds only what it uses.
public enum FreeMemory {
    /// Returns the free pages of every malloc arena (`malloc_trim(0)`); a
    /// few milliseconds at most, between rounds.
    @Sendable public static func release() {
        _ = malloc_trim(0)
    }
}
