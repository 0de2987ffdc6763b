internal import CLibXlsxWriter
import Foundation
import TenderCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Renders a `Workbook` to `.xlsx` bytes with libxlsxwriter.
///
/// The same workbook always gives the same bytes: the document's creation time comes from
/// `DocumentProperties`, never the clock, and cells, styles and list columns are emitted in a fixed order.
public enum XLSXWriter {
    /// The workbook's `.xlsx` bytes.
    ///
    /// libxlsxwriter 1.1.4 writes only to a named file, so the workbook goes through a temporary file (and
    /// libxlsxwriter's own scratch files) in `temporaryFolder`, all removed before this returns: pass the output
    /// folder, where the result is going anyway.
    /// - Throws: `SpreadsheetWriteError` for a workbook that breaks Excel's limits (located at its sheet and
    ///   cell) or when the temporary file cannot be written.
    public static func data(for workbook: Workbook, temporaryFolder: String) throws(SpreadsheetWriteError) -> [UInt8] {
        try WorkbookCheck.check(workbook)
        let path = try TemporaryFile.create(in: temporaryFolder)
        defer { unlink(path) }
        try WorkbookRendering.render(workbook, to: path, scratchFolder: temporaryFolder)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SpreadsheetWriteError("cannot read back the temporary file \(path)")
        }
        return [UInt8](data)
    }

    /// Writes the workbook to `path`, replacing the file atomically (a reader never sees half a workbook).
    public static func write(_ workbook: Workbook, to path: String) throws(SpreadsheetWriteError) {
        let folder = (path as NSString).deletingLastPathComponent
        let bytes = try data(for: workbook, temporaryFolder: folder.isEmpty ? "." : folder)
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw SpreadsheetWriteError("cannot write \(path): \(error.localizedDescription)")
        }
    }
}

/// A uniquely named empty file, made with `mkstemps` so that concurrent writers never collide.
private enum TemporaryFile {
    static func create(in folder: String) throws(SpreadsheetWriteError) -> String {
        var template = Array("\(folder)/.tender-eval-xlsx-XXXXXX.tmp".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 4) }
        guard descriptor >= 0 else {
            throw SpreadsheetWriteError(
                "cannot create a temporary file in \(folder): \(String(cString: strerror(errno)))"
            )
        }
        close(descriptor)
        return template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }
}

/// C strings handed to libxlsxwriter, kept alive until the workbook is closed (it copies most, but not all, of
/// them: option and property strings are read only at close).
private final class CStrings {
    private var pointers: [UnsafeMutablePointer<CChar>] = []

    func make(_ text: String) -> UnsafeMutablePointer<CChar> {
        let pointer = strdup(text)!
        pointers.append(pointer)
        return pointer
    }

    func make(_ text: String?) -> UnsafeMutablePointer<CChar>? {
        text.map { make($0) }
    }

    /// A NULL-terminated array of strings (libxlsxwriter's inline list).
    func makeList(_ texts: [String]) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> {
        let list = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: texts.count + 1)
        for (index, text) in texts.enumerated() { list[index] = make(text) }
        list[texts.count] = nil
        lists.append(list)
        return list
    }

    private var lists: [UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>] = []

    deinit {
        for pointer in pointers { free(pointer) }
        for list in lists { list.deallocate() }
    }
}

/// One pass over a checked workbook, calling libxlsxwriter.
private struct WorkbookRendering {
    let handle: UnsafeMutablePointer<lxw_workbook>
    let strings: CStrings
    var formats: [CellFormat: UnsafeMutablePointer<lxw_format>] = [:]
    var lists = ListPlacement()
    let listSheetName: String

