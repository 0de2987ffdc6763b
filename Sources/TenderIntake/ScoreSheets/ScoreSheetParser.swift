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
    /// Printable ASCII other than the space, and unified CJK ideographs: never white space, without asking
    /// Foundation's character sets (the characters nearly every cell starts and ends with).
    static func isSurelyNotWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x21...0x7E, 0x4E00...0x9FFF: true
        default: false
        }
    }

    /// with none around it (nearly all of them) is kept as it is, without going through Foundation.
    static func trimmed(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, let last = cell.unicodeScalars.last else { return cell }
        if isSurelyNotWhitespace(first) && isSurelyNotWhitespace(last) { return cell }
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
        var text = text
        let result = text.withUTF8 { utf8 in
            Result { () throws(DiagnosticError) in try records(inUTF8: utf8, file: file) }
        }
        return try result.get()
    }

    /// Reads the sheet's UTF-8 bytes directly: every byte that ends or quotes a cell is ASCII, so the cells are
    /// runs of bytes cut at ASCII bytes, always whole characters. Columns count Unicode scalars, as an editor
    /// shows them: a byte that continues a scalar (`10xxxxxx`) adds none.
    private static func records(
        inUTF8 bytes: UnsafeBufferPointer<UInt8>,
        file: String
    ) throws(DiagnosticError) -> [Record] {
        let quote = UInt8(ascii: "\"")
        let comma = UInt8(ascii: ",")
        let lineFeed = UInt8(ascii: "\n")
        let carriageReturn = UInt8(ascii: "\r")
        var records: [Record] = []
        var fields: [Field] = []
        var current: [UInt8] = []
        current.reserveCapacity(256)
        var line = 1
        var column = 1
        var fieldLine = 1
        var fieldColumn = 1
        var recordLine = 1
        var inQuotes = false
        var quoteOpenedAt = (line: 1, column: 1)
        var afterClosingQuote = false
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let count = bytes.count

        func endField() {
            fields.append(Field(text: String(decoding: current, as: UTF8.self), line: fieldLine, column: fieldColumn))
            current.removeAll(keepingCapacity: true)
            afterClosingQuote = false
        }

        while index < count {
            let byte = bytes[index]
            if byte & 0xC0 == 0x80 {
                // The rest of a multi-byte scalar: part of the cell, on the column its first byte counted.
                current.append(byte)
                index += 1
                continue
            }
            if inQuotes {
                if byte == quote {
                    if index + 1 < count && bytes[index + 1] == quote {
                        current.append(quote)
                        index += 2
                        column += 2
                        continue
                    }
                    inQuotes = false
                    afterClosingQuote = true
                } else {
                    current.append(byte)
                    if byte == lineFeed {
                        line += 1
                        column = 0
                    }
                }
                index += 1
                column += 1
                continue
            }
            switch byte {
            case quote where current.isEmpty && !afterClosingQuote:
                inQuotes = true
                quoteOpenedAt = (line, column)
            case quote:
                throw DiagnosticError(
                    .error(
                        "stray quote inside an unquoted cell; quote the whole cell and double the quote (\"\")",
                        at: SourceLocation(file: file, line: line, column: column)
                    )
                )
            case comma:
                endField()
                fieldLine = line
                fieldColumn = column + 1
            case carriageReturn where index + 1 < count && bytes[index + 1] == lineFeed:
                break
            case lineFeed, carriageReturn:
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
                current.append(byte)
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
