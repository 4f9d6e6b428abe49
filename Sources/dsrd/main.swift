import Daemon
import Foundation

// dsrd's command line: parse the words, hand over to a command, exit.
let arguments = Array(CommandLine.arguments.dropFirst())
let status = await CommandLineInterface.run(arguments)
exit(status)
