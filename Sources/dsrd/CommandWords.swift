/// A command's words after the command's name: options with a value
/// (`--reason TEXT` or `--reason=TEXT`), flags (`--json`) and the rest, in
/// order. `--` ends the options, so a text may start with a dash.
struct CommandWords {
    var positional: [String] = []
    var values: [String: String] = [:]
    var flags: Set<String> = []

    /// Why the words were refused, naming the word.
    struct Problem: Error, Equatable {
        var text: String
    }

    static func parse(_ words: [String], options: Set<String> = [], flags: Set<String> = []) -> Result<CommandWords, Problem> {
        var parsed = CommandWords()
        var index = 0
        var optionsEnded = false
        while index < words.count {
            let word = words[index]
            index += 1
            if optionsEnded || !word.hasPrefix("-") || word == "-" {
                parsed.positional.append(word)
                continue
            }
            if word == "--" {
                optionsEnded = true
                continue
            }
            var name = word
            var inline: String?
            if let equals = word.firstIndex(of: "=") {
                name = String(word[..<equals])
                inline = String(word[word.index(after: equals)...])
            }
            if flags.contains(name) {
                guard inline == nil else { return .failure(Problem(text: "\(name) takes no value")) }
                parsed.flags.insert(name)
                continue
            }
            guard options.contains(name) else { return .failure(Problem(text: "unknown option \(name)")) }
            guard parsed.values[name] == nil else { return .failure(Problem(text: "\(name) given twice")) }
            if let inline {
                parsed.values[name] = inline
            } else if index < words.count {
                parsed.values[name] = words[index]
                index += 1
            } else {
                return .failure(Problem(text: "\(name) needs a value"))
            }
        }
        return .success(parsed)
    }

    /// The value of `--limit N` / `--all`: nil for all, else a positive count.
    func limit(default value: Int) -> Result<Int?, Problem> {
        if flags.contains("--all") {
            guard values["--limit"] == nil else { return .failure(Problem(text: "give --limit N or --all, not both")) }
            return .success(nil)
        }
        guard let text = values["--limit"] else { return .success(value) }
        guard let count = Int(text), count > 0 else { return .failure(Problem(text: "--limit needs a positive number")) }
        return .success(count)
    }
}
