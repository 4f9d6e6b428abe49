import Daemon
import Foundation
import Records
import Store

/// `dsrd suppression check [ADDRESS...]`: whether addresses are on the
/// suppression list (erased, or objected to marketing), for checking an
/// import or a signup before anyone is contacted. Addresses come from the
/// arguments, or one per line from standard input. Each is printed with
/// `listed` and the reasons, or `clear`; the list itself holds only keyed
/// hashes, so it cannot be read back into addresses. Needs only the
/// database and `suppression_key`.
enum SuppressionCommand {
    static func run(_ arguments: [String]) async -> Int32 {
        let option = ConfigOption(arguments)
        if let error = option.error { return CommandLineInterface.usageError("suppression", error) }
        var words = option.remaining
        guard words.first == "check" else {
            return CommandLineInterface.usageError("suppression", words.first.map { "unknown subcommand '\($0)'" }
                                                   ?? "give a subcommand")
        }
        words.removeFirst()
        if let option = words.first(where: { $0.hasPrefix("--") }) {
            return CommandLineInterface.usageError("suppression", "unknown option \(option)")
        }
        let config: OperatorConfig
        switch option.loadOperator(needs: .addressKey) {
        case .success(let loaded): config = loaded
        case .failure(let status): return status.rawValue
        }
        guard let key = config.suppressionKey else {
            Terminal.error("dsrd suppression: suppression_key: " + (config.suppressionKeyProblem?.message ?? "not set"))
            return ExitStatus.config.rawValue
        }
        var addresses = words
        if addresses.isEmpty {
            while let line = readLine() {
                let address = line.trimmingCharacters(in: .whitespaces)
                if !address.isEmpty { addresses.append(address) }
            }
        }
        let client = PostgresClient(configuration: config.postgres)
        do {
            for address in addresses {
                let hash = AddressHash.hex(address: address, key: key)
                let reasons = try await client.transaction(readOnly: true) { connection in
                    try SuppressionList(connection).reasons(addressHash: hash)
                }
                Terminal.columns(reasons.isEmpty ? ["clear", address]
                                 : ["listed", address, reasons.map(\.rawValue).joined(separator: ",")])
            }
            await client.close()
            return ExitStatus.ok.rawValue
        } catch {
            return CommandLineInterface.failed("suppression", error)
        }
    }
}
