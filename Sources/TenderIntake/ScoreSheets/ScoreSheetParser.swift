import Foundation
public import TenderCore
public import TenderModel

/// Reads committee score sheets: CSV with the columns `member,bidder,criterion,score` (or 评委,投标人,评审因素,得分),
/// optionally followed by `reason` (理由) and, in a sheet `tender-eval sheets` wrote, the conflict-of-interest
/// declaration and guidance columns (see `ScoreSheetColumn`), as Excel exports them — UTF-8 with or without BOM,
/// or GB18030; CRLF or LF; quoted cells with commas, quotes and line breaks; trailing empty rows and columns.
public enum ScoreSheetParser {
    /// Largest score sheet accepted, in bytes (a committee's sheet is a few kilobytes; this is generous).
    public static let maximumFileSize = 16 * 1024 * 1024
    public static let columns = ScoreSheetColumn.required.map(\.rawValue)
    static let chineseColumns = ScoreSheetColumn.required.map(\.chinese)

    /// What one sheet holds: the scores, the conflict-of-interest declarations, and notes (e.g. that the sheet
    /// was read as GB18030).
    public struct Sheet: Hashable, Sendable {
        public var entries: [ScoreSheetEntry]
        public var declarations: [ConflictDeclaration]
        public var notes: [Diagnostic]
    }

    /// Parses one sheet, collecting every malformed row before throwing. Returns the entries and notes.
    public static func parse(
        bytes: [UInt8],
        file: String
    ) throws(DiagnosticError) -> (entries: [ScoreSheetEntry], notes: [Diagnostic]) {
        let sheet = try parseSheet(bytes: bytes, file: file)
        return (sheet.entries, sheet.notes)
    }

    /// Parses one sheet with its declarations, collecting every malformed row before throwing.
    public static func parseSheet(bytes: [UInt8], file: String) throws(DiagnosticError) -> Sheet {
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
        let lines = records.map { record in
            ScoreSheetLine(
                cells: record.fields.map {
                    ScoreSheetCell(
                        text: $0.text,
                        location: SourceLocation(file: file, line: $0.line, column: $0.column)
                    )
                },
                location: SourceLocation(file: file, line: record.line, column: 1)
            )
        }
        var sheet = try parseLines(lines, start: SourceLocation(file: file, line: 1, column: 1))
        sheet.notes = notes + sheet.notes
        return sheet
    }

    /// The cell without the white space around it, as `trimmingCharacters(in: .whitespacesAndNewlines)` gives it; a cell
    /// with none around it (nearly all of them) is kept as it is, without going through Foundation.
    static func trimmed(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, let last = cell.unicodeScalars.last else { return cell }
        if !CharacterSet.whitespacesAndNewlines.contains(first) && !CharacterSet.whitespacesAndNewlines.contains(last) {
            return cell
        }
        return cell.trimmingCharacters(in: .whitespacesAndNewlines)
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
