import TenderCore
import TenderModel

/// Writes the block tree as one self-contained HTML page: inline CSS, no script, no external resource (a
/// Content-Security-Policy forbids them even if something slipped through), one bidder per printed page.
enum HTMLWriter {
    static func document(title: RichText, blocks: [Block], language: String, chart: String) -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="\(escape(language))">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(inline(title))</title>
            <style>
            \(stylesheet)
            </style>
            </head>
            <body>
            <main>
            <h1>\(inline(title))</h1>

            """
        for block in blocks {
            write(block, chart: chart, into: &out)
        }
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    static let stylesheet = """
        body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", \
        system-ui, sans-serif; color: #1a1a1a; margin: 0; line-height: 1.5; }
        main { max-width: 1100px; margin: 0 auto; padding: 1.5rem; }
        h1 { font-size: 1.6rem; border-bottom: 2px solid #1a1a1a; padding-bottom: .3rem; }
        h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 1px solid #999; }
        h3 { font-size: 1.15rem; margin-top: 1.5rem; }
        h4 { font-size: 1rem; margin: 1rem 0 .3rem; }
        table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .9rem; }
        th, td { border: 1px solid #bbb; padding: .25rem .5rem; vertical-align: top; text-align: left; }
        thead th { background: #eee; }
        td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        table.kv th { background: #f6f6f6; font-weight: 600; white-space: nowrap; }
        p.alert { border-left: 4px solid #c00; background: #fff0f0; padding: .4rem .7rem; }
        p.total { font-size: 1.05rem; }
        figure { margin: 1rem 0; }
        svg { max-width: 100%; height: auto; }
        @media print {
          @page { size: A4; margin: 15mm; }
          body { font-size: 10pt; }
          main { max-width: none; padding: 0; }
          section.page { break-before: page; page-break-before: always; }
          tr, li, figure { break-inside: avoid; page-break-inside: avoid; }
          thead { display: table-header-group; }
        }
        """

    private static func write(_ block: Block, chart: String, into out: inout String) {
        switch block {
        case .section(let section):
            let level = min(max(section.level, 1), 6)
            let pageClass = section.pageBreakBefore ? " class=\"page\"" : ""
            out += "<section id=\"\(escape(section.anchor))\"\(pageClass)>\n"
            out += "<h\(level)>\(inline(section.title))</h\(level)>\n"
            for child in section.blocks {
                write(child, chart: chart, into: &out)
            }
            out += "</section>\n"
        case .paragraph(let text, let style):
            switch style {
            case .normal: out += "<p>\(inline(text))</p>\n"
            case .strong: out += "<p class=\"total\"><strong>\(inline(text))</strong></p>\n"
            case .alert: out += "<p class=\"alert\"><strong>\(inline(text))</strong></p>\n"
            }
        case .list(let items):
            out += "<ul>\n"
            for item in items {
                out += "<li>\(inline(item))</li>\n"
            }
            out += "</ul>\n"
        case .keyValue(let rows):
            out += "<table class=\"kv\">\n<tbody>\n"
            for row in rows {
                out += "<tr><th scope=\"row\">\(inline(row.key))</th><td>\(inline(row.value))</td></tr>\n"
            }
            out += "</tbody>\n</table>\n"
        case .table(let table):
            out += "<table>\n<thead>\n<tr>"
            for (index, header) in table.headers.enumerated() {
                out += "<th scope=\"col\"\(numeric(table, index))>\(inline(header))</th>"
            }
            out += "</tr>\n</thead>\n<tbody>\n"
            for row in table.rows {
                out += "<tr>"
                for (index, cell) in row.enumerated() {
                    out += "<td\(numeric(table, index))>\(inline(cell))</td>"
                }
                out += "</tr>\n"
            }
            out += "</tbody>\n</table>\n"
        case .chart:
            out += chart
        }
    }

    private static func numeric(_ table: Table, _ index: Int) -> String {
        index < table.alignments.count && table.alignments[index] == .right ? " class=\"num\"" : ""
    }

    static func inline(_ text: RichText) -> String {
        text.spans.map { span in
            switch span {
            case .text(let value): return escape(value)
            // Text from an input shows its control characters and bidi overrides as visible escapes.
            case .user(let value): return escape(VisibleText.escaped(value))
            case .shown(let value): return escape(VisibleText.shown(value))
            }
        }
        .joined()
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
