#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the bytes of a text file (rubric, score sheet) into a `String` without ever guessing silently.
///
/// Excel on Chinese Windows saves CSV as GB18030 (or UTF-8 with a BOM); editors save YAML as UTF-8. Anything
/// else is an error that names the line and column of the first byte that does not decode.
public enum TextDecoding {
    public enum Encoding: String, Sendable, Hashable {
        case utf8 = "UTF-8"
        case gb18030 = "GB18030"
    }

    /// Decodes strict UTF-8 (a leading BOM is dropped) and reports the first invalid byte's position.
    public static func decodeUTF8(_ bytes: [UInt8], file: String) throws(DiagnosticError) -> String {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        if let offset = firstInvalidUTF8Offset(body) {
            let (line, column) = position(ofByte: offset, in: body)
            throw DiagnosticError(
                .error(
                    "file is not valid UTF-8 (byte 0x\(hex(body[offset])) cannot start or continue a character); "
                        + "save it as UTF-8",
                    at: SourceLocation(file: file, line: line, column: column)
                )
            )
        }
        return String(decoding: body, as: UTF8.self)
    }

    /// Decodes bytes in `encoding`; for GB18030 through the C library's iconv, which rejects invalid sequences.
    public static func decode(
        _ bytes: [UInt8],
        as encoding: Encoding,
        file: String
    ) throws(DiagnosticError) -> String {
        switch encoding {
        case .utf8:
            return try decodeUTF8(bytes, file: file)
        case .gb18030:
            return try iconvDecode(bytes, from: encoding.rawValue, file: file)
        }
    }

    /// Offset of the first byte that breaks UTF-8 (overlong forms, surrogates and code points above U+10FFFF
    /// included), or nil when all bytes are valid.
    public static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                upper = 0x9F
            case 0xF0:
                length = 4
                lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                upper = 0x8F
            default: return index
            }
            guard index + length <= count else { return index }
            for continuation in 1..<length {
                let byte = bytes[index + continuation]
                let (low, high) = continuation == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
                if byte < low || byte > high { return index }
            }
            index += length
        }
        return nil
    }

    /// 1-based line and column (in characters, counting a multi-byte character once) of a byte offset.
    public static func position(ofByte offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var index = 0
        while index < offset && index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return (line, column)
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }

    private static func iconvDecode(_ bytes: [UInt8], from encoding: String, file: String) throws(DiagnosticError)
        -> String
    {
        let converter = iconv_open("UTF-8", encoding)
        guard converter != iconv_t(bitPattern: -1) else {
            throw DiagnosticError(.error("this system cannot decode \(encoding)", at: SourceLocation(file: file)))
        }
        defer { iconv_close(converter) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 4)
        let outputCapacity = output.count
        var produced = 0
        let failedAt: Int? = input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                var inPointer = UnsafeMutableRawPointer(inputBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var inLeft = inputBuffer.count
                var outPointer = UnsafeMutableRawPointer(outputBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outLeft = outputCapacity
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                produced = outputCapacity - outLeft
                return result == -1 || inLeft != 0 ? inputBuffer.count - inLeft : nil
            }
        }
        if let failedAt {
            let (line, column) = position(ofByte: failedAt, in: bytes)
            throw DiagnosticError(
                .error(
                    "file is not valid \(encoding) (byte 0x\(hex(bytes[min(failedAt, bytes.count - 1)])))",
                    at: SourceLocation(file: file, line: line, column: column)
                )
            )
        }
        return String(decoding: output.prefix(produced), as: UTF8.self)
    }
}
