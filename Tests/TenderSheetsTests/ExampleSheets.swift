import Foundation
import TenderCore
import TenderIntake
import TenderModel
import TenderPipeline
import TenderSpreadsheet
import TenderTestSupport

/// The example tender's five filled member sheets, made from the committee's scores and reasons
/// (`Tests/TenderEvalCLITests/Fixtures/huangyan-committee-scores.csv`) by the layout `tender-eval sheets` writes,
/// so the committed `.xlsx` files can be checked and re-made byte for byte.
enum ExampleSheets {
    static let root = SharedData.repositoryRoot
    static let bids = root.appendingPathComponent("bids/huangyan-logistics-2020")
    static let rubric = root.appendingPathComponent("rubrics/huangyan-logistics-2020.yaml")
    static let scores = root.appendingPathComponent("Tests/TenderEvalCLITests/Fixtures/huangyan-committee-scores.csv")
    /// 评委4 worked for 九峰 within three years and asked to recuse (decisions.yaml): the member declares the
    /// conflict on the sheet; the scores already given are set aside by the recorded recusal.
    static let conflicts = ["评委4": Set(["台州市黄岩九峰后勤服务有限公司"])]

    static func blankRun() throws -> SheetsPipeline.Run {
        try SheetsPipeline.run(
            SheetsPipeline.Request(
                rubricPath: rubric.path,
                bidPaths: [bids.path],
                committeePath: nil,
                limits: ImportLimits(),
                language: .zh
            )
        )
    }

    static func committeeEntries() throws -> [ScoreSheetEntry] {
        let bytes = try [UInt8](Data(contentsOf: scores))
        return try ScoreSheetParser.parseSheet(bytes: bytes, file: "huangyan-committee-scores.csv").entries
    }

    /// The filled sheets by file name (`sheet-01-评委1.xlsx`), in committee order.
    static func filled() throws -> [(name: String, bytes: [UInt8])] {
        let run = try blankRun()
        let entries = try committeeEntries()
        return try run.sheets.enumerated().map { index, sheet in
            let workbook = MemberSheetWorkbook.filled(
                sheet,
                createdOn: run.evaluationDate,
                entries: entries,
                conflicts: conflicts[sheet.member.id] ?? []
            )
            let name = SheetsPipeline.fileName(index: index, memberID: sheet.member.id) + ".xlsx"
            return (
                name, try XLSXWriter.data(for: workbook, temporaryFolder: FileManager.default.temporaryDirectory.path)
            )
        }
    }
}
