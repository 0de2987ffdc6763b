internal import CLibXML2
import TenderCore

/// One worksheet part: its cells, protection and data validations.
enum SheetPart {
    struct Context {
        let file: String
        let sheetName: String
        let sharedStrings: [String]
        let lockedStyles: [Bool]
        let maximumCells: Int

        func location(_ cell: CellReference? = nil) -> SourceLocation {
            SourceLocation(file: file, sheet: sheetName, cell: cell)
        }
    }

    struct Parsed {
        var rows: [SpreadsheetRow]
        var isProtected: Bool
        var validations: [SpreadsheetValidation]
    }

    static func read(_ root: xmlNodePtr, context: Context) throws(DiagnosticError) -> Parsed {
        guard root.isElement(SpreadsheetNamespace.main, "worksheet") else {
            throw DiagnosticError(.error("the sheet's part is not a SpreadsheetML worksheet", at: context.location()))
        }
        var collector = DiagnosticCollector()
        let rows =
            try root.child(SpreadsheetNamespace.main, "sheetData").map { data throws(DiagnosticError) in
                try readRows(data, context: context, collector: &collector)
            } ?? []
        let protection = root.child(SpreadsheetNamespace.main, "sheetProtection")?.rawAttribute("sheet")
        let validations = readValidations(root, context: context, collector: &collector)
        try collector.throwIfErrors()
        return Parsed(rows: rows, isProtected: protection == "1" || protection == "true", validations: validations)
    }

    private static func readRows(
        _ data: xmlNodePtr,
        context: Context,
        collector: inout DiagnosticCollector
    ) throws(DiagnosticError) -> [SpreadsheetRow] {
        var rows: [SpreadsheetRow] = []
        var cellCount = 0
        var previousRow = 0
        for rowNode in data.children(SpreadsheetNamespace.main, "row") {
            // Excel always numbers rows and cells; other writers may leave the numbers out, and then they follow on.
            var rowNumber = previousRow + 1
            if let text = rowNode.rawAttribute("r") {
                guard let number = Int(text), (1...CellReference.maximumRow).contains(number) else {
                    throw DiagnosticError(.error("a row has the invalid number '\(text)'", at: context.location()))
                }
                rowNumber = number
            }
            guard rowNumber > previousRow else {
                throw DiagnosticError(
                    .error(
                        "row \(rowNumber) comes after row \(previousRow); rows must be in order",
                        at: context.location()
                    )
                )
            }
            previousRow = rowNumber
            var cells: [SpreadsheetCell] = []
            var previousColumn = 0
            for cellNode in rowNode.children(SpreadsheetNamespace.main, "c") {
                var reference = CellReference(row: rowNumber, column: previousColumn + 1)
                if let text = cellNode.rawAttribute("r") {
                    guard let given = CellReference(text), given.row == rowNumber else {
                        throw DiagnosticError(
                            .error(
                                "row \(rowNumber) holds a cell with the invalid reference '\(text)'",
                                at: context.location()
                            )
                        )
                    }
                    reference = given
                }
                guard let reference, reference.column > previousColumn else {
                    throw DiagnosticError(
                        .error("row \(rowNumber) holds its cells out of order or twice", at: context.location())
                    )
                }
                previousColumn = reference.column
                cellCount += 1
                guard cellCount <= context.maximumCells else {
                    throw DiagnosticError(
                        .error(
                            "the sheet has more than \(context.maximumCells) cells, the limit",
                            at: context.location()
                        )
                    )
                }
                if let cell = readCell(cellNode, at: reference, context: context, collector: &collector) {
                    cells.append(cell)
                }
            }
            if !cells.isEmpty { rows.append(SpreadsheetRow(number: rowNumber, cells: cells)) }
        }
        return rows
    }

