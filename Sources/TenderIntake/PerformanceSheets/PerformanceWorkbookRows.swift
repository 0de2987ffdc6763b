import TenderCore
import TenderModel

/// Reads a department sheet saved as `.xlsx`: its first visible worksheet, cell by cell, through the same header
/// and row checks as a CSV sheet, every problem located at its cell (`d.xlsx:科室考评!C7`).
enum PerformanceWorkbookRows {
    /// Whether `bytes` are a ZIP archive (an `.xlsx` workbook).
    static func isWorkbook(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0x50, 0x4B, 0x03, 0x04])
    }

    static func rows(
        _ bytes: [UInt8],
        file: String,
        kind: PerformanceSheetKind,
        plan: EvaluationPlan
    ) throws(DiagnosticError) -> SheetRows {
        let contents = try XLSXReader.read(bytes, file: file)
        guard let worksheet = contents.sheets.first(where: { !$0.isHidden }) else {
            throw DiagnosticError(
                .error(
                    "the workbook has no visible sheet to read the \(kind.noun) from",
                    at: SourceLocation(file: file)
                )
            )
        }
        var lines: [ScoreSheetLine] = []
        for row in worksheet.rows {
            guard let first = CellReference(row: row.number, column: 1) else { continue }
            var cells: [ScoreSheetCell] = []
            for cell in row.cells {
                // Cells the file leaves out are empty: fill them in so that each column keeps its place.
                while cells.count + 1 < cell.reference.column {
                    guard let gap = CellReference(row: row.number, column: cells.count + 1) else { break }
                    cells.append(ScoreSheetCell(text: "", location: worksheet.location(of: gap)))
                }
                cells.append(
                    ScoreSheetCell(
                        text: ScoreSheetParser.text(of: cell.value),
                        location: worksheet.location(of: cell.reference),
                        formula: cell.formula
                    )
                )
            }
            lines.append(ScoreSheetLine(cells: cells, location: worksheet.location(of: first)))
        }
        // A spreadsheet leaves out the empty cells at the end of a row: every row is as wide as the widest.
        let width = lines.map(\.cells.count).max() ?? 0
        for index in lines.indices {
            let row = lines[index].location.cell?.row ?? 1
            while lines[index].cells.count < width {
                guard let gap = CellReference(row: row, column: lines[index].cells.count + 1) else { break }
                lines[index].cells.append(ScoreSheetCell(text: "", location: worksheet.location(of: gap)))
            }
        }
        let start = worksheet.location(of: CellReference(row: 1, column: 1)!)
        return try PerformanceCSVRows.rows(lines, file: file, start: start, kind: kind, plan: plan)
    }
}
