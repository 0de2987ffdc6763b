import Foundation
import TenderCore
import TenderSpreadsheet

/// A workbook like a member's score sheet: ids as text, prices and points as numbers, unlocked input cells with
/// a decimal range and a step list, a long list that needs the hidden list sheet, and protection.
enum SampleWorkbook {
    static func cell(_ text: String) -> CellReference {
        guard let reference = CellReference(text) else { fatalError("bad reference \(text) in a test") }
        return reference
    }

    static func range(_ text: String) -> CellRange {
        guard let range = CellRange(text) else { fatalError("bad range \(text) in a test") }
        return range
    }

    static func number(_ text: String) -> SpreadsheetNumber {
        do { return try SpreadsheetNumber(parsing: text) } catch { fatalError("bad number \(text) in a test") }
    }

    static func points(_ text: String) -> Points {
        do { return try Points(parsing: text) } catch { fatalError("bad points \(text) in a test") }
    }

    static let texts: [String] = [
        "913501007053988381", "0012", "福建宏宇建设工程有限公司", "two\nlines", "a\r\nb", " padded ", "tab\there",
        "control\u{1}char", "literal _x0041_ escape", #"<&>"' markup"#, "emoji 🙂",
    ]
    static let numbers: [String] = ["2288231.72", "12.5", "0.000001", "-3", "100", "99999999.99", "0", "1e-3"]

    static func scoreSheet() -> Worksheet {
        var sheet = Worksheet(name: "评分表 Scores")
        sheet.setRow(
            1,
            [.text("Id"), .text("Number"), .text("Score"), .text("Step"), .text("Reason")],
            format: .header
        )
        for (offset, text) in texts.enumerated() {
            sheet.set(.text(text), at: CellReference(row: offset + 2, column: 1)!)
        }
        for (offset, text) in numbers.enumerated() {
            sheet.set(.number(number(text)), at: CellReference(row: offset + 2, column: 2)!, format: .wrapped)
        }
        sheet.set(.money(Money(units: 2_288_231_720_000)), at: cell("B12"))
        sheet.set(.points(points("7.25")), at: cell("B13"))
        for row in 2...9 {
            sheet.set(.blank, at: CellReference(row: row, column: 3)!, format: .input)
            sheet.set(.blank, at: CellReference(row: row, column: 4)!, format: .input)
            sheet.set(.blank, at: CellReference(row: row, column: 5)!, format: .textInput)
        }
        sheet.validations.append(
            DataValidation(
                range: range("C2:C9"),
                rule: .decimalRange(minimum: SpreadsheetNumber(integer: 0), maximum: number("12.5")),
                inputTitle: "评分",
                inputMessage: "0 to 12.5 points",
                errorTitle: "Not allowed",
                errorMessage: "A score is a number from 0 to 12.5."
            )
        )
        let steps = DataValidation.steps(upTo: points("10"), step: points("0.5")) ?? []
        sheet.validations.append(DataValidation(range: range("D2:D5"), rule: .list(steps.map { .number($0) })))
        let longSteps = DataValidation.steps(upTo: points("100"), step: points("0.5")) ?? []
        sheet.validations.append(DataValidation(range: range("D6:D9"), rule: .list(longSteps.map { .number($0) })))
        sheet.validations.append(DataValidation(range: range("E2:E9"), rule: .maximumTextLength(500)))
        sheet.protection = SheetProtection()
        sheet.frozenRows = 1
        sheet.columnWidths = [1: 24, 5: 40]
        return sheet
    }

    static func workbook() -> Workbook {
        var notes = Worksheet(name: "Notes")
        notes.set(.text("Guidance"), at: cell("A1"), format: .header)
        return Workbook(
            worksheets: [scoreSheet(), notes],
            properties: DocumentProperties(title: "Score sheet", author: "tender-eval")
        )
    }

    static func bytes(_ workbook: Workbook = workbook()) throws -> [UInt8] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bytes = try XLSXWriter.data(for: workbook, temporaryFolder: folder.path)
        // Nothing is left behind in the temporary folder.
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        guard left.isEmpty else { throw LeftoverFiles(names: left) }
        return bytes
    }

    struct LeftoverFiles: Error {
        var names: [String]
    }
}