    private static func readCell(
        _ node: xmlNodePtr,
        at reference: CellReference,
        context: Context,
        collector: inout DiagnosticCollector
    ) -> SpreadsheetCell? {
        let location = context.location(reference)
        var isLocked = true
        if let style = node.rawAttribute("s") {
            guard let index = Int(style), context.lockedStyles.indices.contains(index) || context.lockedStyles.isEmpty
            else {
                collector.error("cell refers to style \(style), which the workbook does not define", at: location)
                return nil
            }
            isLocked = context.lockedStyles.isEmpty ? true : context.lockedStyles[index]
        }
        let formula = node.child(SpreadsheetNamespace.main, "f")?.rawText
        let type = node.rawAttribute("t") ?? "n"
        // A formula not yet calculated has an empty `<v/>` (openpyxl writes one): no value, except for a string
        // result, where empty is the value.
        let storedText = node.child(SpreadsheetNamespace.main, "v")?.rawText
        let valueText = type == "str" || storedText?.isEmpty == false ? storedText : nil
        let value: SpreadsheetValue
        switch type {
        case "s":
            guard let valueText else {
                value = .empty
                break
            }
            guard let index = Int(valueText), context.sharedStrings.indices.contains(index) else {
                collector.error(
                    "cell refers to shared string '\(valueText)', which the workbook does not have",
                    at: location
                )
                return nil
            }
            value = .text(context.sharedStrings[index])
        case "inlineStr":
            value =
                node.child(SpreadsheetNamespace.main, "is").map { .text(SharedStringsPart.text(ofStringItem: $0)) }
                ?? .empty
        case "str":
            value = .text(ExcelEscapes.decoded(valueText ?? ""))
        case "b":
            switch valueText {
            case "1", "true": value = .boolean(true)
            case "0", "false": value = .boolean(false)
            case nil: value = .empty
            default:
                collector.error("cell holds '\(valueText ?? "")', which is not a boolean", at: location)
                return nil
            }
        case "e":
            value = .error(valueText ?? "")
        case "d":
            value = valueText.map { .text($0) } ?? .empty
        case "n":
            guard let valueText else {
                value = .empty
                break
            }
            do {
                value = .number(try SpreadsheetNumber(cellText: valueText))
            } catch {
                collector.error("cell holds '\(valueText)', which is not a number (\(error))", at: location)
                return nil
            }
        default:
            collector.error("cell has the unknown type '\(type)'", at: location)
            return nil
        }
        return SpreadsheetCell(reference: reference, value: value, isLocked: isLocked, formula: formula)
    }

    private static func readValidations(
        _ root: xmlNodePtr,
        context: Context,
        collector: inout DiagnosticCollector
    ) -> [SpreadsheetValidation] {
        guard let list = root.child(SpreadsheetNamespace.main, "dataValidations") else { return [] }
        var result: [SpreadsheetValidation] = []
        for node in list.children(SpreadsheetNamespace.main, "dataValidation") {
            let sqref = node.rawAttribute("sqref") ?? ""
            let ranges = sqref.split(separator: " ").compactMap { CellRange($0) }
            guard !ranges.isEmpty, ranges.count == sqref.split(separator: " ").count else {
                collector.error("a data validation applies to the invalid range '\(sqref)'", at: context.location())
                continue
            }
            let allowBlank = node.rawAttribute("allowBlank")
            result.append(
                SpreadsheetValidation(
                    type: node.rawAttribute("type") ?? "none",
                    operatorName: node.rawAttribute("operator") ?? "between",
                    ranges: ranges,
                    formula1: node.child(SpreadsheetNamespace.main, "formula1")?.rawText,
                    formula2: node.child(SpreadsheetNamespace.main, "formula2")?.rawText,
                    allowsBlank: allowBlank == "1" || allowBlank == "true",
                    inputTitle: node.rawAttribute("promptTitle"),
                    inputMessage: node.rawAttribute("prompt"),
                    errorTitle: node.rawAttribute("errorTitle"),
                    errorMessage: node.rawAttribute("error")
                )
            )
        }
        return result
    }
}
