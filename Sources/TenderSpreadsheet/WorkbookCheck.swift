import Foundation
import TenderCore

/// Excel's limits, checked before libxlsxwriter sees anything: its own checks only return an error code, and
/// Excel itself would refuse or "repair" a file that breaks them.
enum WorkbookCheck {
    static let maximumSheetNameLength = 31
    static let maximumTextLength = 32_767
    static let maximumTitleLength = 32
    static let maximumMessageLength = 255
    /// Excel's limit for a list validation written inline (`"0,0.5,1"`), commas included.
    static let maximumInlineListLength = 255
    static let forbiddenNameCharacters: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    static func check(_ workbook: Workbook) throws(SpreadsheetWriteError) {
        guard !workbook.worksheets.isEmpty else { throw SpreadsheetWriteError("a workbook needs at least one sheet") }
        guard workbook.worksheets.contains(where: { !$0.isHidden }) else {
            throw SpreadsheetWriteError("a workbook needs at least one visible sheet")
        }
        var seen: Set<String> = []
        for sheet in workbook.worksheets {
            try checkName(sheet.name)
            guard seen.insert(sheet.name.lowercased()).inserted else {
                throw SpreadsheetWriteError("two sheets are named '\(sheet.name)' (Excel ignores case in sheet names)")
            }
        }
        if workbook.worksheets.contains(where: { $0.validations.contains { ListPlacement.needsRange($0.rule) } }) {
            try checkName(workbook.listSheetName)
            guard !seen.contains(workbook.listSheetName.lowercased()) else {
                throw SpreadsheetWriteError(
                    "the list sheet's name '\(workbook.listSheetName)' is already the name of a sheet"
                )
            }
        }
        for sheet in workbook.worksheets {
            try check(sheet)
        }
    }

    static func checkName(_ name: String) throws(SpreadsheetWriteError) {
        guard !name.isEmpty else { throw SpreadsheetWriteError("a sheet name is empty") }
        guard name.utf16.count <= maximumSheetNameLength else {
            throw SpreadsheetWriteError(
                "sheet name '\(name)' is longer than \(maximumSheetNameLength) characters, Excel's limit"
            )
        }
        if let bad = name.first(where: { forbiddenNameCharacters.contains($0) }) {
            throw SpreadsheetWriteError("sheet name '\(name)' contains '\(bad)', which Excel does not allow")
        }
        guard !name.hasPrefix("'"), !name.hasSuffix("'") else {
            throw SpreadsheetWriteError(
                "sheet name '\(name)' starts or ends with an apostrophe, which Excel does not allow"
            )
        }
    }

    private static func check(_ sheet: Worksheet) throws(SpreadsheetWriteError) {
        guard (0..<CellReference.maximumRow).contains(sheet.frozenRows),
            (0..<CellReference.maximumColumn).contains(sheet.frozenColumns)
        else { throw SpreadsheetWriteError("frozen rows or columns lie outside the sheet", sheet: sheet.name) }
        for (column, width) in sheet.columnWidths {
            guard (1...CellReference.maximumColumn).contains(column), width.isFinite, (0...255).contains(width) else {
                throw SpreadsheetWriteError(
                    "column \(column) has width \(width); widths are 0 to 255 characters",
                    sheet: sheet.name
                )
            }
        }
        for (reference, cell) in sheet.orderedCells {
            try check(cell.value, sheet: sheet.name, cell: reference)
        }
        for validation in sheet.validations {
            try check(validation, sheet: sheet.name)
        }
    }

    private static func check(_ value: CellValue, sheet: String, cell: CellReference) throws(SpreadsheetWriteError) {
        switch value {
        case .text(let text):
            guard text.utf16.count <= maximumTextLength else {
                throw SpreadsheetWriteError(
                    "text of \(text.utf16.count) characters is longer than Excel's \(maximumTextLength) in one cell",
                    sheet: sheet,
                    cell: cell
                )
            }
        case .number(let number):
            try checkRepresentable(number, sheet: sheet, cell: cell)
        case .blank:
            break
        }
    }

    /// A spreadsheet keeps a number as a binary double, good for 15 significant digits; libxlsxwriter writes it
    /// with `%.16G`. The number is written only when that text, read as a spreadsheet reads it (rounded to 15
    /// digits, see `SpreadsheetNumber.init(cellText:)`), is exactly the same value.
    static func checkRepresentable(
        _ number: SpreadsheetNumber,
        sheet: String,
        cell: CellReference?
    ) throws(SpreadsheetWriteError) {
        guard let double = Double(number.text), double.isFinite,
            let written = try? SpreadsheetNumber(cellText: CellText.libxlsxwriterNumber(double)), written == number
        else {
            throw SpreadsheetWriteError(
                "number \(number.text) has more significant digits than a spreadsheet number keeps exactly (15); "
                    + "write it as text",
                sheet: sheet,
                cell: cell
            )
        }
    }

