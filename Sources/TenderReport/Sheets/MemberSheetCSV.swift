import TenderCore
public import TenderModel

/// A member sheet as CSV for Excel: UTF-8 with a BOM (so Excel opens it as UTF-8), CRLF, RFC 4180 quoting, and
/// every text cell guarded against formula injection. The first column holds the member's id, filled in by the
/// tool, so `score` knows whose sheet it is; the reader skips the guidance columns. The cells are those of
/// `MemberSheetGrid`, which the `.xlsx` form is written from too.
public enum MemberSheetCSV {
    public static func render(_ sheet: MemberSheet) -> [UInt8] {
        let grid = MemberSheetGrid(sheet)
        var lines = [grid.header.map { CSVWriter.quoted($0) }.joined(separator: ",")]
        for line in grid.lines {
            lines.append(line.cells.map { CSVWriter.quoted(CSVWriter.text($0)) }.joined(separator: ","))
        }
        return [0xEF, 0xBB, 0xBF] + Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }
}
