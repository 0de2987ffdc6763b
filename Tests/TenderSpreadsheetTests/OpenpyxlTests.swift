import Foundation
import TenderCore
import TenderIntake
import TenderSpreadsheet
import Testing

/// A second, independent reader of the written file: Python's openpyxl (installed by `scripts/setup.sh --tests`).
/// Skipped, visibly, where python3 or openpyxl is missing; under CI (`CI=true`) it must run.
enum Openpyxl {
    static let available: Bool = {
        if ProcessInfo.processInfo.environment["CI"] == "true" { return true }
        return (try? run(["-c", "import openpyxl"]).status) == 0
    }()

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

@Suite struct OpenpyxlTests {
    /// What openpyxl sees in the sample workbook, one fact per line.
    private static let script = #"""
        import sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        ws = wb["评分表 Scores"]
        print("sheets", wb.sheetnames)
        print("lists", wb["Lists"].sheet_state, wb["Lists"]["A16"].value, wb["Lists"].max_row)
        print("protected", ws.protection.sheet)
        print("id", type(ws["A2"].value).__name__, ws["A2"].value)
        print("price", type(ws["B2"].value).__name__, repr(ws["B2"].value))
        print("locked", ws["A2"].protection.locked, ws["C2"].protection.locked, ws["E2"].protection.locked)
        print("frozen", ws.freeze_panes)
        for dv in ws.data_validations.dataValidation:
            print("validation", dv.type, dv.operator, str(dv.sqref), dv.formula1, dv.formula2, dv.allow_blank,
                  dv.promptTitle, dv.prompt, dv.errorTitle, dv.error)
        """#

    @Test(.enabled(if: Openpyxl.available, "needs python3 with openpyxl (scripts/setup.sh --tests installs it)"))
    func openpyxlSeesValidationProtectionAndTypes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("m1.xlsx").path
        try XLSXWriter.write(SampleWorkbook.workbook(), to: path)
        let (status, output) = try Openpyxl.run(["-c", Self.script, path])
        #expect(status == 0, "\(output)")
        let tenths = stride(from: 0, through: 100, by: 5).map { $0 % 10 == 0 ? "\($0 / 10)" : "\($0 / 10).5" }
        #expect(
            output.split(separator: "\n").map(String.init) == [
                "sheets ['评分表 Scores', 'Notes', 'Lists']",
                "lists hidden 7.5 201",
                "protected True",
                "id str 913501007053988381",
                "price float 2288231.72",
                "locked True False False",
                "frozen A2",
                "validation decimal None C2:C9 0 12.5 True 评分 0 to 12.5 points Not allowed A score is a number "
                    + "from 0 to 12.5.",
                "validation list None D2:D5 \"\(tenths.joined(separator: ","))\" None True None None None None",
                "validation list None D6:D9 'Lists'!$A$1:$A$201 None True None None None None",
                "validation textLength lessThanOrEqual E2:E9 500 None True None None None None",
            ]
        )
    }

    /// A workbook written by another program (openpyxl: shared strings, rich text, booleans, a formula without a
    /// cached value, a hidden sheet) reads back as it was written.
    @Test(.enabled(if: Openpyxl.available, "needs python3 with openpyxl (scripts/setup.sh --tests installs it)"))
    func aWorkbookWrittenByOpenpyxlReads() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("other.xlsx").path
        let script = #"""
            import sys, openpyxl
            from openpyxl.cell.rich_text import CellRichText, TextBlock
            from openpyxl.cell.text import InlineFont
            wb = openpyxl.Workbook()
            ws = wb.active
            ws.title = "成员 1"
            ws["A1"] = "913501007053988381"
            ws["B1"] = 2288231.72
            ws["C1"] = True
            ws["D1"] = "=1+1"
            ws["E1"] = CellRichText(["plain ", TextBlock(InlineFont(b=True), "bold")])
            ws["A3"] = 0.1
            ws["B3"] = "  spaced  "
            hidden = wb.create_sheet("hidden")
            hidden.sheet_state = "hidden"
            hidden["A1"] = 7.5
            wb.save(sys.argv[1])
            """#
        let (status, output) = try Openpyxl.run(["-c", script, path])
        #expect(status == 0, "\(output)")
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let contents = try XLSXReader.read(bytes, file: "other.xlsx")
        #expect(contents.sheets.map(\.name) == ["成员 1", "hidden"])
        let sheet = try #require(contents.sheets.first)
        #expect(sheet.value(at: SampleWorkbook.cell("A1")) == .text("913501007053988381"))
        #expect(sheet.value(at: SampleWorkbook.cell("B1")) == .number(SampleWorkbook.number("2288231.72")))
        #expect(sheet.value(at: SampleWorkbook.cell("C1")) == .boolean(true))
        #expect(sheet.cell(at: SampleWorkbook.cell("D1"))?.formula == "1+1")
        #expect(sheet.value(at: SampleWorkbook.cell("E1")) == .text("plain bold"))
        #expect(sheet.value(at: SampleWorkbook.cell("A3")) == .number(SampleWorkbook.number("0.1")))
        #expect(sheet.value(at: SampleWorkbook.cell("B3")) == .text("  spaced  "))
        #expect(sheet.location(of: SampleWorkbook.cell("B3")).description == "other.xlsx:'成员 1'!B3")
        #expect(contents.sheets.last?.isHidden == true)
        #expect(contents.sheets.last?.value(at: SampleWorkbook.cell("A1")) == .number(SampleWorkbook.number("7.5")))
    }
}
