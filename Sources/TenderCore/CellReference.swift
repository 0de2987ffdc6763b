/// A cell of a spreadsheet in A1 notation (`C7`: column C, row 7), the way a spreadsheet user names it.
///
/// Row and column are 1-based, as shown on screen; the writer converts to libxlsxwriter's 0-based indexes.
/// Excel's grid is at most 1,048,576 rows by 16,384 columns (`XFD`).
public struct CellReference: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public static let maximumRow = 1_048_576
    public static let maximumColumn = 16_384

    public let row: Int
    public let column: Int

    /// A reference inside Excel's grid; nil outside it.
    public init?(row: Int, column: Int) {
        guard (1...Self.maximumRow).contains(row), (1...Self.maximumColumn).contains(column) else { return nil }
        self.init(checkedRow: row, column: column)
    }

    private init(checkedRow row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// The smaller row and the smaller column of two cells: the top-left corner of the rectangle they span.
    public static func topLeft(_ one: CellReference, _ other: CellReference) -> CellReference {
        CellReference(checkedRow: min(one.row, other.row), column: min(one.column, other.column))
    }

    /// The bottom-right corner of the rectangle two cells span.
    public static func bottomRight(_ one: CellReference, _ other: CellReference) -> CellReference {
        CellReference(checkedRow: max(one.row, other.row), column: max(one.column, other.column))
    }

    /// Parses `C7`, `c7`, `XFD1048576`; nil for anything else (`$C$7`, `C0`, `7C`, a range).
    public init?(_ text: some StringProtocol) {
        var column = 0
        var row = 0
        var letters = 0
        var digits = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0 && letters < 3:
                column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
                letters += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z") where digits == 0 && letters < 3:
                column = column * 26 + Int(byte - UInt8(ascii: "a")) + 1
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9") where letters > 0 && digits < 7:
                guard digits > 0 || byte != UInt8(ascii: "0") else { return nil }
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            default:
                return nil
            }
        }
        guard digits > 0 else { return nil }
        self.init(row: row, column: column)
    }

    /// The column's letters: 1 is `A`, 27 is `AA`, 16384 is `XFD`.
    public static func columnLetters(_ column: Int) -> String {
        var rest = column
        var letters: [UInt8] = []
        while rest > 0 {
            let digit = (rest - 1) % 26
            letters.insert(UInt8(ascii: "A") + UInt8(digit), at: 0)
            rest = (rest - 1) / 26
        }
        return String(decoding: letters, as: UTF8.self)
    }

    public var columnLetters: String { Self.columnLetters(column) }

    /// `C7`.
    public var description: String { "\(columnLetters)\(row)" }

    /// Row by row, then column by column: the order a reader meets the cells in.
    public static func < (lhs: CellReference, rhs: CellReference) -> Bool {
        (lhs.row, lhs.column) < (rhs.row, rhs.column)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let reference = CellReference(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an A1 cell reference")
        }
        self = reference
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// A rectangle of cells, `A1:C7`, both corners included.
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
    public let first: CellReference
    public let last: CellReference

    /// The rectangle spanned by two corners, in whichever order they are given.
    public init(_ corner: CellReference, _ other: CellReference) {
        first = .topLeft(corner, other)
        last = .bottomRight(corner, other)
    }

    /// One cell.
    public init(_ cell: CellReference) {
        self.init(cell, cell)
    }

    /// Parses `A1:C7` or `B2` (Excel's `sqref` items); nil for anything else.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2, let first = CellReference(parts[0]) else { return nil }
        guard parts.count == 2 else {
            self.init(first)
            return
        }
        guard let last = CellReference(parts[1]) else { return nil }
        self.init(first, last)
    }

    public func contains(_ cell: CellReference) -> Bool {
        (first.row...last.row).contains(cell.row) && (first.column...last.column).contains(cell.column)
    }

    /// `A1:C7`, or `B2` for a single cell.
    public var description: String { first == last ? first.description : "\(first):\(last)" }
}
