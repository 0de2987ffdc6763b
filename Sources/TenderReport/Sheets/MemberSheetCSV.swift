import TenderCore
public import TenderModel

/// A member sheet as CSV for Excel: UTF-8 with a BOM (so Excel opens it as UTF-8), CRLF, RFC 4180 quoting, and
/// every text cell guarded against formula injection. The first column holds the member's id, filled in by the
/// tool, so `score` knows whose sheet it is; the reader skips the guidance columns.
public enum MemberSheetCSV {
    public static func render(_ sheet: MemberSheet) -> [UInt8] {
        let text = MemberSheetText(sheet: sheet)
        var lines = [sheet.columns.map { CSVWriter.quoted(text.header($0)) }.joined(separator: ",")]
        for row in sheet.rows {
            let cells = sheet.columns.map { column -> String in
                switch column {
                case .member: sheet.member.id
                case .bidder: row.bidder.name
                case .criterion: row.criterion.id
                case .score, .reason: ""
                case .noConflict: ""
                case .registrationID: row.bidder.registrationID ?? ""
                case .criterionName: row.criterion.name.text(in: sheet.language)
                case .maximum: row.criterion.maximum.plainText
                case .allowedScores: text.allowedScores(row.criterion)
                // Once per criterion, on the first bidder's rows: the member reads it once, not per bidder.
                case .guidance: row.bidder == sheet.bidders.first ? text.guidance(row.criterion) : ""
                }
            }
            lines.append(cells.map { CSVWriter.quoted(CSVWriter.text($0)) }.joined(separator: ","))
        }
        // A member with no judgement criterion still declares, one row per bidder.
        if sheet.criteria.isEmpty {
            for bidder in sheet.bidders {
                let cells = sheet.columns.map { column -> String in
                    switch column {
                    case .member: sheet.member.id
                    case .bidder: bidder.name
                    case .registrationID: bidder.registrationID ?? ""
                    default: ""
                    }
                }
                lines.append(cells.map { CSVWriter.quoted(CSVWriter.text($0)) }.joined(separator: ","))
            }
        }
        return [0xEF, 0xBB, 0xBF] + Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }
}
