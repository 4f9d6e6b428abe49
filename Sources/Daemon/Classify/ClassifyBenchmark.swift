import Foundation
import MailCore
import Requests
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `dsrd bench-classify FOLDER [--repeat N]`: messages per second for
/// parse + classify over the mail in a folder (files are read into memory
/// first, so disk speed does not count), and the peak resident memory.
public enum ClassifyBenchmark {
    public static let usage = "usage: dsrd bench-classify FOLDER [--repeat N]"

    public static func run(_ arguments: [String]) -> Int32 {
        var repeats = 1
        var paths: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--repeat" {
                guard index + 1 < arguments.count, let count = Int(arguments[index + 1]), count > 0, count <= 1_000_000 else {
                    ClassifyWriter.error("dsrd bench-classify: --repeat needs a positive number\n\(usage)")
                    return 64
                }
                repeats = count
                index += 2
                continue
            }
            if argument.hasPrefix("--") {
                ClassifyWriter.error("dsrd bench-classify: unknown option \(argument)\n\(usage)")
                return 64
            }
            paths.append(argument)
            index += 1
        }
        guard !paths.isEmpty else {
            ClassifyWriter.error(usage)
            return 64
        }
        var messages: [[UInt8]] = []
        var bytes = 0
        for entry in ClassifyFiles.collect(paths) {
            if case .file(let path) = entry, case .success(let content) = ClassifyFiles.read(path) {
                messages.append(content)
                bytes += content.count
            }
        }
        guard !messages.isEmpty else {
            ClassifyWriter.error("dsrd bench-classify: no .eml or .txt files found")
            return 1
        }
        var requests = 0
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<repeats {
            for message in messages {
                let result = MessageClassification(MessageReader.read(message))
                if !result.classification.kinds.isEmpty { requests += 1 }
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let total = messages.count * repeats
        var writer = ClassifyWriter()
        writer.line("messages: \(messages.count) (\(bytes) bytes) x \(repeats) = \(total)")
        writer.line("requests found per pass: \(requests / repeats)")
        writer.line(String(format: "elapsed: %.3f s", seconds))
        writer.line(String(format: "throughput: %.0f messages/s, %.2f MB/s", Double(total) / max(seconds, 1e-9),
                           Double(bytes * repeats) / 1_048_576 / max(seconds, 1e-9)))
        writer.line(String(format: "peak memory (ru_maxrss): %.1f MB", peakResidentMegabytes()))
        writer.flush()
        return 0
    }

    /// Peak resident set size of this process. Linux reports ru_maxrss in
    /// kilobytes, macOS in bytes.
    static func peakResidentMegabytes() -> Double {
        var usage = rusage()
        #if os(Linux)
        let who = RUSAGE_SELF.rawValue
        #else
        let who = RUSAGE_SELF
        #endif
        guard getrusage(who, &usage) == 0 else { return 0 }
        #if os(Linux)
        return Double(usage.ru_maxrss) / 1024
        #else
        return Double(usage.ru_maxrss) / 1_048_576
        #endif
    }
}
