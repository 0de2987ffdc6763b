import Foundation
public import TenderCore

/// A spreadsheet as plain values, built by pure code (blank score sheets, `scores.xlsx`) and rendered to an
/// `.xlsx` file by `XLSXWriter`. Nothing here touches libxlsxwriter, so a workbook can be built and compared in
/// tests without writing anything.
///
/// Typical use (cells are addressed by `CellReference`, 1-based row and column):
///
///     var sheet = Worksheet(name: Worksheet.validName(from: member.name))
///     sheet.setRow(1, [.text("Bidder"), .text("Score"), .text("Reason")], format: .header)
///     sheet.set(.text("91350100M000100Y43"), at: a2)          // an id: always text, never a number
///     sheet.set(.blank, at: b2, format: .input)                // an unlocked, shaded input cell
///     sheet.set(.blank, at: c2, format: .textInput)
///     let steps = DataValidation.steps(upTo: criterion.points, step: criterion.step) ?? []
///     sheet.validations.append(DataValidation(range: CellRange(b2), rule: .list(steps.map { .number($0) }),
///                                             inputTitle: "0–10", errorMessage: "…"))
///     sheet.protection = SheetProtection()                     // everything but the input cells is locked
///     sheet.frozenRows = 1
///     let bytes = try XLSXWriter.data(for: Workbook(worksheets: [sheet]), temporaryFolder: outputFolder)
///
/// Read a filled sheet back with `TenderIntake.XLSXReader`.
public struct Workbook: Hashable, Sendable {
    public var worksheets: [Worksheet]
    public var properties: DocumentProperties
    /// Name of the hidden sheet that holds list validations too long for Excel's inline limit (255 characters);
    /// written only when one is needed. Must not be the name of one of `worksheets`.
    public var listSheetName: String

    public init(
        worksheets: [Worksheet],
        properties: DocumentProperties = DocumentProperties(),
        listSheetName: String = "Lists"
    ) {
        self.worksheets = worksheets
        self.properties = properties
        self.listSheetName = listSheetName
    }
}

/// The document properties Excel shows under File › Info. `created` is fixed (never the clock), so the same
/// workbook always gives the same bytes.
public struct DocumentProperties: Hashable, Sendable {
    public var title: String?
    public var subject: String?
    public var author: String?
    public var company: String?
    public var comments: String?
    /// Seconds since 1970-01-01 00:00 UTC; must be positive (libxlsxwriter reads 0 as "now"). The default is
    /// 2020-01-01 00:00 UTC; callers pass a date from the tender (its evaluation date) when they have one.
    public var createdSecondsSince1970: Int64

    public init(
        title: String? = nil,
        subject: String? = nil,
        author: String? = nil,
        company: String? = nil,
        comments: String? = nil,
        createdSecondsSince1970: Int64 = 1_577_836_800
    ) {
        self.title = title
        self.subject = subject
        self.author = author
        self.company = company
        self.comments = comments
        self.createdSecondsSince1970 = createdSecondsSince1970
    }

    /// Midnight UTC of a calendar day (`2026-11-26`); nil for a text that is not a valid date.
    public static func secondsSince1970(ofDay text: String) -> Int64? {
        guard let (year, month, day) = CalendarDate.parts(text) else { return nil }
        // Days from 1970-01-01 by the civil-from-days inverse (proleptic Gregorian), all in integers.
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return Int64(days) * 86_400
    }
}

/// One sheet: cells, their formats, column widths, frozen header rows, data validation and protection.
public struct Worksheet: Hashable, Sendable {
    /// At most 31 characters, none of `[ ] : * ? / \`, not starting or ending with `'` (Excel's rules; the writer
    /// reports a name that breaks them).
    public var name: String
    public private(set) var cells: [CellReference: Cell] = [:]
    /// Width in characters of the default font, by 1-based column; columns not listed keep Excel's default.
    public var columnWidths: [Int: Double] = [:]
    /// Rows (from the top) and columns (from the left) that stay in view while scrolling: the header.
    public var frozenRows: Int = 0
    public var frozenColumns: Int = 0
    public var validations: [DataValidation] = []
    /// nil: the sheet can be edited freely. Otherwise only unlocked cells (`CellFormat.isLocked == false`) can.
    public var protection: SheetProtection?
    public var isHidden: Bool = false

    public init(name: String) {
        self.name = name
    }

