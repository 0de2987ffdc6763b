import TenderCore
public import TenderModel
import TenderReport
public import TenderSpreadsheet

/// A member sheet as an Excel workbook: the cells of `MemberSheetGrid` (the CSV's columns, in the same order),
/// with the header frozen and bold, guidance wrapped, ids as text, and only the score, reason and declaration
/// cells open for input on a protected sheet. Each score cell offers the criterion's allowed values as a list
/// (or a range when the rubric gives no step) and each declaration cell 是/否. Protection has no password: it
/// prevents slips, not fraud; `score` checks every value again when it reads the sheet back.
public enum MemberSheetWorkbook {
    /// The blank sheet's workbook.
    ///
    /// `createdOn` is the day stamped as the document's creation date (the tender's evaluation date), so the same
    /// sheet always gives the same bytes; 2020-01-01 when it is not a valid date.
    public static func workbook(_ sheet: MemberSheet, createdOn: String) -> Workbook {
        let grid = MemberSheetGrid(sheet)
        var worksheet = Worksheet(name: Worksheet.validName(from: grid.title))
        worksheet.setRow(1, grid.header.map(CellValue.text), format: .header)
        worksheet.frozenRows = 1
        let columns = sheet.columns
        for (column, kind) in columns.enumerated() {
            worksheet.columnWidths[column + 1] = width(of: kind)
        }
        let answers = grid.declarationAnswers
        for (index, line) in grid.lines.enumerated() {
            let rowNumber = index + 2
            for (columnIndex, kind) in columns.enumerated() {
                guard let reference = CellReference(row: rowNumber, column: columnIndex + 1) else { continue }
                let text = line.cells[columnIndex]
                switch kind {
                case .score:
                    guard let criterion = line.row?.criterion else { continue }
                    worksheet.set(.blank, at: reference, format: .input)
                    worksheet.validations.append(scoreValidation(criterion, at: reference, grid: grid))
                case .reason:
                    guard line.row != nil else { continue }
                    worksheet.set(.blank, at: reference, format: .textInput)
                case .noConflict:
                    guard grid.declares(line) else { continue }
                    worksheet.set(.blank, at: reference, format: .textInput)
                    let prompt = grid.declarationPrompt
                    worksheet.validations.append(
                        DataValidation(
                            range: CellRange(reference),
                            rule: .list(answers.map(CellValue.text)),
                            inputTitle: prompt.title,
                            inputMessage: prompt.message,
                            errorTitle: prompt.title,
                            errorMessage: prompt.refusal
                        )
                    )
                case .maximum:
                    guard let maximum = line.row?.criterion.maximum else { continue }
                    worksheet.set(.points(maximum), at: reference, format: .wrapped)
                default:
                    guard !text.isEmpty else { continue }
                    // Ids, names and registration codes are text, always: never 9.13501E+17.
                    worksheet.set(.text(text), at: reference, format: .wrapped)
                }
            }
        }
        worksheet.protection = SheetProtection()
        let created =
            DocumentProperties.secondsSince1970(ofDay: createdOn)
            ?? DocumentProperties()
            .createdSecondsSince1970
        let properties = DocumentProperties(
            title: "\(grid.title) \(sheet.tenderID) \(sheet.member.id)",
            subject: sheet.tenderTitle.text(in: sheet.language),
            author: "tender-eval",
            createdSecondsSince1970: created > 0 ? created : DocumentProperties().createdSecondsSince1970
        )
        return Workbook(worksheets: [worksheet], properties: properties, listSheetName: "Lists")
    }

    /// The score cell's rule: the values 0…maximum at the criterion's step as a list, or any decimal from 0 to
    /// the maximum when the rubric gives no step (or a step that does not divide the maximum).
    static func scoreValidation(_ criterion: SheetCriterion, at cell: CellReference, grid: MemberSheetGrid)
        -> DataValidation
    {
        let prompt = grid.scorePrompt(criterion)
        let refusal = grid.scoreRefusal(criterion)
        let rule: DataValidation.Rule
        if let step = criterion.step, let values = DataValidation.steps(upTo: criterion.maximum, step: step) {
            rule = .list(values.map(CellValue.number))
        } else {
            rule = .decimalRange(
                minimum: SpreadsheetNumber(integer: 0),
                maximum: SpreadsheetNumber(criterion.maximum)
            )
        }
        return DataValidation(
            range: CellRange(cell),
            rule: rule,
            inputTitle: prompt.title,
            inputMessage: prompt.message,
            errorTitle: refusal.title,
            errorMessage: refusal.message
        )
    }

    private static func width(of column: ScoreSheetColumn) -> Double {
        switch column {
        case .member, .score, .maximum: 8
        case .criterion, .noConflict: 14
        case .bidder, .criterionName, .allowedScores: 24
        case .registrationID: 22
        case .reason: 40
        case .guidance: 60
        }
    }
}
