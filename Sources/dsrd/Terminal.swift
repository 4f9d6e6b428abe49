import Daemon
import Foundation

/// Every line dsrd prints, to stdout or stderr, goes through here, and each
/// is passed through `TerminalText.escaped` on the way: text from mail
/// (subjects, names, Message-IDs, audit details) and text typed into an
/// error message reach the terminal with their control characters written
/// out, never obeyed. A line break inside a value is escaped too, so a value
/// can never start a line of its own (a forged audit line, say).
enum Terminal {
    /// One line to standard output.
    static func line(_ text: String) {
        print(TerminalText.escaped(text))
    }

    /// One line of tab-separated columns, each escaped on its own: the tabs
    /// between them are dsrd's, any inside a value are not.
    static func columns(_ values: [String]) {
        print(values.map(TerminalText.escaped).joined(separator: "\t"))
    }

    /// One line to standard error (messages for the person at the terminal).
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((TerminalText.escaped(text) + "\n").utf8))
    }

    /// dsrd's own text of several lines (usage), line by line.
    static func lines(_ text: String, toError: Bool = false) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            toError ? error(String(line)) : self.line(String(line))
        }
    }
}
