#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring and prefix tests on UTF-8 bytes, without the copies and
/// grapheme walks of `String`'s own or the trip through NSString that
/// Foundation's `contains` takes on Linux. Both sides are compared as
/// written, with no Unicode equivalence: right for lowercased text against
/// fixed phrases and for folded word tokens, which are in one normalisation.
public enum UTF8Bytes {
    public static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: [UInt8]) -> Bool {
        prefix.withUnsafeBufferPointer { hasPrefix(bytes, $0) }
    }

    public static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= prefix.count else { return false }
        var offset = 0
        while offset < prefix.count {
            if bytes[offset] != prefix[offset] { return false }
            offset += 1
        }
        return true
    }

    /// The scalar whose encoding starts at `index` of a `String`'s bytes
    /// (valid UTF-8, so the lead byte gives the length), and that length.
    public static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, length: Int) {
        let lead = UInt32(bytes[index])
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        var value = length == 1 ? lead : lead & (0x7F >> UInt32(length))
        var offset = 1
        while offset < length && index + offset < bytes.count {
            value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
            offset += 1
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", offset)
    }

    /// The text's pieces between separators, found on its bytes:
    /// `separatorLength` gives the length of a separator starting at an index
    /// of the bytes, or 0 where none starts (as at a continuation byte).
    /// Empty pieces are kept unless `omittingEmpty`.
    @inlinable
    public static func split(
        _ text: String, omittingEmpty: Bool, separatorLength: (UnsafeBufferPointer<UInt8>, Int) -> Int
    ) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var pieces: [String] = []
            var start = 0
            var index = 0
            while index < bytes.count {
                let length = separatorLength(bytes, index)
                guard length > 0 else {
                    index += 1
                    continue
                }
                if index > start || !omittingEmpty {
                    pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                }
                index += length
                start = index
            }
            if bytes.count > start || !omittingEmpty {
                pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
            }
            return pieces
        }
    }

    public static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ other: [UInt8]) -> Bool {
        bytes.count == other.count && hasPrefix(bytes, other)
    }

    public static func hasSuffix(_ bytes: UnsafeBufferPointer<UInt8>, _ suffix: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count >= suffix.count
            && hasPrefix(UnsafeBufferPointer(rebasing: bytes[(bytes.count - suffix.count)...]), suffix)
    }

    public static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        needle.withUnsafeBufferPointer { contains(haystack, $0) }
    }

    public static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        guard haystack.count >= needle.count else { return false }
        var start = 0
        let last = haystack.count - needle.count
        while start <= last {
            if haystack[start] == first {
                var offset = 1
                while offset < needle.count && haystack[start + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            start += 1
        }
        return false
    }
}

/// A fixed list of phrases or stems as UTF-8 bytes, for testing many
/// words against it without converting each phrase again.
public struct UTF8Phrases: Sendable {
    private let phrases: [[UInt8]]
    /// The phrases by their first and by their last byte, so a word is
    /// compared with the few that could match it.
    private let byFirstByte: [[[UInt8]]]
    private let byLastByte: [[[UInt8]]]
    /// An empty phrase is a prefix and a suffix of everything.
    private let hasEmpty: Bool

    public init(_ phrases: [String]) {
        let phrases = phrases.map { Array($0.utf8) }
        self.phrases = phrases
        var byFirstByte = [[[UInt8]]](repeating: [], count: 256)
        var byLastByte = [[[UInt8]]](repeating: [], count: 256)
        for phrase in phrases {
            guard let first = phrase.first, let last = phrase.last else { continue }
            byFirstByte[Int(first)].append(phrase)
            byLastByte[Int(last)].append(phrase)
        }
        self.byFirstByte = byFirstByte
        self.byLastByte = byLastByte
        hasEmpty = phrases.contains { $0.isEmpty }
    }

    /// Whether the text starts with one of the phrases.
    public func anyPrefix(of text: String) -> Bool {
        var text = text
        return text.withUTF8 { anyPrefix(of: $0) }
    }

