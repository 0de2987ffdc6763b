/// The bytes hashes in the history are taken over (docs/performance-history.md, "Canonical forms"): UTF-8 lines
/// `key: value` ending in a line feed, with `\` written `\\`, a line feed `\n` and a carriage return `\r` in a
/// value, so that no value can imitate a line of its own.
struct CanonicalText {
    private(set) var bytes: [UInt8] = []

    mutating func line(_ key: String, _ value: String) {
        bytes += Array(key.utf8)
        bytes += [UInt8(ascii: ":"), UInt8(ascii: " ")]
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            default: bytes.append(byte)
            }
        }
        bytes.append(0x0A)
    }

    /// Absent values are left out, so an optional field that is not set does not change the bytes.
    mutating func line(_ key: String, _ value: String?) {
        if let value { line(key, value) }
    }

    mutating func append(_ other: CanonicalText) {
        bytes += other.bytes
    }

    /// Lines in ascending order of their keys' UTF-8 bytes (a correction's fields).
    static func sorted(_ fields: [(key: String, value: String?)]) -> [UInt8] {
        var text = CanonicalText()
        for field in fields.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            text.line(field.key, field.value)
        }
        return text.bytes
    }
}
