import TenderCore
public import TenderModel

/// A member sheet as a grid of texts, in the columns of `MemberSheet.columns`: the one layout both the CSV and the
/// `.xlsx` form are written from, so the two cannot drift apart and `score` reads either with the same columns.
public struct MemberSheetGrid: Sendable {
    /// One line under the header: its cell texts, and the row of the sheet it fills in (nil on a declaration-only
    /// line of a member without judgement criteria).
    public struct Line: Sendable {
        public var cells: [String]
        public var row: SheetRow?
    }

    public let sheet: MemberSheet
    public let header: [String]
    public let lines: [Line]

    public init(_ sheet: MemberSheet) {
        let text = MemberSheetText(sheet: sheet)
        self.sheet = sheet
        header = sheet.columns.map { text.header($0) }
        var lines = sheet.rows.map { row in
            Line(
                cells: sheet.columns.map { column -> String in
                    switch column {
                    case .member: sheet.member.id
                    case .bidder: row.bidder.name
                    case .criterion: row.criterion.id
                    case .score, .reason, .noConflict: ""
                    case .registrationID: row.bidder.registrationID ?? ""
                    case .criterionName: row.criterion.name.text(in: sheet.language)
                    case .maximum: row.criterion.maximum.plainText
                    case .allowedScores: text.allowedScores(row.criterion)
                    // Once per criterion, on the first bidder's rows: the member reads it once, not per bidder.
                    case .guidance: row.bidder == sheet.bidders.first ? text.guidance(row.criterion) : ""
                    }
                },
                row: row
            )
        }
        // A member with no judgement criterion still declares, one line per bidder.
        if sheet.criteria.isEmpty {
            lines += sheet.bidders.map { bidder in
                Line(
                    cells: sheet.columns.map { column -> String in
                        switch column {
                        case .member: sheet.member.id
                        case .bidder: bidder.name
                        case .registrationID: bidder.registrationID ?? ""
                        default: ""
                        }
                    },
                    row: nil
                )
            }
        }
        self.lines = lines
    }

    /// Whether the line carries the member's conflict-of-interest declaration for its bidder.
    public func declares(_ line: Line) -> Bool {
        line.row?.declaresConflict ?? true
    }

    /// The sheet's title in its language (`评分表`), used as the worksheet's name.
    public var title: String {
        MemberSheetText(sheet: sheet).title
    }

    /// The answers the conflict-of-interest cell accepts, "no conflict" first: 是/否 or yes/no.
    public var declarationAnswers: [String] {
        sheet.language == .zh ? ["是", "否"] : ["yes", "no"]
    }

    /// What a spreadsheet shows when a score cell is selected: a title of at most 32 characters (the criterion
    /// id and the range) and a message naming the criterion, its maximum and its step.
    public func scorePrompt(_ criterion: SheetCriterion) -> (title: String, message: String) {
        let text = MemberSheetText(sheet: sheet)
        let name = criterion.name.text(in: sheet.language)
        let title = "0–\(criterion.maximum.plainText)"
        let message =
            text.zh
            ? "\(name)：满分 \(criterion.maximum.plainText)，\(text.allowedScores(criterion))。低于满分须在理由栏写明理由。"
            : "\(name): maximum \(criterion.maximum.plainText), \(text.allowedScores(criterion)). A score below the "
                + "maximum needs a reason."
        return (title, String(message.prefix(250)))
    }

    /// What a spreadsheet shows when a score breaks the rule.
    public func scoreRefusal(_ criterion: SheetCriterion) -> (title: String, message: String) {
        let text = MemberSheetText(sheet: sheet)
        return text.zh
            ? ("分值不允许", "得分须在 \(text.allowedScores(criterion)) 之内。")
            : ("Score not allowed", "The score must be \(text.allowedScores(criterion)).")
    }

    /// The prompt and refusal of a conflict-of-interest cell.
    public var declarationPrompt: (title: String, message: String, refusal: String) {
        let text = MemberSheetText(sheet: sheet)
        return text.zh
            ? ("利益冲突声明", "与该投标人无利益冲突填“是”；有利益冲突填“否”，并不对其打分。", "只能填“是”或“否”。")
            : (
                "Conflict of interest",
                "Answer yes if you have no conflict of interest with this bidder; no if you do, "
                    + "and then leave its scores blank.", "Answer yes or no."
            )
    }
}
