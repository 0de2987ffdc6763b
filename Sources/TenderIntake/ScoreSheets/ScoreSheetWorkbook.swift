public import TenderCore
import TenderModel

extension ScoreSheetParser {
    /// Reads a filled `.xlsx` member sheet: its first visible worksheet, cell by cell, through the same columns
    /// and checks as a CSV sheet (`parseLines`), every problem located at its cell (`sheet-01-e1.xlsx:评分表!D7`).
    ///
    /// Numbers are taken exactly as stored (`8.5` typed as a number and `8.5` typed as text read the same); a
    /// formula in a cell that is read is refused (its cached result may be stale); empty rows and columns that
    /// Excel keeps after the data are ignored.
    public static func parseWorkbook(
        bytes: [UInt8],
        file: String,
        limits: SpreadsheetReadLimits = SpreadsheetReadLimits()
    ) throws(DiagnosticError) -> Sheet {
        let contents = try XLSXReader.read(bytes, file: file, limits: limits)
        guard let worksheet = contents.sheets.first(where: { !$0.isHidden }) else {
            throw DiagnosticError(
                .error("the workbook has no visible sheet to read scores from", at: .init(file: file))
            )
        }
        var problems = DiagnosticCollector()
        var lines: [ScoreSheetLine] = []
        for row in worksheet.rows {
            guard let first = CellReference(row: row.number, column: 1) else { continue }
            var cells: [ScoreSheetCell] = []
            for cell in row.cells {
                guard cell.reference.column <= widestSheet else {
                    if !cell.value.isBlank || cell.formula != nil {
                        problems.error(
                            "cell lies beyond the score sheet's columns (at most \(widestSheet)); a score sheet has "
                                + "only the columns \(ScoreSheetColumn.memberSheet.map(\.rawValue).joined(separator: ","))",
                            at: worksheet.location(of: cell.reference)
                        )
                    }
                    continue
                }
                // Cells the file leaves out are empty: fill them in so that each column keeps its place.
                while cells.count + 1 < cell.reference.column {
                    guard let gap = CellReference(row: row.number, column: cells.count + 1) else { break }
                    cells.append(ScoreSheetCell(text: "", location: worksheet.location(of: gap)))
                }
                cells.append(
                    ScoreSheetCell(
                        text: text(of: cell.value),
                        location: worksheet.location(of: cell.reference),
                        formula: cell.formula
                    )
                )
            }
            lines.append(ScoreSheetLine(cells: cells, location: worksheet.location(of: first)))
        }
        try problems.throwIfErrors()
        // A spreadsheet leaves out the empty cells at the end of a row: as in a CSV that Excel pads, every row is
        // as wide as the widest.
        let width = lines.map(\.cells.count).max() ?? 0
        for index in lines.indices {
            let row = lines[index].location.cell?.row ?? 1
            while lines[index].cells.count < width {
                guard let gap = CellReference(row: row, column: lines[index].cells.count + 1) else { break }
                lines[index].cells.append(ScoreSheetCell(text: "", location: worksheet.location(of: gap)))
            }
        }
        let start = worksheet.location(of: CellReference(row: 1, column: 1)!)
        return try parseLines(lines, start: start)
    }

    /// Widest row read: every column a sheet may have, and one more so that an extra column is reported as such.
    static let widestSheet = ScoreSheetColumn.allCases.count + 1

    /// A cell's value as the text a CSV would hold: numbers in plain decimal notation, exactly.
    static func text(of value: SpreadsheetValue) -> String {
        switch value {
        case .empty: ""
        case .text(let text): text
        case .number(let number): number.description
        case .boolean(let flag): flag ? "TRUE" : "FALSE"
        case .error(let code): code
        }
    }
}
