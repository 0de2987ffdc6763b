import Foundation
import TenderCore
import TenderIntake
import TenderModel
import TenderPipeline
import Testing

/// The example's committed member sheets are exactly what the tool makes from the committee's scores, and read
/// back as those scores.
@Suite struct ExampleSheetsTests {
    /// Re-make them with `RECORD_EXAMPLE_SHEETS=1 swift test --filter ExampleSheetsTests` (that run fails by
    /// design; inspect the change with git).
    @Test func committedSheetsAreWhatTheToolMakes() throws {
        let record = ProcessInfo.processInfo.environment["RECORD_EXAMPLE_SHEETS"] == "1"
        let sheets = try ExampleSheets.filled()
        #expect(sheets.map(\.name) == (1...5).map { "sheet-0\($0)-评委\($0).xlsx" })
        for (name, bytes) in sheets {
            let url = ExampleSheets.bids.appendingPathComponent(name)
            if record {
                try Data(bytes).write(to: url)
                Issue.record("re-made \(name); run again without RECORD_EXAMPLE_SHEETS")
                continue
            }
            let committed = try? [UInt8](Data(contentsOf: url))
            #expect(committed == bytes, "\(name) differs from what the tool makes; see RECORD_EXAMPLE_SHEETS")
        }
    }

    @Test func committedSheetsReadBackAsTheCommitteesScores() throws {
        var entries: [ScoreSheetEntry] = []
        var declarations: [ConflictDeclaration] = []
        for index in 1...5 {
            let name = "sheet-0\(index)-评委\(index).xlsx"
            let bytes = try [UInt8](Data(contentsOf: ExampleSheets.bids.appendingPathComponent(name)))
            let sheet = try ScoreSheetParser.parseWorkbook(bytes: bytes, file: name)
            #expect(sheet.notes.isEmpty)
            entries += sheet.entries
            declarations += sheet.declarations
        }
        func key(_ entry: ScoreSheetEntry) -> String {
            [entry.member, entry.bidder, entry.criterionID, entry.score.plainText, entry.reason ?? "-"]
                .joined(separator: "|")
        }
        let expected = try ExampleSheets.committeeEntries()
        #expect(entries.count == expected.count)
        #expect(entries.map(key).sorted() == expected.map(key).sorted())
        // Every member declares for every bidder; only 评委4 declares a conflict, with 九峰.
        #expect(declarations.count == 5 * 9)
        #expect(
            declarations.filter { !$0.noConflict }.map { "\($0.member) \($0.bidder) \($0.location)" } == [
                "评委4 台州市黄岩九峰后勤服务有限公司 sheet-04-评委4.xlsx:评分表!F20"
            ]
        )
        // Scores are located at their cells.
        let first = try #require(entries.first)
        #expect("\(first.location)" == "sheet-01-评委1.xlsx:评分表!D2")
        #expect(first.reasonLocation.map { "\($0)" } == "sheet-01-评委1.xlsx:评分表!E2")
    }
}
