import TenderCore
import TenderModel

/// Writes the block tree as one self-contained HTML page: inline CSS, no script, no external resource (a
/// Content-Security-Policy forbids them even if something slipped through), one bidder per printed page.
enum HTMLWriter {
    static func document(title: RichText, blocks: [Block], language: String, chart: String) -> String {
        let buffer = ReportBuffer()
        let writer = Streaming(sink: buffer, title: title, language: language, chart: chart)
        for block in blocks {
            writer.write(block)
        }
        writer.finish()
        return buffer.text
    }

    /// Writes blocks into a sink as they come; `finish` closes the page.
    struct Streaming: BlockWriter {
        let sink: any ReportSink
        let chart: String

        /// `style` is appended to the shared stylesheet (rules for one report's own sections).
        init(sink: any ReportSink, title: RichText, language: String, chart: String, style: String = "") {
            self.sink = sink
            self.chart = chart
            sink.write("<!DOCTYPE html>\n<html lang=\"")
            escape(language, to: sink)
            sink.write(
                """
                ">
                <head>
                <meta charset="utf-8">
                <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>
                """
            )
            inline(title, to: sink)
            sink.write("</title>\n<style>\n" + stylesheet + (style.isEmpty ? "" : "\n" + style) + "\n</style>\n")
            sink.write("</head>\n<body>\n<main>\n<h1>")
            inline(title, to: sink)
            sink.write("</h1>\n")
        }

        func finish() {
            sink.write("</main>\n</body>\n</html>\n")
        }

        func open(_ section: Section) {
            let level = min(max(section.level, 1), 6)
            sink.write("<section id=\"")
            escape(section.anchor, to: sink)
            sink.write(section.pageBreakBefore ? "\" class=\"page\">\n<h\(level)>" : "\">\n<h\(level)>")
            inline(section.title, to: sink)
            sink.write("</h\(level)>\n")
            for child in section.blocks {
                write(child)
            }
        }

        func close(_ section: Section) {
            sink.write("</section>\n")
        }

        func write(_ block: Block) {
            switch block {
            case .section(let section):
                open(section)
                close(section)
            case .paragraph(let text, let style):
                switch style {
                case .normal: sink.write("<p>")
                case .strong: sink.write("<p class=\"total\"><strong>")
                case .alert: sink.write("<p class=\"alert\"><strong>")
                }
                inline(text, to: sink)
                sink.write(style == .normal ? "</p>\n" : "</strong></p>\n")
            case .list(let items):
                sink.write("<ul>\n")
                for item in items {
                    sink.write("<li>")
                    inline(item, to: sink)
                    sink.write("</li>\n")
                }
                sink.write("</ul>\n")
            case .keyValue(let rows):
                sink.write("<table class=\"kv\">\n<tbody>\n")
                for row in rows {
                    sink.write("<tr><th scope=\"row\">")
                    inline(row.key, to: sink)
                    sink.write("</th><td>")
                    inline(row.value, to: sink)
                    sink.write("</td></tr>\n")
                }
                sink.write("</tbody>\n</table>\n")
            case .table(let table):
                sink.write("<table>\n<thead>\n<tr>")
                for (index, header) in table.headers.enumerated() {
                    sink.write("<th scope=\"col\"" + numeric(table, index) + ">")
                    inline(header, to: sink)
                    sink.write("</th>")
                }
                sink.write("</tr>\n</thead>\n<tbody>\n")
                for row in table.rows {
                    sink.write("<tr>")
                    for (index, cell) in row.enumerated() {
                        sink.write("<td" + numeric(table, index) + ">")
                        inline(cell, to: sink)
                        sink.write("</td>")
                    }
                    sink.write("</tr>\n")
                }
                sink.write("</tbody>\n</table>\n")
            case .chart:
                sink.write(chart)
            }
        }
    }

