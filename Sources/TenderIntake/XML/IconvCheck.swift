#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the first byte that does not decode in a declared multi-byte encoding (GB2312, GBK, Big5 …), so that
/// the error names the line and column instead of libxml2's "premature end of data".
enum IconvCheck {
    /// nil when every byte decodes (or iconv does not know the encoding: libxml2 then reports that itself);
    /// otherwise the line, column and offending byte.
    static func firstUndecodable(_ bytes: [UInt8], encoding: String) -> (line: Int, column: Int, byte: UInt8)? {
        guard let offset = failureOffset(bytes, encoding: encoding) else { return nil }
        var lineStart = 0
        var line = 1
        for index in 0..<offset where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        let prefix = decode(Array(bytes[lineStart..<offset]), encoding: encoding) ?? ""
        return (line, prefix.count + 1, bytes[offset])
    }

    private static func failureOffset(_ bytes: [UInt8], encoding: String) -> Int? {
        let converter = iconv_open("UTF-8", encoding)
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: 4096)
        return input.withUnsafeMutableBufferPointer { inputBuffer -> Int? in
            output.withUnsafeMutableBufferPointer { outputBuffer -> Int? in
                var inPointer = UnsafeMutableRawPointer(inputBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var inLeft = inputBuffer.count
                while inLeft > 0 {
                    var outPointer = UnsafeMutableRawPointer(outputBuffer.baseAddress)?
                        .assumingMemoryBound(to: CChar.self)
                    var outLeft = outputBuffer.count
                    let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                    if result == -1 && errno != E2BIG { return inputBuffer.count - inLeft }
                }
                return nil
            }
        }
    }

    private static func decode(_ bytes: [UInt8], encoding: String) -> String? {
        let converter = iconv_open("UTF-8", encoding)
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 4)
        let capacity = output.count
        let produced = input.withUnsafeMutableBufferPointer { inputBuffer -> Int? in
            output.withUnsafeMutableBufferPointer { outputBuffer -> Int? in
                var inPointer = UnsafeMutableRawPointer(inputBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var inLeft = inputBuffer.count
                var outPointer = UnsafeMutableRawPointer(outputBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outLeft = capacity
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                return result == -1 ? nil : capacity - outLeft
            }
        }
        guard let produced else { return nil }
        return String(decoding: output.prefix(produced), as: UTF8.self)
    }
}
