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
        let lines = ScoreSheetLine.lines(
            of: worksheet,
            widest: widestSheet,
            beyond: "cell lies beyond the score sheet's columns (at most \(widestSheet)); a score sheet has only the "
                + "columns \(ScoreSheetColumn.memberSheet.map(\.rawValue).joined(separator: ","))",
            problems: &problems
        )
        try problems.throwIfErrors()
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
