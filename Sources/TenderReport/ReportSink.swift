/// Where a renderer puts a report's bytes, as it produces them: renderers write each heading, row and bid as
/// soon as it is built, so no report is ever held whole in memory. A sink does no file I/O of its own choosing;
/// the pipeline gives a file-backed one (chunked writes, SHA-256 as it goes), tests an in-memory `ReportBuffer`.
public protocol ReportSink: AnyObject {
    /// Appends `bytes` (valid UTF-8 as a whole; a call may end inside a character only if the next one
    /// continues it).
    func write(_ bytes: UnsafeRawBufferPointer)
}

extension ReportSink {
    public func write(_ text: String) {
        var text = text
        text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }

    public func write(_ text: Substring) {
        var text = text
        text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }

    public func write(_ bytes: some Sequence<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { write(UnsafeRawBufferPointer($0)) }
        if done == nil {
            let copy = Array(bytes)
            copy.withUnsafeBytes { write($0) }
        }
    }

    public func write(byte: UInt8) {
        withUnsafeBytes(of: byte) { write($0) }
    }
}

extension ReportSink {
    /// Fixed text, written from its static bytes.
    func write(fixed text: StaticString) {
        write(UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}

/// A report kept in memory: for tests, for `tender-eval explain`, and for the String-returning renderers.
public final class ReportBuffer: ReportSink {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public func write(_ bytes: UnsafeRawBufferPointer) {
        self.bytes.append(contentsOf: bytes.assumingMemoryBound(to: UInt8.self))
    }

    public var text: String {
        String(decoding: bytes, as: UTF8.self)
    }
}

/// Text written through a sink with some bytes replaced: a single scan of the UTF-8 bytes finds the bytes that
/// need replacing, and every run between them is written as it is, so text that needs nothing (almost all of it)
/// costs one scan and one copy.
enum ByteEscaping {
    /// Writes `text`, calling `replacement` for each byte `special` marks; a nil replacement keeps the byte.
    static func write(
        _ text: String,
        to sink: some ReportSink,
        special: (UInt8) -> Bool,
        replacement: (UInt8) -> StaticString?
    ) {
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            for index in utf8.indices where special(utf8[index]) {
                guard let replaced = replacement(utf8[index]) else { continue }
                if start < index {
                    sink.write(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: utf8[start..<index])))
                }
                sink.write(UnsafeRawBufferPointer(start: replaced.utf8Start, count: replaced.utf8CodeUnitCount))
                start = index + 1
            }
            if start < utf8.count { sink.write(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: utf8[start...]))) }
        }
    }

    /// Whether some byte of `text` starts a scalar `VisibleText` escapes (a control character, a C1 control, a
    /// line separator, a bidi control, an invisible character), or is a byte `special` marks. Conservative: a
    /// lead byte that may start such a scalar says yes, and the caller takes the exact (slower) path.
    static func mayNeedEscape(_ text: String, special: (UInt8) -> Bool) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                if byte < 0x20 || byte == 0x7F || special(byte) { return true }
                // Lead bytes of U+0080–U+1FFF (C1 controls, soft hyphen, ALM, Arabic and Mongolian format
                // characters, Hangul fillers), of U+2000–U+2FFF (separators, bidi controls, zero-width
                // characters), of U+3140–U+317F (the Hangul filler U+3164), of U+F000–U+FFFF (variation
                // selectors, the BOM, specials) and of planes 1–16 (tag characters). CJK ideographs and
                // punctuation, Hangul syllables and private use pass.
                switch byte {
                case 0xC2...0xE2, 0xEF...0xF4: return true
                case 0xE3 where index + 1 < utf8.count && utf8[index + 1] == 0x85: return true
                default: break
                }
                index += 1
            }
            return false
        }
    }
}
