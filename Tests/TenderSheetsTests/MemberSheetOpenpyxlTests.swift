import Foundation
import Testing

/// The blank member sheet as a second, independent reader sees it: Python's openpyxl (installed by
/// `scripts/setup.sh --tests`). Skipped, visibly, where python3 or openpyxl is missing; under CI it must run.
@Suite struct MemberSheetOpenpyxlTests {
    static let available: Bool = {
        if ProcessInfo.processInfo.environment["CI"] == "true" { return true }
        return (try? python(["-c", "import openpyxl"]).status) == 0
    }()

    static func python(_ arguments: [String]) throws -> (status: Int32, output: String) {
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

    private static let script = #"""
        import sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        ws = wb.worksheets[0]
        print("sheets", wb.sheetnames, ws.sheet_state)
        print("protected", ws.protection.sheet, ws.protection.password)
        print("frozen", ws.freeze_panes)
        print("bold", all(c.font.b for c in ws[1]))
        print("wrapped", ws["K2"].alignment.wrap_text)
        print("id", type(ws["G2"].value).__name__, ws["G2"].value)
        print("unlocked", [c for c in ("A2", "B2", "C2", "D2", "E2", "F2", "F3", "G2") if not ws[c].protection.locked])
        dvs = ws.data_validations.dataValidation
        print("validations", len(dvs))
        for dv in dvs[:2]:
            print("validation", dv.type, str(dv.sqref), dv.formula1, dv.promptTitle, dv.errorTitle, dv.showErrorMessage)
        """#

    @Test(.enabled(if: available, "needs python3 with openpyxl (scripts/setup.sh --tests installs it)"))
    func openpyxlSeesProtectionValidationAndTextIDs() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sheet-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("sheet.xlsx")
        try Data(try MemberSheetWorkbookTests.blankBytes()).write(to: path)
        let (status, output) = try Self.python(["-c", Self.script, path.path])
        #expect(status == 0, "\(output)")
        let steps = stride(from: 0, through: 100, by: 5).map { $0 % 10 == 0 ? "\($0 / 10)" : "\($0 / 10).5" }
        #expect(
            output.split(separator: "\n").map(String.init) == [
                "sheets ['评分表'] visible",
                "protected True None",
                "frozen A2",
                "bold True",
                "wrapped True",
                "id str 91331003MA28E4C1X8",
                "unlocked ['D2', 'E2', 'F2']",
                "validations 36",
                "validation list D2 \"\(steps.joined(separator: ","))\" 0–10 分值不允许 True",
                "validation list F2 \"是,否\" 利益冲突声明 利益冲突声明 True",
            ]
        )
    }
}
