/// Character references of HTML: the named ones mail actually uses and
/// numeric ones (`&#248;`, `&#xF8;`).
enum HTMLEntities {
    /// The scalar for a reference name (without `&` and `;`).
    static func scalar(named name: String) -> Unicode.Scalar? {
        if let value = table[name] ?? table[name.lowercased()] { return Unicode.Scalar(value) }
        return nil
    }

    static func scalar(numeric digits: String) -> Unicode.Scalar? {
        let value: UInt32?
        if digits.hasPrefix("x") || digits.hasPrefix("X") {
            value = UInt32(digits.dropFirst(), radix: 16)
        } else {
            value = UInt32(digits, radix: 10)
        }
        guard let value, value != 0 else { return nil }
        if (0x80...0x9F).contains(value) {
            // Browsers read these as Windows-1252.
            return Charset.windows1252Scalar(UInt8(value), latin9: false)
        }
        return Unicode.Scalar(value)
    }

    /// Latin-1 names for U+00A0...U+00FF, in code point order.
    private static let latin1Names = """
        nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr \
        deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest \
        Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml \
        ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig \
        agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml \
        eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml
        """

    private static let table: [String: UInt32] = {
        var table: [String: UInt32] = [
            "amp": 38, "lt": 60, "gt": 62, "quot": 34, "apos": 39,
            "euro": 0x20AC, "hellip": 0x2026, "ndash": 0x2013, "mdash": 0x2014,
            "lsquo": 0x2018, "rsquo": 0x2019, "sbquo": 0x201A, "ldquo": 0x201C,
            "rdquo": 0x201D, "bdquo": 0x201E, "bull": 0x2022, "trade": 0x2122,
            "thinsp": 0x2009, "ensp": 0x2002, "emsp": 0x2003, "zwnj": 0x200C,
            "zwj": 0x200D, "lrm": 0x200E, "rlm": 0x200F, "OElig": 0x152, "oelig": 0x153,
            "Scaron": 0x160, "scaron": 0x161, "Yuml": 0x178, "dagger": 0x2020,
            "Dagger": 0x2021, "permil": 0x2030, "lsaquo": 0x2039, "rsaquo": 0x203A,
            "circ": 0x2C6, "tilde": 0x2DC, "larr": 0x2190, "rarr": 0x2192,
            "minus": 0x2212, "prime": 0x2032, "Prime": 0x2033,
        ]
        for (offset, name) in latin1Names.split(separator: " ").enumerated() {
            table[String(name)] = 0xA0 + UInt32(offset)
        }
        return table
    }()
}
