import TenderCore
import TenderModel

/// Writes the block tree as CommonMark (GitHub tables). Bidder and rubric text is backslash-escaped so that it
/// can never become a link, an image, HTML or a table column; the renderer's own text is written as is.
enum MarkdownWriter {
    static func document(title: RichText, blocks: [Block]) -> String {
        let buffer = ReportBuffer()
        var writer = Streaming(sink: buffer, title: title)
        for block in blocks {
            writer.write(block)
        }
        return buffer.text
    }

    /// Writes blocks into a sink as they come. Blank lines are held back until the next line, so the document
    /// ends with exactly one line feed however its last block ends.
    struct Streaming: BlockWriter {
        let sink: any ReportSink
        private var pendingBlankLines = 0

        init(sink: any ReportSink, title: RichText) {
            self.sink = sink
            startLine()
            sink.write("# ")
            inline(title, to: sink)
            endLine()
            blankLine()
        }

        private mutating func startLine() {
            for _ in 0..<pendingBlankLines { sink.write(byte: UInt8(ascii: "\n")) }
            pendingBlankLines = 0
        }

        private func endLine() {
            sink.write(byte: UInt8(ascii: "\n"))
        }

        private mutating func blankLine() {
            pendingBlankLines += 1
        }

        mutating func open(_ section: Section) {
            startLine()
            sink.write(String(repeating: "#", count: min(section.level, 6)) + " ")
            inline(section.title, to: sink)
            endLine()
            blankLine()
            for child in section.blocks {
                write(child)
            }
        }

        func close(_ section: Section) {}

        mutating func write(_ block: Block) {
            switch block {
            case .section(let section):
                open(section)
                close(section)
            case .paragraph(let text, let style):
                switch style {
                case .normal:
                    if text.isEmpty {
                        blankLine()
                    } else {
                        startLine()
                        inline(text, to: sink)
                        endLine()
                    }
                case .strong:
                    startLine()
                    sink.write("**")
                    inline(text, to: sink)
                    sink.write("**")
                    endLine()
                case .alert:
                    startLine()
                    sink.write("> **")
                    inline(text, to: sink)
                    sink.write("**")
                    endLine()
                }
                blankLine()
            case .list(let items):
                for item in items {
                    startLine()
                    sink.write("- ")
                    inline(item, to: sink)
                    endLine()
                }
                blankLine()
            case .keyValue(let rows):
                for row in rows {
                    startLine()
                    sink.write("- **")
                    inline(row.key, to: sink)
                    sink.write("**: ")
                    inline(row.value, to: sink)
                    endLine()
                }
                blankLine()
            case .table(let table):
                startLine()
                row(table.headers)
                startLine()
                sink.write(
                    "|" + table.alignments.map { $0 == .right ? " ---: " : " --- " }.joined(separator: "|") + "|"
                )
                endLine()
                for cells in table.rows {
                    startLine()
                    row(cells)
                }
                blankLine()
            case .chart:
                break
            }
        }

        /// A table row; cells are inline text, whose `|` is always escaped.
        private func row(_ cells: [RichText]) {
            sink.write("| ")
            for (index, cell) in cells.enumerated() {
                if index > 0 { sink.write(" | ") }
                inline(cell, to: sink)
            }
            sink.write(" |")
            endLine()
        }
    }

    static func inline(_ text: RichText) -> String {
        let buffer = ReportBuffer()
        inline(text, to: buffer)
        return buffer.text
    }

    static func inline(_ text: RichText, to sink: some ReportSink) {
        for span in text.spans {
            switch span {
            case .text(let value): writeOwn(value, to: sink)
            case .user(let value): writeEscaped(value, alreadyShown: false, to: sink)
            case .shown(let value): writeEscaped(value, alreadyShown: true, to: sink)
            }
        }
    }

    /// The renderer's own text: line breaks become spaces (a cell or list item stays on its line) and `|` is
    /// escaped (it would end a table cell).
    private static func writeOwn(_ value: String, to sink: some ReportSink) {
        if breaksLine(value) {
            sink.write(flatten(value).replacingPipes())
        } else {
            ByteEscaping.write(value, to: sink, special: { $0 == UInt8(ascii: "|") }, replacement: { _ in "\\|" })
        }
    }

    /// Whether `value` holds a character that `flatten` changes: an ASCII line break or NEL, LS, PS.
    private static func breaksLine(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { utf8 in
            for index in utf8.indices {
                switch utf8[index] {
                case 0x0A...0x0D: return true
                case 0xC2 where index + 1 < utf8.count && utf8[index + 1] == 0x85: return true
                case 0xE2
                where index + 2 < utf8.count && utf8[index + 1] == 0x80
                    && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                    return true
                default: continue
                }
            }
            return false
        }
    }

    private static func writeEscaped(_ value: String, alreadyShown: Bool, to sink: some ReportSink) {
        guard !ByteEscaping.mayNeedEscape(value, special: { _ in false }) else {
            sink.write(escape(value, alreadyShown: alreadyShown))
            return
        }
        // Nothing for `VisibleText` to show, so only the Markdown specials, each one byte, are replaced.
        ByteEscaping.write(value, to: sink, special: { markdownSpecialBytes[Int($0)] }) { byte in
            switch byte {
            case UInt8(ascii: "<"): return "&lt;"
            case UInt8(ascii: ">"): return "&gt;"
            case UInt8(ascii: "&"): return "&amp;"
            // `VisibleText.escaped` doubles a backslash, and each of the two is then escaped.
            case UInt8(ascii: "\\"): return alreadyShown ? "\\\\" : "\\\\\\\\"
            case UInt8(ascii: "`"): return "\\`"
            case UInt8(ascii: "*"): return "\\*"
            case UInt8(ascii: "_"): return "\\_"
            case UInt8(ascii: "["): return "\\["
            case UInt8(ascii: "]"): return "\\]"
            case UInt8(ascii: "|"): return "\\|"
            case UInt8(ascii: "~"): return "\\~"
            case UInt8(ascii: "#"): return "\\#"
            case UInt8(ascii: "!"): return "\\!"
            default: return nil
            }
        }
    }

    /// Backslash-escapes every ASCII character CommonMark or GitHub tables give a meaning to; writes `<`, `>` and
    /// `&` as entity references (which every CommonMark viewer shows as the character, and none reads as HTML);
    /// and shows line breaks, control characters and bidi overrides as visible escapes (`VisibleText`), so a
    /// value stays on its line and cannot reorder the text around it.
    static func escape(_ value: String, alreadyShown: Bool = false) -> String {
        // Most names need nothing; checking scalars first spares the per-character rebuild.
        guard
            value.unicodeScalars.contains(where: { VisibleText.needsEscape($0) || markdownSpecial.contains($0) })
        else { return value }
        var result = ""
        for character in alreadyShown ? VisibleText.shown(value) : VisibleText.escaped(value) {
            switch character {
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            default:
                if "\\`*_[]|~#!".contains(character) { result.append("\\") }
                result.append(character)
            }
        }
        return result
    }

    private static let markdownSpecial = Set("\\`*_[]<>|~&#!".unicodeScalars)

    private static let markdownSpecialBytes: [Bool] = (0..<256).map { byte in
        byte < 0x80 && markdownSpecial.contains(Unicode.Scalar(UInt8(byte)))
    }

    private static func flatten(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: { $0.properties.isWhitespace && $0 != " " }) else { return value }
        return String(value.map { $0.isNewline ? " " : $0 })
    }
}

extension String {
    fileprivate func replacingPipes() -> String {
        guard unicodeScalars.contains("|") else { return self }
        var result = ""
        for character in self {
            if character == "|" { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
