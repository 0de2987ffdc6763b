import TenderCore
import TenderModel

/// The canonical bytes of one record batch (docs/performance-history.md): the batch's own fields, then each row
/// in recorded order, every field as a `key: value` line in a fixed order. Its SHA-256 is stored with the batch
/// at import and recomputed by `verify()`, so a row changed, added or removed outside tender-eval is found.
enum BatchCanonicalForm {
    static func bytes(contractID: String, month: YearMonth, sheet: RecordedSheet, records: SheetRecords) -> [UInt8] {
        var text = CanonicalText()
        text.line("contract", contractID)
        text.line("month", month.description)
        text.line("source", sheet.source.rawValue)
        text.line("file", sheet.file)
        text.line("file-sha256", sheet.sha256)
        text.line("recorded-on", sheet.recordedOn)
        text.line("rows", String(records.count))
        switch records {
        case .survey(let responses):
            for (index, response) in responses.enumerated() {
                row(&text, index, response.location, sheet: sheet)
                text.line("respondent", response.respondent)
                for answer in response.answers {
                    text.line("item", answer.item)
                    text.line("answer", answer.answer)
                }
            }
        case .team(let teams):
            for (index, team) in teams.enumerated() {
                row(&text, index, team.location, sheet: sheet)
                text.line("team", team.team)
                text.line("score", team.score.plainText)
                text.line("reason", team.reason)
            }
        case .department(let scores):
            for (index, score) in scores.enumerated() {
                row(&text, index, score.location, sheet: sheet)
                text.line("department", score.department)
                text.line("item", score.item)
                text.line("score", score.score.plainText)
                text.line("reason", score.reason)
            }
        case .patrol(let findings):
            for (index, finding) in findings.enumerated() {
                row(&text, index, finding.location, sheet: sheet)
                text.line("finding", finding.id)
                text.line("date", finding.date)
                text.line("place", finding.place)
                text.line("item", finding.item)
                text.line("description", finding.description)
                text.line("deduction", finding.deduction.plainText)
                text.line("photo", finding.photo)
                text.line("photo-sha256", finding.photoSHA256)
            }
        }
        return text.bytes
    }

    private static func row(_ text: inout CanonicalText, _ index: Int, _ location: SourceLocation, sheet: RecordedSheet)
    {
        text.line("row", String(index + 1))
        text.line("at", RecordLocation(location, sheetFile: sheet.file).text)
    }
}

/// A record's place in its sheet as stored: the line and column, and the file only when it is not the sheet's.
struct RecordLocation {
    var file: String?
    var line: Int?
    var column: Int?

    init(_ location: SourceLocation, sheetFile: String) {
        file = location.file == sheetFile ? nil : location.file
        line = location.line
        column = location.line == nil ? nil : location.column
    }

    init(file: String?, line: Int?, column: Int?) {
        self.file = file
        self.line = line
        self.column = column
    }

    func location(sheetFile: String) -> SourceLocation {
        SourceLocation(file: file ?? sheetFile, line: line, column: line == nil ? nil : column)
    }

    /// `file:line:col` with absent parts left out, `-` standing for the sheet's own file.
    var text: String {
        var text = file ?? "-"
        if let line { text += ":" + String(line) }
        if line != nil, let column { text += ":" + String(column) }
        return text
    }
}
