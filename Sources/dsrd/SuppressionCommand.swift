import Daemon
import Foundation
import Records
import Store

/// `dsrd suppression check [ADDRESS...]`: whether addresses are on the
/// suppression list (erased, or objected to marketing), for checking an
/// import or a signup before anyone is contacted. Addresses come from the
/// arguments, or one per line from standard input. Each is printed with
/// `listed` and the reasons, or `clear`; the list itself holds only keyed
/// hashes, so it cannot be read back into addresses.
enum SuppressionCommand {
    static let usage = "usage: dsrd suppression check [ADDRESS...] [--config FILE]   (no addresses: one per line on stdin)"

    static func run(_ arguments: [String]) async -> Int32 {
        let option = ConfigOption(arguments)
        var words = option.remaining
        guard words.first == "check" else {
            Terminal.lines(usage, toError: true)
            return 2
        }
        words.removeFirst()
        guard let config = option.load() else { return 1 }
        guard let key = config.suppressionKey else {
            Terminal.error("dsrd suppression: suppression_key is not set in the configuration")
            return 1
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
            return 0
        } catch {
            Terminal.error("dsrd suppression: \(error)")
            return 1
        }
    }
}
