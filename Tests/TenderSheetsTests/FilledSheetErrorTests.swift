import Foundation
import TenderCore
import TenderIntake
import TenderModel
import TenderPipeline
import TenderSpreadsheet
import Testing

/// A filled `.xlsx` sheet with mistakes a member makes, scored with the example tender: each error names the
/// sheet and the cell.
@Suite struct FilledSheetErrorTests {
    static func cell(_ text: String) -> CellReference {
        CellReference(text)!
    }

    /// Scores the example with its five member sheets, the first one changed by `edit`; returns the errors.
    static func errors(editingTheFirstSheet edit: (inout Worksheet) -> Void) throws -> [String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sheets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try ExampleSheets.blankRun()
        let entries = try ExampleSheets.committeeEntries()
        var paths: [String] = []
        for (index, sheet) in run.sheets.enumerated() {
            var workbook = MemberSheetWorkbook.filled(
                sheet,
                createdOn: run.evaluationDate,
                entries: entries,
                conflicts: ExampleSheets.conflicts[sheet.member.id] ?? []
            )
            if index == 0 { edit(&workbook.worksheets[0]) }
            let path = folder.appendingPathComponent("sheet-0\(index + 1).xlsx").path
            try XLSXWriter.write(workbook, to: path)
            paths.append(path)
        }
        let bids = try FileManager.default.contentsOfDirectory(atPath: ExampleSheets.bids.path)
            .filter { $0.hasSuffix(".xml") }.sorted().map { ExampleSheets.bids.appendingPathComponent($0).path }
        var request = ScoreRequest(
            rubricPath: ExampleSheets.rubric.path,
            bidPaths: bids,
            sheetPaths: paths,
            limits: ImportLimits(),
            language: .en
        )
        request.committeePath = ExampleSheets.bids.appendingPathComponent("committee.yaml").path
        request.decisionsPath = ExampleSheets.bids.appendingPathComponent("decisions.yaml").path
        let diagnostics: [Diagnostic]
        do {
            diagnostics = try ScorePipeline.run(request).diagnostics
        } catch {
            diagnostics = error.diagnostics
        }
        return diagnostics.filter { $0.severity == .error }.map {
            $0.description.replacingOccurrences(of: folder.path + "/", with: "")
        }
    }

    @Test func theUntouchedSheetsHaveNoError() throws {
        #expect(try Self.errors { _ in } == [])
    }

    @Test func mistakesAreLocatedAtTheirCells() throws {
        let errors = try Self.errors { sheet in
            sheet.set(.points(try! Points(parsing: "11")), at: Self.cell("D2"), format: .input)
            sheet.set(.points(try! Points(parsing: "8.3")), at: Self.cell("D3"), format: .input)
            sheet.set(.blank, at: Self.cell("E4"), format: .textInput)
            sheet.set(.text("台州市不存在物业有限公司"), at: Self.cell("B5"), format: .wrapped)
        }
        #expect(
            errors == [
                "sheet-01.xlsx:评分表!D2: error: score 11 for 'service-plan' is outside 0…10; scores are never clamped",
                "sheet-01.xlsx:评分表!D3: error: score 8.3 for 'quality-assurance' is not a multiple of its step 0.5",
                "sheet-01.xlsx:评分表!E4: error: score 5 for 'emergency-plan' is below its maximum 6 and its reason cell "
                    + "is empty; the rubric requires the member's reason for every score below the maximum "
                    + "(reasons: required)",
                "sheet-01.xlsx:评分表!D5: error: no bid from bidder '台州市不存在物业有限公司'",
            ]
        )
    }
}