    static func render(_ workbook: Workbook, to path: String, scratchFolder: String) throws(SpreadsheetWriteError) {
        let strings = CStrings()
        var options = lxw_workbook_options()
        options.tmpdir = strings.make(scratchFolder)
        guard let handle = workbook_new_opt(path, &options) else {
            throw SpreadsheetWriteError("libxlsxwriter cannot create \(path)")
        }
        var rendering = WorkbookRendering(handle: handle, strings: strings, listSheetName: workbook.listSheetName)
        var closed = false
        defer { if !closed { _ = workbook_close(handle) } }
        try rendering.setProperties(workbook.properties)
        for worksheet in workbook.worksheets {
            try rendering.add(worksheet)
        }
        try rendering.addListSheet()
        closed = true
        let result = workbook_close(handle)
        guard result == LXW_NO_ERROR else {
            throw SpreadsheetWriteError(
                "libxlsxwriter could not write \(path): \(String(cString: lxw_strerror(result)))"
            )
        }
        withExtendedLifetime(strings) {}
    }

    private func setProperties(_ properties: DocumentProperties) throws(SpreadsheetWriteError) {
        var values = lxw_doc_properties()
        values.title = strings.make(properties.title)
        values.subject = strings.make(properties.subject)
        values.author = strings.make(properties.author)
        values.company = strings.make(properties.company)
        values.comments = strings.make(properties.comments)
        guard properties.createdSecondsSince1970 > 0 else {
            throw SpreadsheetWriteError("the workbook's creation time must be after 1970-01-01")
        }
        values.created = time_t(properties.createdSecondsSince1970)
        try check(workbook_set_properties(handle, &values), "setting the document properties")
    }

    private mutating func format(_ format: CellFormat) -> UnsafeMutablePointer<lxw_format>? {
        if format == .plain { return nil }
        if let existing = formats[format] { return existing }
        let created = workbook_add_format(handle)!
        if format.isBold { format_set_bold(created) }
        if format.wrapsText { format_set_text_wrap(created) }
        if format.alignsTop { format_set_align(created, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue)) }
        if !format.isLocked { format_set_unlocked(created) }
        if let numberFormat = format.numberFormat { format_set_num_format(created, numberFormat) }
        if let fill = format.fillColor {
            format_set_pattern(created, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(created, lxw_color_t(fill))
        }
        formats[format] = created
        return created
    }

    private mutating func add(_ worksheet: Worksheet) throws(SpreadsheetWriteError) {
        guard let sheet = workbook_add_worksheet(handle, worksheet.name) else {
            throw SpreadsheetWriteError("libxlsxwriter refused the sheet name", sheet: worksheet.name)
        }
        let name = worksheet.name
        for (column, width) in worksheet.columnWidths.sorted(by: { $0.key < $1.key }) {
            let index = lxw_col_t(column - 1)
            try check(worksheet_set_column(sheet, index, index, width, nil), "setting column widths", sheet: name)
        }
        for (reference, cell) in worksheet.orderedCells {
            let row = lxw_row_t(reference.row - 1)
            let column = lxw_col_t(reference.column - 1)
            let style = format(cell.format)
            let result: lxw_error
            switch cell.value {
            case .text(let text):
                result = worksheet_write_string(sheet, row, column, CellText.escapingLiteralEscapes(text), style)
            case .number(let number):
                result = worksheet_write_number(sheet, row, column, Double(number.text) ?? .nan, style)
            case .blank:
                result = worksheet_write_blank(sheet, row, column, style)
            }
            try check(result, "writing the cell", sheet: name, cell: reference)
        }
        if worksheet.frozenRows > 0 || worksheet.frozenColumns > 0 {
            worksheet_freeze_panes(sheet, lxw_row_t(worksheet.frozenRows), lxw_col_t(worksheet.frozenColumns))
        }
        for validation in worksheet.validations {
            try add(validation, to: sheet, sheetName: name)
        }
        if let protection = worksheet.protection {
            var options = lxw_protection()
            options.no_select_locked_cells = protection.allowsSelectingLockedCells ? 0 : 1
            options.format_columns = protection.allowsResizing ? 1 : 0
            options.format_rows = protection.allowsResizing ? 1 : 0
            worksheet_protect(sheet, nil, &options)
        }
        if worksheet.isHidden { worksheet_hide(sheet) }
    }

