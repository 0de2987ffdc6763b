import TenderCore
import TenderModel

/// Writes the block tree as CommonMark (GitHub tables). Bidder and rubric text is backslash-escaped so that it
/// can never become a link, an image, HTML or a table column; the renderer's own text is written as is.
enum MarkdownWriter {
    static func document(title: RichText, blocks: [Block]) -> String {
        var lines: [String] = ["# " + inline(title), ""]
        for block in blocks {
            write(block, into: &lines)
        }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func write(_ block: Block, into lines: inout [String]) {
        switch block {
        case .section(let section):
            lines.append(String(repeating: "#", count: min(section.level, 6)) + " " + inline(section.title))
            lines.append("")
            for child in section.blocks {
                write(child, into: &lines)
            }
        case .paragraph(let text, let style):
            switch style {
            case .normal: lines.append(inline(text))
            case .strong: lines.append("**" + inline(text) + "**")
            case .alert: lines.append("> **" + inline(text) + "**")
            }
            lines.append("")
        case .list(let items):
            lines.append(contentsOf: items.map { "- " + inline($0) })
            lines.append("")
        case .keyValue(let rows):
            lines.append(contentsOf: rows.map { "- **" + inline($0.key) + "**: " + inline($0.value) })
            lines.append("")
        case .table(let table):
            lines.append("| " + table.headers.map(cell).joined(separator: " | ") + " |")
            lines.append(
                "|" + table.alignments.map { $0 == .right ? " ---: " : " --- " }.joined(separator: "|") + "|"
            )
            for row in table.rows {
                lines.append("| " + row.map(cell).joined(separator: " | ") + " |")
            }
            lines.append("")
        case .chart:
            break
        }
    }

    /// A table cell: like inline text, with the renderer's own `|` escaped too.
    private static func cell(_ text: RichText) -> String {
        inline(text)
    }

    static func inline(_ text: RichText) -> String {
        text.spans.map { span in
            switch span {
            case .text(let value): return flatten(value).replacingPipes()
            case .user(let value): return escape(value)
            case .shown(let value): return escape(value, alreadyShown: true)
            }
        }
        .joined()
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
