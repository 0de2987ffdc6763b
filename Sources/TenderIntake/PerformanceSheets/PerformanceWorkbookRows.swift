import TenderCore
import TenderModel

/// Reads a department sheet saved as `.xlsx`: its first visible worksheet, cell by cell, through the same header
/// and row checks as a CSV sheet, every problem located at its cell (`d.xlsx:科室考评!C7`).
enum PerformanceWorkbookRows {
    /// Whether `bytes` are a ZIP archive (an `.xlsx` workbook).
    static func isWorkbook(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0x50, 0x4B, 0x03, 0x04])
    }

    /// The widest a sheet's rows are read: far more columns than any layout has, far fewer than Excel allows.
    static let widestSheet = 64

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
        // A cell far to the right would make every row that wide (16,384 columns in Excel): columns past the last
        // one a sheet could use are left out, and one that holds something is an error at its cell.
        var problems = DiagnosticCollector()
        let lines = ScoreSheetLine.lines(
            of: worksheet,
            widest: widestSheet,
            beyond: "cell lies beyond the \(kind.noun)'s columns (at most \(widestSheet)); a \(kind.noun) has the "
                + "columns \(kind.columns.map(\.names).joined(separator: ", "))",
            problems: &problems
        )
        try problems.throwIfErrors()
        let start = worksheet.location(of: CellReference(row: 1, column: 1)!)
        return try PerformanceCSVRows.rows(lines, file: file, start: start, kind: kind, plan: plan)
    }
}