    /// Whether the bytes start with one of the phrases.
    public func anyPrefix(of bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return hasEmpty }
        return hasEmpty || byFirstByte[Int(first)].contains { UTF8Bytes.hasPrefix(bytes, $0) }
    }

    /// Whether the bytes end with one of the phrases.
    public func anySuffix(of bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let last = bytes.last else { return hasEmpty }
        return hasEmpty || byLastByte[Int(last)].contains { phrase in phrase.withUnsafeBufferPointer { UTF8Bytes.hasSuffix(bytes, $0) } }
    }

    /// Whether the text ends with one of the phrases.
    public func anySuffix(of text: String) -> Bool {
        var text = text
        return text.withUTF8 { anySuffix(of: $0) }
    }

    /// Whether one of the phrases occurs in the text.
    public func anyContained(in text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in phrases.contains { UTF8Bytes.contains(bytes, $0) } }
    }
}

extension String {
    /// Whether the byte occurs in the text's UTF-8: `memchr` over the
    /// string's storage, where `utf8.contains` steps through a view.
    @inlinable
    public func containsByte(_ byte: UInt8) -> Bool {
        if let found = utf8.withContiguousStorageIfAvailable({ bytes -> Bool in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        }) {
            return found
        }
        return utf8.contains(byte)
    }
}

extension StringProtocol {
    /// Whether `part` occurs in the text, byte for byte (see `UTF8Bytes`).
    @inlinable
    public func containsBytes(_ part: some StringProtocol) -> Bool {
        withBytes { haystack in part.withBytes { UTF8Bytes.contains(haystack, $0) } }
    }

    /// Whether the text starts with `prefix`, byte for byte (see `UTF8Bytes`).
    @inlinable
    public func hasPrefixBytes(_ prefix: some StringProtocol) -> Bool {
        withBytes { bytes in prefix.withBytes { UTF8Bytes.hasPrefix(bytes, $0) } }
    }

    /// Whether the text's last byte is `byte`, an ASCII mark (":", "?"):
    /// cheaper than `hasSuffix`, which compares Characters.
    @inlinable
    public func endsWithByte(_ byte: UInt8) -> Bool { withBytes { $0.last == byte } }

    /// Whether the text's first byte is `byte`, an ASCII mark (">").
    @inlinable
    public func startsWithByte(_ byte: UInt8) -> Bool { withBytes { $0.first == byte } }

    @inlinable
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(utf8).withUnsafeBufferPointer(body)
    }
}

extension String {
    /// Every occurrence of `target` replaced by `replacement`, matched byte
    /// for byte from the start and not overlapping (Foundation's
    /// `replacingOccurrences` goes through NSString and is slow on Linux).
    public func replacingBytes(_ target: String, with replacement: String) -> String {
        let needle = Array(target.utf8)
        guard !needle.isEmpty else { return self }
        return withBytes { bytes in
            guard UTF8Bytes.contains(bytes, needle) else { return self }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 16)
            var index = 0
            let last = bytes.count - needle.count
            while index < bytes.count {
                if index <= last, bytes[index] == needle[0],
                   UTF8Bytes.hasPrefix(UnsafeBufferPointer(rebasing: bytes[index...]), needle) {
                    output.append(contentsOf: replacement.utf8)
                    index += needle.count
                } else {
                    output.append(bytes[index])
                    index += 1
                }
            }
            return String(decoding: output, as: UTF8.self)
        }
    }
}

extension StringProtocol {
    /// The same text as `lowercased()`, which maps each scalar by its own
    /// lowercase mapping, written straight into one buffer: ASCII by
    /// arithmetic, other scalars by their mapping. The standard library
    /// builds a string per scalar once a text holds one letter outside ASCII
    /// (an "ø" is enough), and reading mail lowercases every line and
    /// sentence.
    @inlinable
    public func lowercasedByScalar() -> String {
        withBytes { bytes in
            if !bytes.contains(where: { $0 >= 0x80 }) {
                return String(unsafeUninitializedCapacity: bytes.count) { buffer in
                    for offset in 0..<bytes.count {
                        let byte = bytes[offset]
                        buffer[offset] = byte >= 65 && byte <= 90 ? byte + 32 : byte
                    }
                    return bytes.count
                }
            }
            var lowered: [UInt8] = []
            lowered.reserveCapacity(bytes.count)
            for scalar in unicodeScalars {
                if scalar.isASCII {
                    let value = UInt8(scalar.value)
                    lowered.append(value >= 65 && value <= 90 ? value + 32 : value)
                } else {
                    lowered.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
                }
            }
            return String(decoding: lowered, as: UTF8.self)
        }
    }
}
