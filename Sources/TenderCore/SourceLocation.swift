/// A place in an input file: 1-based line and column, either of which may be unknown.
public struct SourceLocation: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    /// For a spreadsheet (`.xlsx`): the worksheet's name, shown as `file:Sheet1!C7`.
    public var sheet: String?
    /// For a spreadsheet: the cell, in A1 notation.
    public var cell: CellReference?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// A place in a spreadsheet: a worksheet, and a cell in it when one is to blame.
    public init(file: String, sheet: String?, cell: CellReference? = nil) {
        self.file = file
        self.sheet = sheet
        self.cell = cell
    }

    /// `file:line:column`, leaving out what is unknown (a column without a line is meaningless). `file` is the
    /// name as shown (escaped where it was read, see `VisibleText`); whatever could still end the line or reorder
    /// it is escaped here, so a name holding a line break or a bidi override cannot forge a location.
    public var description: String {
        let file = VisibleText.shown(self.file)
        if line == nil, sheet != nil || cell != nil {
            return file + ":" + Self.spreadsheetPlace(sheet: sheet, cell: cell)
        }
        guard let line else { return file }
        guard let column else { return "\(file):\(line)" }
        return "\(file):\(line):\(column)"
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        if (lhs.file, lhs.line ?? 0, lhs.column ?? 0) != (rhs.file, rhs.line ?? 0, rhs.column ?? 0) {
            return (lhs.file, lhs.line ?? 0, lhs.column ?? 0) < (rhs.file, rhs.line ?? 0, rhs.column ?? 0)
        }
        // Cells of one sheet in reading order (row, then column); sheets by name.
        let left = (lhs.sheet ?? "", lhs.cell?.row ?? 0, lhs.cell?.column ?? 0)
        let right = (rhs.sheet ?? "", rhs.cell?.row ?? 0, rhs.cell?.column ?? 0)
        return left < right
    }

    /// `Sheet1!C7`, `'Score sheet'!C7` (Excel quotes a name that is not one plain word, doubling its quotes),
    /// `Sheet1` without a cell. The name is escaped like a file name, so it cannot forge a location either.
    static func spreadsheetPlace(sheet: String?, cell: CellReference?) -> String {
        guard let sheet else { return cell?.description ?? "" }
        let plain =
            !sheet.isEmpty && sheet.first?.isNumber == false
            && sheet.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
        let name = VisibleText.shown(plain ? sheet : "'" + sheet.replacing("'", with: "''") + "'")
        guard let cell else { return name }
        return "\(name)!\(cell)"
    }
}
