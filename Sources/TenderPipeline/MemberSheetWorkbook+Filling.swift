import TenderCore
public import TenderModel
import TenderReport
public import TenderSpreadsheet

extension MemberSheetWorkbook {
    /// The member's sheet filled in as the member would fill it: each score and reason of `entries` that belongs to
    /// the member in its cell, and the declaration of every bidder answered (是 / yes, or 否 / no for the bidders
    /// in `conflicts`; leave their entries out for a member who did not score them). For tests and for the
    /// example tender's committed sheets, so that the filled files are made by the same layout `sheets` writes,
    /// and reproducibly.
    public static func filled(
        _ sheet: MemberSheet,
        createdOn: String,
        entries: [ScoreSheetEntry],
        conflicts: Set<String> = []
    ) -> Workbook {
        var workbook = workbook(sheet, createdOn: createdOn)
        let grid = MemberSheetGrid(sheet)
        var worksheet = workbook.worksheets[0]
        var given: [String: ScoreSheetEntry] = [:]
        for entry in entries where entry.member == sheet.member.id {
            given[entry.bidder + "\u{0}" + entry.criterionID] = entry
        }
        let answers = grid.declarationAnswers
        for (index, line) in grid.lines.enumerated() {
            let rowNumber = index + 2
            func reference(_ column: ScoreSheetColumn) -> CellReference? {
                sheet.columns.firstIndex(of: column).flatMap { CellReference(row: rowNumber, column: $0 + 1) }
            }
            let bidder = line.row?.bidder.name ?? line.cells[sheet.columns.firstIndex(of: .bidder) ?? 1]
            if grid.declares(line), let cell = reference(.noConflict) {
                let answer = conflicts.contains(bidder) ? answers[1] : answers[0]
                worksheet.set(.text(answer), at: cell, format: .textInput)
            }
            guard let row = line.row, let entry = given[bidder + "\u{0}" + row.criterion.id]
            else { continue }
            if let cell = reference(.score) { worksheet.set(.points(entry.score), at: cell, format: .input) }
            if let reason = entry.reason, let cell = reference(.reason) {
                worksheet.set(.text(reason), at: cell, format: .textInput)
            }
        }
        workbook.worksheets[0] = worksheet
        return workbook
    }
}
