/// The one place that decides how untrusted text (file names, bid text, score-sheet cells) is shown to a person:
/// every character that could move the cursor, start a terminal escape sequence, start a new line or reorder
/// the text around it is written as a visible escape, so no input can forge a diagnostic line or hide a name.
public enum VisibleText {
    /// `text` with line breaks, control characters (C0, DEL, C1) and bidirectional overrides, embeddings,
    /// isolates and marks written as `\n`, `\r`, `\t` or `\u{XXXX}`; every other character is kept.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            append(scalar, to: &result)
        }
        return result
    }

    /// A file name given as raw bytes: valid UTF-8 is kept (and escaped like any text), each byte that is not
    /// part of valid UTF-8 is shown as `\xHH`, so a name in GBK or Latin-1 is visible and never mangled silently.
    public static func fileName(_ bytes: [UInt8]) -> String {
        var result = ""
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var position = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                append(Unicode.UTF8.decode(encoded), to: &result)
                position += encoded.count
            case .error(let length):
                for byte in bytes[position..<position + length] {
                    result += "\\x" + hex(UInt32(byte), width: 2)
                }
                position += length
            case .emptyInput:
                return result
            }
        }
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

    /// Whether `scalar` is shown as an escape.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F...0x9F: true
        // Line and paragraph separators end a line in many terminals and editors.
        case 0x2028, 0x2029: true
        // Bidirectional embeddings and overrides, isolates, and the implicit marks (LRM, RLM, ALM).
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        default: false
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
