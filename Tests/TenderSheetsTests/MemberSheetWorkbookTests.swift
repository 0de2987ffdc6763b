import Foundation
import TenderCore
import TenderIntake
import TenderModel
import TenderPipeline
import TenderSpreadsheet
import Testing

/// What `tender-eval sheets` writes as `.xlsx`, read back with the project's own reader.
@Suite struct MemberSheetWorkbookTests {
    static func blankBytes(_ name: String = "sheet-01-评委1.xlsx") throws -> [UInt8] {
        let run = try ExampleSheets.blankRun()
        return try #require(run.files.first { $0.name == name }?.bytes)
    }

    static func cell(_ text: String) -> CellReference {
        CellReference(text)!
    }

    @Test func theManifestListsAnXLSXBesideEachCSVAndHTML() throws {
        let run = try ExampleSheets.blankRun()
        let names = run.files.map(\.name)
        #expect(names.count == 16)
        #expect(names.filter { $0.hasSuffix(".xlsx") } == (1...5).map { "sheet-0\($0)-评委\($0).xlsx" })
        let manifest = String(decoding: try #require(run.files.last?.bytes), as: UTF8.self)
        for name in names where name != "manifest.json" {
            #expect(manifest.contains("\"\(name)\""), "\(name) is not in the manifest")
        }
    }

    @Test func theSheetHasTheCSVsColumnsProtectionAndOnlyTheInputCellsUnlocked() throws {
        let contents = try XLSXReader.read(try Self.blankBytes(), file: "s.xlsx")
        #expect(contents.sheets.map(\.name) == ["评分表"])
        let sheet = try #require(contents.sheets.first)
        #expect(sheet.isProtected)
        let header = (1...11).map { sheet.value(at: CellReference(row: 1, column: $0)!) }
        #expect(
            header
                == ["评委", "投标人", "评审因素", "得分", "理由", "无利益冲突", "统一社会信用代码", "评审因素名称", "满分", "可选分值", "评分指引"]
                .map(SpreadsheetValue.text)
        )
        // Ids and registration codes are text; the maximum is a number.
        #expect(sheet.value(at: Self.cell("A2")) == .text("评委1"))
        #expect(sheet.value(at: Self.cell("G2")) == .text("91331003MA28E4C1X8"))
        #expect(sheet.value(at: Self.cell("I2")) == .number(SpreadsheetNumber(integer: 10)))
        // Score, reason and (on a bidder's first row) the declaration are open; everything else is locked.
        func locked(_ reference: String) -> Bool { sheet.cell(at: Self.cell(reference))?.isLocked ?? true }
        #expect(!locked("D2") && !locked("E2") && !locked("F2"))
        #expect(!locked("D3") && !locked("E3") && locked("F3"))
        #expect(locked("A2") && locked("B2") && locked("C2") && locked("G2") && locked("K2") && locked("A1"))
        // 9 bidders × 3 criteria score cells, and 9 declarations.
        #expect(sheet.validations.count == 36)
        let score = try #require(sheet.validations(at: Self.cell("D2")).first)
        let steps = stride(from: 0, through: 100, by: 5).map { $0 % 10 == 0 ? "\($0 / 10)" : "\($0 / 10).5" }
        #expect(score.type == "list")
        #expect(score.formula1 == "\"\(steps.joined(separator: ","))\"")
        #expect(score.inputTitle == "0–10")
        #expect(score.inputMessage == "服务方案：满分 10，0–10，步长 0.5。低于满分须在理由栏写明理由。")
        #expect(score.errorMessage == "得分须在 0–10，步长 0.5 之内。")
        let emergency = try #require(sheet.validations(at: Self.cell("D4")).first)
        #expect(emergency.formula1?.hasSuffix(",5.5,6\"") == true)
        let declaration = try #require(sheet.validations(at: Self.cell("F2")).first)
        #expect(declaration.type == "list")
        #expect(declaration.formula1 == "\"是,否\"")
        #expect(sheet.validations(at: Self.cell("F3")).isEmpty)
    }

