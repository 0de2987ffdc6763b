/// The one place that decides how untrusted text (file names, bid text, score-sheet cells) is shown to a person:
/// every character that could move the cursor, start a terminal escape sequence, start a new line or reorder
/// the text around it is written as a visible escape, so no input can forge a diagnostic line or hide a name.
public enum VisibleText {
    /// `text` as a person may see it: line breaks, control characters (C0, DEL, C1), bidirectional overrides,
    /// embeddings, isolates and marks, and invisible characters written as `\n`, `\r`, `\t` or `\u{XXXX}`, and a
    /// backslash as `\\`, so that every escape is unambiguous (a name holding the two characters `\n` never looks
    /// like a name holding a line break). Use it once, where raw text (a path, a name, a quote from a file)
    /// becomes text to show; text already shown this way goes through `shown(_:)`.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0) || $0 == "\\" }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if scalar == "\\" {
                result += "\\\\"
            } else {
                append(scalar, to: &result)
            }
        }
        return result
    }

    /// The safety net for text that was already escaped (`escaped(_:)`) or composed of such text and fixed words
    /// (a diagnostic's message, a location's file): whatever could still move the cursor, end the line or reorder
    /// the text is escaped, and backslashes are left as they are, so escaping twice never doubles them.
    public static func shown(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            append(scalar, to: &result)
        }
        return result
    }

    /// A path given as raw bytes, one component at a time: a component that is valid UTF-8 is kept (and escaped
    /// like any text); in one that is not (a GBK or Latin-1 name), every byte outside ASCII is shown as `\xHH`,
    /// since decoding part of it would show characters the name never had. Never mangled or dropped silently.
    public static func fileName(_ bytes: [UInt8]) -> String {
        bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).map { component in
            let part = Array(component)
            if isValidUTF8(part) { return escaped(String(decoding: part, as: UTF8.self)) }
            var result = ""
            for byte in part {
                if byte == UInt8(ascii: "\\") {
                    result += "\\\\"
                } else if byte < 0x80 {
                    append(Unicode.Scalar(byte), to: &result)
                } else {
                    result += "\\x" + hex(UInt32(byte), width: 2)
                }
            }
            return result
        }
        .joined(separator: "/")
    }

    /// At most `limit` characters of `text`, escaped, with `…` when cut: what a diagnostic may quote from an
    /// input, so that a file given by mistake (a password file, a binary) is never copied out whole.
    public static func excerpt(_ text: String, limit: Int = 40) -> String {
        let cut = text.count > limit
        return escaped(cut ? String(text.prefix(limit)) : text) + (cut ? "…" : "")
    }

    /// Whether `bytes` are valid UTF-8.
    public static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid: continue
            case .error: return false
            case .emptyInput: return true
            }
        }
    }

    /// Whether `scalar` shows nothing: a format character (zero-width space and joiners, word joiner, BOM, soft
    /// hyphen, bidi controls) or any other default-ignorable code point (variation selectors, Hangul fillers,
    /// tags). A name that contains one looks like another name, so such characters are shown, never hidden, and
    /// identities are compared without them.
    public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        // ASCII and Latin-1 hold none but the soft hyphen; CJK ideographs and Hangul syllables hold none at all.
        // These ranges are most of what bids contain, and skip the (slow) Unicode property look-up.
        case 0..<0xAD, 0xAE..<0x300, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0x20000...0x3FFFF:
            return false
        default:
            return scalar.properties.generalCategory == .format || scalar.properties.isDefaultIgnorableCodePoint
        }
    }

    /// Whether `scalar` is shown as an escape.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F...0x9F: true
        // Line and paragraph separators end a line in many terminals and editors.
        case 0x2028, 0x2029: true
        // Bidirectional embeddings and overrides, isolates, and the implicit marks (LRM, RLM, ALM).
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        default: isInvisible(scalar)
        }
    }

    private static func append(_ scalar: Unicode.Scalar, to result: inout String) {
        guard needsEscape(scalar) else {
            result.unicodeScalars.append(scalar)
            return
        }
        switch scalar {
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        case "\t": result += "\\t"
        default: result += "\\u{" + hex(scalar.value, width: scalar.value < 0x100 ? 2 : 4) + "}"
        }
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