    private static func check(_ validation: DataValidation, sheet: String) throws(SpreadsheetWriteError) {
        let cell = validation.range.first
        for (text, limit, what) in [
            (validation.inputTitle, maximumTitleLength, "input title"),
            (validation.inputMessage, maximumMessageLength, "input message"),
            (validation.errorTitle, maximumTitleLength, "error title"),
            (validation.errorMessage, maximumMessageLength, "error message"),
        ] {
            if let text, text.unicodeScalars.count > limit {
                throw SpreadsheetWriteError(
                    "data validation \(what) is \(text.unicodeScalars.count) characters; Excel's limit is \(limit)",
                    sheet: sheet,
                    cell: cell
                )
            }
        }
        switch validation.rule {
        case .decimalRange(let minimum, let maximum):
            guard minimum <= maximum else {
                throw SpreadsheetWriteError(
                    "data validation range \(minimum)…\(maximum) is empty",
                    sheet: sheet,
                    cell: cell
                )
            }
            try checkRepresentable(minimum, sheet: sheet, cell: cell)
            try checkRepresentable(maximum, sheet: sheet, cell: cell)
        case .list(let items):
            guard !items.isEmpty, items.count <= CellReference.maximumRow else {
                throw SpreadsheetWriteError("data validation list has no values", sheet: sheet, cell: cell)
            }
            for item in items {
                switch item {
                case .blank:
                    throw SpreadsheetWriteError("data validation list holds a blank value", sheet: sheet, cell: cell)
                case .text(let text) where text.utf16.count > maximumMessageLength:
                    throw SpreadsheetWriteError(
                        "data validation list value is longer than \(maximumMessageLength) characters",
                        sheet: sheet,
                        cell: cell
                    )
                case .number(let number):
                    try checkRepresentable(number, sheet: sheet, cell: cell)
                case .text:
                    break
                }
            }
        case .maximumTextLength(let length):
            guard (0...maximumTextLength).contains(length) else {
                throw SpreadsheetWriteError(
                    "data validation text length \(length) is outside 0…\(maximumTextLength)",
                    sheet: sheet,
                    cell: cell
                )
            }
        }
    }
}

/// Text as libxlsxwriter and Excel store it.
enum CellText {
    /// libxlsxwriter's rendering of a number (`<v>%.16G</v>`), in the C locale as a Swift process runs.
    static func libxlsxwriterNumber(_ value: Double) -> String {
        String(format: "%.16G", value)
    }

    /// The text of a list item as Excel shows it in an inline list.
    static func listItem(_ value: CellValue) -> String {
        switch value {
        case .text(let text): text
        case .number(let number): number.text
        case .blank: ""
        }
    }

    /// Protects a literal `_xHHHH_` in text: Excel (and the reader) decode that pattern as an escaped character,
    /// so its underscore is itself escaped (`_x005F_`), and the text reads back as written.
    static func escapingLiteralEscapes(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "_", index + 6 < scalars.count, scalars[index + 1] == "x",
                scalars[(index + 2)...(index + 5)].allSatisfy({ $0.properties.isASCIIHexDigit }),
                scalars[index + 6] == "_"
            {
                result.append(contentsOf: "_x005F_".unicodeScalars)
            } else {
                result.append(scalars[index])
            }
            index += 1
        }
        return String(result)
    }
}

/// Where each list validation's values go: inline in the rule when short and comma-free, otherwise a column of
/// the hidden list sheet (identical lists share one column).
struct ListPlacement {
    private(set) var columns: [[CellValue]] = []

    static func needsRange(_ rule: DataValidation.Rule) -> Bool {
        guard case .list(let items) = rule else { return false }
        let texts = items.map(CellText.listItem)
        let length = texts.reduce(0) { $0 + $1.utf16.count } + max(texts.count - 1, 0)
        return length > WorkbookCheck.maximumInlineListLength
            || texts.contains { $0.contains(",") || $0.contains("\"") }
    }

    /// The 1-based column of the list sheet that holds `items`, adding it when new.
    mutating func column(for items: [CellValue]) -> Int {
        if let index = columns.firstIndex(of: items) { return index + 1 }
        columns.append(items)
        return columns.count
    }
}
