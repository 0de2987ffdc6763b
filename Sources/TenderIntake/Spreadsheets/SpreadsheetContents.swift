public import TenderCore

/// What an `.xlsx` holds, as plain values: its sheets in workbook order, each as rows of cells with their A1
/// references, so that a later check can say `file.xlsx:Sheet1!C7: error: …` (see `location(of:)`).
public struct SpreadsheetContents: Hashable, Sendable {
    /// The file name as shown in diagnostics.
    public var file: String
    public var sheets: [SpreadsheetSheet]

    public init(file: String, sheets: [SpreadsheetSheet]) {
        self.file = file
        self.sheets = sheets
    }

    public func sheet(named name: String) -> SpreadsheetSheet? {
        sheets.first { $0.name == name }
    }
}

public struct SpreadsheetSheet: Hashable, Sendable {
    public var name: String
    /// Hidden or very hidden in the workbook (a list sheet, for instance).
    public var isHidden: Bool
    /// Whether the sheet carries `<sheetProtection sheet="1">`.
    public var isProtected: Bool
    /// Rows that hold at least one cell, in ascending order; cells in each row in ascending column order.
    public var rows: [SpreadsheetRow]
    public var validations: [SpreadsheetValidation]
    /// The file name, for locations.
    public var file: String

    public init(
        name: String,
        isHidden: Bool = false,
        isProtected: Bool = false,
        rows: [SpreadsheetRow],
        validations: [SpreadsheetValidation] = [],
        file: String
    ) {
        self.name = name
        self.isHidden = isHidden
        self.isProtected = isProtected
        self.rows = rows
        self.validations = validations
        self.file = file
    }

    /// The cell at `reference`, or nil when the file has no element for it. Rows and cells are in ascending
    /// order (the reader refuses any other), so both are found by binary search.
    public func cell(at reference: CellReference) -> SpreadsheetCell? {
        guard let rowIndex = Self.index(in: rows, of: reference.row, key: \.number) else { return nil }
        let cells = rows[rowIndex].cells
        return Self.index(in: cells, of: reference.column, key: \.reference.column).map { cells[$0] }
    }

    private static func index<Element>(in elements: [Element], of target: Int, key: (Element) -> Int) -> Int? {
        var low = 0
        var high = elements.count
        while low < high {
            let middle = (low + high) / 2
            let value = key(elements[middle])
            if value == target { return middle }
            if value < target { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    /// The value at `reference`; `.empty` when the cell is absent.
    public func value(at reference: CellReference) -> SpreadsheetValue {
        cell(at: reference)?.value ?? .empty
    }

    /// `file.xlsx:Sheet!C7`.
    public func location(of reference: CellReference) -> SourceLocation {
        SourceLocation(file: file, sheet: name, cell: reference)
    }

    /// The validations that apply to `reference`.
    public func validations(at reference: CellReference) -> [SpreadsheetValidation] {
        validations.filter { $0.ranges.contains { $0.contains(reference) } }
    }
}

public struct SpreadsheetRow: Hashable, Sendable {
    /// 1-based, as shown in the spreadsheet.
    public var number: Int
    public var cells: [SpreadsheetCell]

    public init(number: Int, cells: [SpreadsheetCell]) {
        self.number = number
        self.cells = cells
    }
}

public struct SpreadsheetCell: Hashable, Sendable {
    public var reference: CellReference
    public var value: SpreadsheetValue
    /// Whether sheet protection locks the cell (its style's `<protection locked>`, locked by default).
    public var isLocked: Bool
    /// The formula, when the value is a formula's cached result.
    public var formula: String?

    public init(reference: CellReference, value: SpreadsheetValue, isLocked: Bool = true, formula: String? = nil) {
        self.reference = reference
        self.value = value
        self.isLocked = isLocked
        self.formula = formula
    }
}

/// A cell's value as stored: numbers exactly as the spreadsheet means them (decimal text rounded to 15
/// significant digits, never through a binary float), text with rich-text runs joined.
public enum SpreadsheetValue: Hashable, Sendable {
    /// A cell element without a value (a formatted blank, such as an input cell not filled in).
    case empty
    case text(String)
    case number(SpreadsheetNumber)
    case boolean(Bool)
    /// An error value such as `#DIV/0!`.
    case error(String)

    /// The text of a text cell with surrounding white space removed; nil for other values or blank text.
    public var trimmedText: String? {
        guard case .text(let text) = self else { return nil }
        let trimmed = text.trimmingXMLWhitespace
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Whether the cell holds nothing a reader would see (absent, empty or only white space).
    public var isBlank: Bool {
        switch self {
        case .empty: true
        case .text(let text): text.trimmingXMLWhitespace.isEmpty
        default: false
        }
    }
}

/// A `<dataValidation>` of a sheet, as written (`type="decimal"`, `formula1` `0`, `formula2` `12.5`).
public struct SpreadsheetValidation: Hashable, Sendable {
    /// `decimal`, `whole`, `list`, `textLength`, `custom` … (Excel's `type`); `none` when absent.
    public var type: String
    /// `between` (the default), `lessThanOrEqual` …
    public var operatorName: String
    public var ranges: [CellRange]
    public var formula1: String?
    public var formula2: String?
    public var allowsBlank: Bool
    public var inputTitle: String?
    public var inputMessage: String?
    public var errorTitle: String?
    public var errorMessage: String?

    public init(
        type: String,
        operatorName: String = "between",
        ranges: [CellRange],
        formula1: String? = nil,
        formula2: String? = nil,
        allowsBlank: Bool = false,
        inputTitle: String? = nil,
        inputMessage: String? = nil,
        errorTitle: String? = nil,
        errorMessage: String? = nil
    ) {
        self.type = type
        self.operatorName = operatorName
        self.ranges = ranges
        self.formula1 = formula1
        self.formula2 = formula2
        self.allowsBlank = allowsBlank
        self.inputTitle = inputTitle
        self.inputMessage = inputMessage
        self.errorTitle = errorTitle
        self.errorMessage = errorMessage
    }
}