    @Test func aCriterionWithoutAStepGetsADecimalRange() throws {
        let member = CommitteeMember(
            id: "e1",
            name: "Expert One",
            role: .expert,
            isChair: true,
            groups: ["quality"],
            location: SourceLocation(file: "committee.yaml")
        )
        let criterion = SheetCriterion(
            id: "plan",
            groupID: "quality",
            name: LocalizedText(zh: "方案", en: "Plan"),
            maximum: try Points(parsing: "12.5"),
            step: nil,
            bands: [],
            guidance: nil
        )
        let sheet = MemberSheet(
            tenderID: "T-1",
            tenderTitle: LocalizedText(en: "A tender"),
            member: member,
            language: .en,
            criteria: [criterion],
            bidders: [SheetBidder(name: "Acme", registrationID: "913501007053988381")]
        )
        let workbook = MemberSheetWorkbook.workbook(sheet, createdOn: "2026-03-01")
        #expect(workbook.worksheets.map(\.name) == ["Score sheet"])
        let temporary = FileManager.default.temporaryDirectory.path
        let bytes = try XLSXWriter.data(for: workbook, temporaryFolder: temporary)
        let read = try #require(try XLSXReader.read(bytes, file: "s.xlsx").sheets.first)
        let rule = try #require(read.validations(at: Self.cell("D2")).first)
        #expect([rule.type, rule.formula1, rule.formula2] == ["decimal", "0", "12.5"])
        #expect(
            rule.inputMessage == "Plan: maximum 12.5, 0–12.5 (any value). A score below the maximum needs a reason."
        )
        #expect(read.validations(at: Self.cell("F2")).first?.formula1 == "\"yes,no\"")
        #expect(read.value(at: Self.cell("G2")) == .text("913501007053988381"))
        // The document's date is the tender's, never the clock: the same sheet gives the same bytes.
        let core = try #require(try XLSXReader.part("docProps/core.xml", of: bytes, file: "s.xlsx"))
        #expect(String(decoding: core, as: UTF8.self).contains("2026-03-01T00:00:00Z"))
        #expect(bytes == (try XLSXWriter.data(for: workbook, temporaryFolder: temporary)))
    }

    @Test func aFilledSheetRoundTripsExactly() throws {
        let run = try ExampleSheets.blankRun()
        let sheet = try #require(run.sheets.first)
        let bidders = sheet.bidders.map(\.name)
        let location = SourceLocation(file: "test")
        func entry(_ bidder: Int, _ criterion: String, _ score: String, _ reason: String?) throws -> ScoreSheetEntry {
            ScoreSheetEntry(
                member: "评委1",
                bidder: bidders[bidder],
                criterionID: criterion,
                score: try Points(parsing: score),
                location: location,
                reason: reason
            )
        }
        let given = [
            try entry(0, "service-plan", "8.5", "分区作业流程清晰，外墙清洗频次笼统"),
            try entry(0, "quality-assurance", "10", nil),
            try entry(2, "emergency-plan", "0.5", "=未提供应急预案"),
            try entry(8, "service-plan", "9.5", "line one\nline two"),
        ]
        var workbook = MemberSheetWorkbook.filled(sheet, createdOn: run.evaluationDate, entries: given)
        // A member may type a score as text: it reads exactly as the number does.
        workbook.worksheets[0].set(.text("10"), at: Self.cell("D3"), format: .input)
        let bytes = try XLSXWriter.data(for: workbook, temporaryFolder: FileManager.default.temporaryDirectory.path)
        let read = try ScoreSheetParser.parseWorkbook(bytes: bytes, file: "s.xlsx")
        #expect(read.entries.map(\.member) == Array(repeating: "评委1", count: 4))
        #expect(read.entries.map(\.bidder) == given.map(\.bidder))
        #expect(read.entries.map(\.criterionID) == given.map(\.criterionID))
        #expect(read.entries.map(\.score) == given.map(\.score))
        #expect(read.entries.map(\.reason) == given.map(\.reason))
        #expect(read.declarations.count == 9 && read.declarations.allSatisfy(\.noConflict))
    }
}
