import CLibPQ
import Foundation

/// Bound parameters laid out as `PQexecParams` wants them: value pointers,
/// lengths and formats (0 text, 1 binary), alive for the duration of a call.
struct StatementParameters {
    private let values: [SQLValue]

    init(_ values: [SQLValue]) { self.values = values }

    func withC<R>(
        _ body: (Int32, UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?) -> R
    ) -> R {
        if values.isEmpty { return body(0, nil, nil, nil) }
        var storage: [UnsafeMutableRawPointer?] = []
        var lengths: [Int32] = []
        var formats: [Int32] = []
        defer { storage.forEach { free($0) } }
        for value in values {
            switch value {
            case .null:
                storage.append(nil)
                lengths.append(0)
                formats.append(0)
            case .text(let text):
                storage.append(UnsafeMutableRawPointer(strdup(text)))
                lengths.append(0)
                formats.append(0)
            case .bytes(let bytes):
                let buffer = malloc(max(bytes.count, 1))
                if let buffer, !bytes.isEmpty {
                    bytes.withUnsafeBytes { source in
                        if let base = source.baseAddress { memcpy(buffer, base, bytes.count) }
                    }
                }
                storage.append(buffer)
                lengths.append(Int32(bytes.count))
                formats.append(1)
            }
        }
        let pointers: [UnsafePointer<CChar>?] = storage.map { $0.map { UnsafePointer($0.assumingMemoryBound(to: CChar.self)) } }
        return pointers.withUnsafeBufferPointer { pointerBuffer in
            lengths.withUnsafeBufferPointer { lengthBuffer in
                formats.withUnsafeBufferPointer { formatBuffer in
                    body(Int32(values.count), pointerBuffer.baseAddress, lengthBuffer.baseAddress, formatBuffer.baseAddress)
                }
            }
        }
    }
}
