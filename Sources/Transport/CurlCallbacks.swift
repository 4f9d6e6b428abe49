import CCurlShim
import Foundation

/// The bytes of one transfer: what the server sent (body and header
/// channels) and what dsrd uploads. Handed to curl's C callbacks as an
/// unretained pointer that lives for the duration of `curl_easy_perform`.
final class TransferBuffers {
    var body: [UInt8] = []
    var header: [UInt8] = []
    var upload: [UInt8] = []
    var uploadOffset = 0
    /// Stop collecting beyond this (curl then fails the transfer with 23).
    var maximumBodyBytes = Int.max

    func reset() {
        body.removeAll(keepingCapacity: true)
        header.removeAll(keepingCapacity: true)
        upload = []
        uploadOffset = 0
    }
}

// C callbacks live outside main.swift (Swift 6 rejects them there).

let curlWriteBody: dsrd_curl_data_callback = { buffer, size, count, userdata in
    guard let buffer, let userdata else { return 0 }
    let buffers = Unmanaged<TransferBuffers>.fromOpaque(userdata).takeUnretainedValue()
    let length = size * count
    if buffers.body.count + length > buffers.maximumBodyBytes { return 0 }
    buffer.withMemoryRebound(to: UInt8.self, capacity: length) { pointer in
        buffers.body.append(contentsOf: UnsafeBufferPointer(start: pointer, count: length))
    }
    return length
}

let curlWriteHeader: dsrd_curl_data_callback = { buffer, size, count, userdata in
    guard let buffer, let userdata else { return 0 }
    let buffers = Unmanaged<TransferBuffers>.fromOpaque(userdata).takeUnretainedValue()
    let length = size * count
    // Only the SELECT/STATUS lines matter; keep memory bounded.
    if buffers.header.count < 1 << 20 {
        buffer.withMemoryRebound(to: UInt8.self, capacity: length) { pointer in
            buffers.header.append(contentsOf: UnsafeBufferPointer(start: pointer, count: length))
        }
    }
    return length
}

let curlReadUpload: dsrd_curl_data_callback = { buffer, size, count, userdata in
    guard let buffer, let userdata else { return 0 }
    let buffers = Unmanaged<TransferBuffers>.fromOpaque(userdata).takeUnretainedValue()
    let remaining = buffers.upload.count - buffers.uploadOffset
    let length = min(size * count, remaining)
    if length > 0 {
        buffers.upload.withUnsafeBytes { source in
            if let base = source.baseAddress {
                memcpy(buffer, base + buffers.uploadOffset, length)
            }
        }
        buffers.uploadOffset += length
    }
    return length
}
