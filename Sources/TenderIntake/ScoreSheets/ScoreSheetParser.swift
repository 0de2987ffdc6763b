import Foundation
public import TenderCore
public import TenderModel

/// Reads committee score sheets: CSV with the columns `member,bidder,criterion,score` (or 评委,投标人,评审因素,得分),
/// as Excel exports them — UTF-8 with or without BOM, or GB18030; CRLF or LF; quoted cells with commas, quotes
/// and line breaks.
public enum ScoreSheetParser {
    /// Largest score sheet accepted, in bytes (a committee's sheet is a few kilobytes; this is generous).
    public static let maximumFileSize = 16 * 1024 * 1024
    public static let columns = ["member", "bidder", "criterion", "score"]
    static let chineseColumns = ["评委", "投标人", "评审因素", "得分"]

    /// Parses one sheet, collecting every malformed row before throwing. Returns the entries and notes
    /// (e.g. that the sheet was read as GB18030).
    public static func parse(
        bytes: [UInt8],
        file: String
    ) throws(DiagnosticError) -> (entries: [ScoreSheetEntry], notes: [Diagnostic]) {
        var notes: [Diagnostic] = []
        let text: String
        if TextDecoding.firstInvalidUTF8Offset(
            bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        ) == nil {
            text = try TextDecoding.decodeUTF8(bytes, file: file)
        } else {
            text = try TextDecoding.decode(bytes, as: .gb18030, file: file)
            notes.append(.note("score sheet is not UTF-8; read it as GB18030", at: SourceLocation(file: file)))
        }
        let records = try CSVReader.records(in: text, file: file)
        var collector = DiagnosticCollector()
        guard let header = records.first else {
            throw DiagnosticError(
                .error(
                    "score sheet is empty; expected the header \(columns.joined(separator: ","))",
                    at: SourceLocation(file: file, line: 1, column: 1)
                )
            )
        }
        let names = header.fields.map { $0.text.trimmingCharacters(in: .whitespaces).lowercased() }
        guard names == columns || names == chineseColumns else {
            throw DiagnosticError(
                .error(
                    "file is not a score sheet: its header is "
                        + "'\(VisibleText.excerpt(header.fields.map(\.text).joined(separator: ",")))', expected "
                        + "'\(columns.joined(separator: ","))' (or '\(chineseColumns.joined(separator: ","))')",
                    at: SourceLocation(file: file, line: header.line, column: 1)
                )
            )
        }
        var entries: [ScoreSheetEntry] = []
        for record in records.dropFirst() {
            if record.fields.count == 1 && record.fields[0].text.trimmingCharacters(in: .whitespaces).isEmpty {
                continue
            }
            guard record.fields.count == columns.count else {
                collector.error(
                    "row has \(record.fields.count) column\(record.fields.count == 1 ? "" : "s"), expected 4 "
                        + "(member,bidder,criterion,score)",
                    at: SourceLocation(file: file, line: record.line, column: 1)
                )
                continue
            }
            let cells = record.fields.map { $0.text.trimmingCharacters(in: .whitespaces) }
            let scoreField = record.fields[3]
            let scoreLocation = SourceLocation(file: file, line: scoreField.line, column: scoreField.column)
            var rowIsGood = true
            for (index, cell) in cells.prefix(3).enumerated() where cell.isEmpty {
                let field = record.fields[index]
                collector.error(
                    "\(columns[index]) is empty",
                    at: SourceLocation(file: file, line: field.line, column: field.column)
                )
                rowIsGood = false
            }
            guard let score = try? Points(parsing: cells[3]) else {
                collector.error(
                    DecimalText.refusal(of: cells[3], as: Points.self, name: "score '\(VisibleText.excerpt(cells[3]))'")
                        ?? "score '\(VisibleText.excerpt(cells[3]))' is not a plain decimal number",
                    at: scoreLocation
                )
                continue
            }
            if rowIsGood {
                entries.append(
                    ScoreSheetEntry(
                        member: cells[0],
                        bidder: cells[1],
                        criterionID: cells[2],
                        score: score,
                        location: scoreLocation
                    )
                )
            }
        }
        if collector.hasErrors {
            throw DiagnosticError(DiagnosticLimit.capped(collector.diagnostics, file: file))
        }
        return (entries, notes)
    }
}

/// A minimal RFC 4180 reader that remembers where every field starts, so errors can name line and column.
enum CSVReader {
    struct Field: Hashable {
        var text: String
        var line: Int
        var column: Int
    }

    struct Record: Hashable {
        var fields: [Field]
        var line: Int
    }

    static func records(in text: String, file: String) throws(DiagnosticError) -> [Record] {
        var records: [Record] = []
        var fields: [Field] = []
        var current = ""
        var line = 1
        var column = 1
        var fieldLine = 1
        var fieldColumn = 1
        var recordLine = 1
        var inQuotes = false
        var quoteOpenedAt = (line: 1, column: 1)
        var afterClosingQuote = false
        var characters = Array(text.unicodeScalars)
        if characters.first == "\u{FEFF}" { characters.removeFirst() }
        var index = 0

        func endField() {
            fields.append(Field(text: current, line: fieldLine, column: fieldColumn))
            current = ""
            afterClosingQuote = false
        }

        while index < characters.count {
            let character = characters[index]
            if inQuotes {
                if character == "\"" {
                    if index + 1 < characters.count && characters[index + 1] == "\"" {
                        current.unicodeScalars.append("\"")
                        index += 2
                        column += 2
                        continue
                    }
                    inQuotes = false
                    afterClosingQuote = true
                } else {
                    current.unicodeScalars.append(character)
                    if character == "\n" {
                        line += 1
                        column = 0
                    }
                }
                index += 1
                column += 1
                continue
            }
            switch character {
            case "\"" where current.isEmpty && !afterClosingQuote:
                inQuotes = true
                quoteOpenedAt = (line, column)
            case "\"":
                throw DiagnosticError(
                    .error(
                        "stray quote inside an unquoted cell; quote the whole cell and double the quote (\"\")",
                        at: SourceLocation(file: file, line: line, column: column)
                    )
                )
            case ",":
                endField()
                fieldLine = line
                fieldColumn = column + 1
            case "\r" where index + 1 < characters.count && characters[index + 1] == "\n":
                break
            case "\n", "\r":
                endField()
                records.append(Record(fields: fields, line: recordLine))
                fields = []
                line += 1
                column = 0
                fieldLine = line
                fieldColumn = 1
                recordLine = line
            default:
                if afterClosingQuote {
                    throw DiagnosticError(
                        .error(
                            "text after a closing quote; a quoted cell must end at a comma or line end",
                            at: SourceLocation(file: file, line: line, column: column)
                        )
                    )
                }
                current.unicodeScalars.append(character)
            }
            index += 1
            column += 1
        }
        if inQuotes {
            throw DiagnosticError(
                .error(
                    "quoted cell is never closed",
                    at: SourceLocation(file: file, line: quoteOpenedAt.line, column: quoteOpenedAt.column)
                )
            )
        }
        if !current.isEmpty || !fields.isEmpty || afterClosingQuote {
            endField()
            records.append(Record(fields: fields, line: recordLine))
        }
        return records
    }
}
