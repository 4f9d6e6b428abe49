import Daemon

/// `dsrd requests SUBCOMMAND`: what the operator sees of the requests
/// (`list`, `show`, `find`, `export`) and the decisions on them (`approve`,
/// `reject`, `extend`, `complete`, `note`: `DecisionCommand`).
enum RequestsCommand {
    static func run(_ arguments: [String]) async -> Int32 {
        let option = ConfigOption(arguments)
        if let error = option.error { return CommandLineInterface.usageError("requests", error) }
        guard let action = option.remaining.first else {
            return CommandLineInterface.usageError("requests", "give a subcommand")
        }
        let words = Array(option.remaining.dropFirst())
        switch action {
        case "list": return await RequestListCommand.list(words, option: option)
        case "find": return await RequestListCommand.find(words, option: option)
        case "show": return await RequestShowCommand.run(words, option: option)
        case "export": return await RequestExportCommand.run(words, option: option)
        case _ where DecisionCommand.actions.contains(action):
            return await DecisionCommand.run(action: action, words: words, option: option)
        default:
            return CommandLineInterface.usageError("requests", "unknown subcommand '\(action)'")
        }
    }
}