    private mutating func add(
        _ validation: DataValidation,
        to sheet: UnsafeMutablePointer<lxw_worksheet>,
        sheetName: String
    ) throws(SpreadsheetWriteError) {
        let on = UInt8(LXW_VALIDATION_ON.rawValue)
        let off = UInt8(LXW_VALIDATION_OFF.rawValue)
        var rule = lxw_data_validation()
        rule.ignore_blank = validation.allowsBlank ? on : off
        rule.show_input = validation.inputTitle != nil || validation.inputMessage != nil ? on : off
        rule.show_error = on
        rule.error_type = UInt8(LXW_VALIDATION_ERROR_TYPE_STOP.rawValue)
        rule.input_title = strings.make(validation.inputTitle)
        rule.input_message = strings.make(validation.inputMessage)
        rule.error_title = strings.make(validation.errorTitle)
        rule.error_message = strings.make(validation.errorMessage)
        switch validation.rule {
        case .decimalRange(let minimum, let maximum):
            // Bounds go in as formula text (`12.5`), so they are written exactly as given, not through a double.
            rule.validate = UInt8(LXW_VALIDATION_TYPE_DECIMAL_FORMULA.rawValue)
            rule.criteria = UInt8(LXW_VALIDATION_CRITERIA_BETWEEN.rawValue)
            rule.minimum_formula = strings.make(minimum.text)
            rule.maximum_formula = strings.make(maximum.text)
        case .list(let items):
            rule.dropdown = on
            if ListPlacement.needsRange(validation.rule) {
                let column = CellReference.columnLetters(lists.column(for: items))
                let quoted = "'" + listSheetName.replacing("'", with: "''") + "'"
                rule.validate = UInt8(LXW_VALIDATION_TYPE_LIST_FORMULA.rawValue)
                rule.value_formula = strings.make("=\(quoted)!$\(column)$1:$\(column)$\(items.count)")
            } else {
                rule.validate = UInt8(LXW_VALIDATION_TYPE_LIST.rawValue)
                rule.value_list = strings.makeList(items.map(CellText.listItem))
            }
        case .maximumTextLength(let length):
            rule.validate = UInt8(LXW_VALIDATION_TYPE_LENGTH.rawValue)
            rule.criteria = UInt8(LXW_VALIDATION_CRITERIA_LESS_THAN_OR_EQUAL_TO.rawValue)
            rule.value_number = Double(length)
        }
        let range = validation.range
        try check(
            worksheet_data_validation_range(
                sheet,
                lxw_row_t(range.first.row - 1),
                lxw_col_t(range.first.column - 1),
                lxw_row_t(range.last.row - 1),
                lxw_col_t(range.last.column - 1),
                &rule
            ),
            "adding data validation",
            sheet: sheetName,
            cell: range.first
        )
    }

    /// The hidden, protected sheet holding the long lists, one list per column, added after every other sheet.
    private mutating func addListSheet() throws(SpreadsheetWriteError) {
        guard !lists.columns.isEmpty else { return }
        guard let sheet = workbook_add_worksheet(handle, listSheetName) else {
            throw SpreadsheetWriteError("libxlsxwriter refused the sheet name", sheet: listSheetName)
        }
        for (columnIndex, items) in lists.columns.enumerated() {
            for (rowIndex, item) in items.enumerated() {
                let row = lxw_row_t(rowIndex)
                let column = lxw_col_t(columnIndex)
                let result: lxw_error
                switch item {
                case .text(let text):
                    result = worksheet_write_string(sheet, row, column, CellText.escapingLiteralEscapes(text), nil)
                case .number(let number):
                    result = worksheet_write_number(sheet, row, column, Double(number.text) ?? .nan, nil)
                case .blank:
                    result = LXW_NO_ERROR
                }
                try check(result, "writing the list sheet", sheet: listSheetName)
            }
        }
        var options = lxw_protection()
        worksheet_protect(sheet, nil, &options)
        worksheet_hide(sheet)
    }

    private func check(
        _ result: lxw_error,
        _ action: String,
        sheet: String? = nil,
        cell: CellReference? = nil
    ) throws(SpreadsheetWriteError) {
        guard result != LXW_NO_ERROR else { return }
        throw SpreadsheetWriteError(
            "libxlsxwriter failed \(action): \(String(cString: lxw_strerror(result)))",
            sheet: sheet,
            cell: cell
        )
    }
}