    /// A name Excel accepts, made from any text (a member's or bidder's name): `[ ] : * ? / \` and control
    /// characters become `_`, apostrophes and spaces at either end are dropped, and the name is cut to 31
    /// characters on a character boundary; `fallback` when nothing is left. Keeping names unique is the
    /// caller's part (Excel compares them ignoring case).
    public static func validName(from text: String, fallback: String = "Sheet") -> String {
        var name = ""
        for character in text {
            let replaced: Character =
                WorkbookCheck.forbiddenNameCharacters.contains(character)
                    || character.unicodeScalars.contains { $0.properties.generalCategory == .control }
                ? "_" : character
            guard (name + String(replaced)).utf16.count <= WorkbookCheck.maximumSheetNameLength else { break }
            name.append(replaced)
        }
        let trimmed = name.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "'")))
        return trimmed.isEmpty ? fallback : trimmed
    }

    public mutating func set(_ value: CellValue, at cell: CellReference, format: CellFormat = .plain) {
        cells[cell] = Cell(value: value, format: format)
    }

    /// Values in one row from `column` rightwards, all in one format.
    public mutating func setRow(_ row: Int, from column: Int = 1, _ values: [CellValue], format: CellFormat = .plain) {
        for (offset, value) in values.enumerated() {
            guard let cell = CellReference(row: row, column: column + offset) else { continue }
            set(value, at: cell, format: format)
        }
    }

    public subscript(cell: CellReference) -> Cell? {
        cells[cell]
    }

    /// The cells in reading order (row by row), the order the writer emits them in.
    public var orderedCells: [(reference: CellReference, cell: Cell)] {
        cells.sorted { $0.key < $1.key }.map { (reference: $0.key, cell: $0.value) }
    }
}

public struct Cell: Hashable, Sendable {
    public var value: CellValue
    public var format: CellFormat

    public init(value: CellValue, format: CellFormat = .plain) {
        self.value = value
        self.format = format
    }
}

/// What a cell holds. Identifiers (credit codes, bid numbers, phone numbers) are `text`, always: as a number
/// Excel would show an 18-digit credit code as 9.13501E+17 and lose its last digits.
public enum CellValue: Hashable, Sendable {
    case text(String)
    case number(SpreadsheetNumber)
    /// An empty cell that still carries its format: the input cells of a sheet (unlocked, shaded). A blank in the
    /// `.plain` format is not stored at all (as in Excel: there is nothing to keep).
    case blank

    public static func points(_ value: Points) -> CellValue { .number(SpreadsheetNumber(value)) }
    public static func money(_ value: Money) -> CellValue { .number(SpreadsheetNumber(value)) }
    public static func integer(_ value: Int) -> CellValue { .number(SpreadsheetNumber(integer: value)) }
}

/// How a cell looks and whether protection locks it. Equal formats share one style in the file.
public struct CellFormat: Hashable, Sendable {
    public var isBold: Bool
    public var wrapsText: Bool
    public var alignsTop: Bool
    /// Excel locks every cell by default; locking matters only on a protected sheet.
    public var isLocked: Bool
    /// An Excel number format such as `0.00` or `@` (text: what a member types stays as typed); nil: General.
    public var numberFormat: String?
    /// Background colour as 0xRRGGBB; nil for none.
    public var fillColor: UInt32?

    public init(
        isBold: Bool = false,
        wrapsText: Bool = false,
        alignsTop: Bool = false,
        isLocked: Bool = true,
        numberFormat: String? = nil,
        fillColor: UInt32? = nil
    ) {
        self.isBold = isBold
        self.wrapsText = wrapsText
        self.alignsTop = alignsTop
        self.isLocked = isLocked
        self.numberFormat = numberFormat
        self.fillColor = fillColor
    }

    public static let plain = CellFormat()
    /// Bold, wrapped, top-aligned: a header row.
    public static let header = CellFormat(isBold: true, wrapsText: true, alignsTop: true)
    /// Wrapped and top-aligned: guidance and long names.
    public static let wrapped = CellFormat(wrapsText: true, alignsTop: true)
    /// Unlocked and shaded pale yellow: where a member types.
    public static let input = CellFormat(isLocked: false, fillColor: 0xFFF2CC)
    /// An unlocked text input (reasons, declarations): wrapped, and kept as text whatever is typed.
    public static let textInput = CellFormat(
        wrapsText: true,
        alignsTop: true,
        isLocked: false,
        numberFormat: "@",
        fillColor: 0xFFF2CC
    )
}

/// Sheet protection without a password: it guards against slips, not against a determined editor (any
/// spreadsheet program can lift it), which is why a filled sheet is checked again when it is read back.
public struct SheetProtection: Hashable, Sendable {
    /// Whether the locked cells can still be selected (and copied).
    public var allowsSelectingLockedCells: Bool
    /// Whether column widths and row heights can be changed, so long reasons can be read.
    public var allowsResizing: Bool

    public init(allowsSelectingLockedCells: Bool = true, allowsResizing: Bool = true) {
        self.allowsSelectingLockedCells = allowsSelectingLockedCells
        self.allowsResizing = allowsResizing
    }
}
