import TenderCore
import TenderModel

/// Checks on the raw bytes, before libxml2 sees them, that turn encoding mistakes into errors instead of
/// mojibake: invalid UTF-8 (with the exact line and column) and any other encoding declared on UTF-8 bytes.
enum EncodingCheck {
    /// Labels of the Chinese multi-byte encodings whose bytes are never valid UTF-8 in practice.
    static let chineseEncodings: Set<String> = [
        "gb2312", "gbk", "gb18030", "big5", "big5-hkscs", "cp936", "ms936", "windows-936", "euc-cn", "x-gbk",
        "csgb2312", "cp950", "x-euc-cn", "csbig5", "x-big5",
    ]

    static func problem(in bytes: [UInt8], file: String) -> Diagnostic? {
        // UTF-16 (and UCS-4) documents are recognised by libxml2 from their first bytes.
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0x3C, 0x00])
            || bytes.starts(with: [0x00, 0x3C]) || bytes.starts(with: [0x00, 0x00])
        {
            return nil
        }
        let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        let body = hasBOM ? Array(bytes.dropFirst(3)) : bytes
        let declared = declaredEncoding(body)
        let label = declared?.lowercased()
        if label == nil || label == "utf-8" || label == "utf8" {
            guard let offset = TextDecoding.firstInvalidUTF8Offset(body) else { return nil }
            let (line, column) = TextDecoding.position(ofByte: offset, in: body)
            let message =
                declared == nil
                ? "bid is not valid UTF-8 at line \(line); declare its encoding (e.g. encoding=\"GB18030\")"
                : "bid declares encoding \(declared ?? "UTF-8") but is not valid UTF-8 at line \(line)"
            return .error(message, at: SourceLocation(file: file, line: line, column: column))
        }
        guard let label, let declared, let firstHigh = body.firstIndex(where: { $0 >= 0x80 }) else { return nil }
        // Non-ASCII bytes that all form valid UTF-8 sequences are UTF-8 text mislabelled: read as Latin-1, GBK
        // or Big5 they would turn into mojibake. (Genuine legacy text is practically never valid UTF-8.)
        if !label.hasPrefix("utf-16") && !label.hasPrefix("ucs"), TextDecoding.firstInvalidUTF8Offset(body) == nil {
            let (line, column) = TextDecoding.position(ofByte: firstHigh, in: body)
            return .error(
                "bid declares encoding \(declared) but its bytes are UTF-8",
                at: SourceLocation(file: file, line: line, column: column)
            )
        }
        if chineseEncodings.contains(label) {
            if let (line, column, byte) = IconvCheck.firstUndecodable(body, encoding: declared) {
                let hex = String(byte, radix: 16, uppercase: true)
                return .error(
                    "bid is not valid \(declared) at line \(line) (byte 0x\(hex)); declare the encoding "
                        + "its bytes use (e.g. encoding=\"GB18030\")",
                    at: SourceLocation(file: file, line: line, column: column)
                )
            }
        }
        return nil
    }

    /// The `encoding` pseudo-attribute of an XML declaration at the very start of ASCII-compatible bytes.
    static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        guard bytes.starts(with: Array("<?xml".utf8)) else { return nil }
        let limit = min(bytes.count, 512)
        guard let end = bytes[0..<limit].firstIndex(of: UInt8(ascii: ">")) else { return nil }
        let declaration = String(decoding: bytes[0..<end], as: UTF8.self)
        guard let range = declaration.firstRange(of: "encoding") else { return nil }
        var rest = declaration[range.upperBound...].drop(while: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" })
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop(while: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" })
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        let value = rest.dropFirst().prefix(while: { $0 != quote })
        return value.isEmpty ? nil : String(value)
    }
}