    /// Print CSS for A4 portrait. Tables stay inside the page: header words are never split (`keep-all`), so no
    /// column is narrower than its header word; numbers never wrap; names (`td.name`) are never split between two
    /// CJK characters; other text may wrap where it must, and only file names and hashes may break anywhere.
    static let stylesheet = """
        body { font-family: "Noto Sans CJK SC", "Noto Serif CJK SC", "Source Han Sans SC", "Microsoft YaHei", \
        "PingFang SC", sans-serif; color: #1a1a1a; margin: 0; line-height: 1.5; }
        main { max-width: 1100px; margin: 0 auto; padding: 1.5rem; }
        h1 { font-size: 1.6rem; border-bottom: 2px solid #1a1a1a; padding-bottom: .3rem; }
        h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 1px solid #999; }
        h3 { font-size: 1.15rem; margin-top: 1.5rem; }
        h4 { font-size: 1rem; margin: 1rem 0 .3rem; }
        table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .9rem; max-width: 100%; }
        th, td { border: 1px solid #bbb; padding: .25rem .5rem; vertical-align: top; text-align: left; }
        th { word-break: keep-all; overflow-wrap: normal; }
        td { overflow-wrap: break-word; }
        thead th { background: #eee; }
        td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        td.name { word-break: keep-all; }
        table.kv th { background: #f6f6f6; font-weight: 600; white-space: nowrap; }
        #files td, #inputs td, #diagnostics li { overflow-wrap: anywhere; }
        #member-scores table, #signatures table { width: 100%; }
        #signatures td { height: 2.6em; }
        #signatures th:nth-child(5) { width: 26%; }
        #signatures th:nth-child(6) { width: 16%; }
        #signatures table.kv { width: 60%; }
        p.alert { border-left: 4px solid #c00; background: #fff0f0; padding: .4rem .7rem; }
        p.total { font-size: 1.05rem; }
        figure { margin: 1rem 0; }
        svg { max-width: 100%; height: auto; }
        @media print {
          @page { size: A4 portrait; margin: 16mm 15mm 18mm 15mm; }
          body { font-size: 9.5pt; }
          main { max-width: none; padding: 0; }
          table { font-size: 8.5pt; }
          th, td { padding: 1.5pt 3pt; }
          section.page { break-before: page; page-break-before: always; }
          tr, li, figure, table.kv { break-inside: avoid; page-break-inside: avoid; }
          h2, h3, h4, p.total { break-after: avoid; page-break-after: avoid; }
          thead { display: table-header-group; }
          #signatures { break-inside: avoid; page-break-inside: avoid; }
          figure svg { width: 100%; }
        }
        """

    private static func numeric(_ table: Table, _ index: Int) -> String {
        guard index < table.alignments.count else { return "" }
        switch table.alignments[index] {
        case .right: return " class=\"num\""
        case .name: return " class=\"name\""
        case .left: return ""
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
            case .text(let value): escape(value, to: sink)
            // Text from an input shows its control characters and bidi overrides as visible escapes.
            case .user(let value):
                if ByteEscaping.mayNeedEscape(value, special: { $0 == UInt8(ascii: "\\") }) {
                    escape(VisibleText.escaped(value), to: sink)
                } else {
                    escape(value, to: sink)
                }
            case .shown(let value):
                if ByteEscaping.mayNeedEscape(value, special: { _ in false }) {
                    escape(VisibleText.shown(value), to: sink)
                } else {
                    escape(value, to: sink)
                }
            }
        }
    }

    /// `escape(_:)` into a sink: one scan of the bytes; only text with a control character takes the slow path.
    static func escape(_ value: String, to sink: some ReportSink) {
        if holdsControl(value) {
            sink.write(escape(value))
            return
        }
        ByteEscaping.write(value, to: sink, special: { htmlSpecialBytes[Int($0)] }) { byte in
            switch byte {
            case UInt8(ascii: "&"): return "&amp;"
            case UInt8(ascii: "<"): return "&lt;"
            case UInt8(ascii: ">"): return "&gt;"
            case UInt8(ascii: "\""): return "&quot;"
            case UInt8(ascii: "'"): return "&#39;"
            default: return nil
            }
        }
    }

    private static let htmlSpecialBytes: [Bool] = (0..<256).map { byte in
        "&<>\"'".utf8.contains(UInt8(byte))
    }

    /// Whether `value` holds a control character other than tab and line feed (C0, DEL or C1).
    private static func holdsControl(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { utf8 in
            for index in utf8.indices {
                let byte = utf8[index]
                if byte < 0x20 && byte != 0x09 && byte != 0x0A || byte == 0x7F { return true }
                if byte == 0xC2 && index + 1 < utf8.count && (0x80...0x9F).contains(utf8[index + 1]) { return true }
            }
            return false
        }
    }

    /// Escapes the five characters that can end a text node or an attribute value (`& < > " '`); control
    /// characters other than tab and line feed, which HTML does not allow, become U+FFFD.
    static func escape(_ value: String) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    result += "\u{FFFD}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}
