extension Character {
    /// `isLetter`, answered for ASCII without looking up the Unicode
    /// properties: the lookup costs more than the rest of most callers'
    /// work, and most characters in mail are ASCII.
    @inlinable public var isLetterFast: Bool {
        if let ascii = asciiValue { return (ascii | 0x20) >= 0x61 && (ascii | 0x20) <= 0x7A }
        return isLetter
    }

    /// `isNumber`, answered for ASCII (the ten digits) without looking up the Unicode properties.
    @inlinable public var isNumberFast: Bool {
        if let ascii = asciiValue { return ascii >= 0x30 && ascii <= 0x39 }
        return isNumber
    }
}
