import Foundation
import Testing

/// The committee's day with `.xlsx` sheets, through the built binary: `sheets` writes them, and `score` reads
/// them back from `--scores` or the bids folder.
@Suite struct XLSXSheetsTests {
    @Test func blankXLSXSheetsReadBackAsAPreliminaryRunWithEveryScoreOutstanding() throws {
        let copy = try CommitteeTests.copyWithCommittee()
        defer { copy.remove() }
        let written = try CLI.run(["sheets", "rubric.yaml", "bids", "--out", "sheets"], in: copy.folder, timeLimit: 60)
        #expect(written.status == 0, "\(written.stderr)")
        let sheets = (1...5).flatMap { ["--scores", "sheets/sheet-0\($0)-评委\($0).xlsx"] }
        let result = try copy.score(sheets + ["--out", "out"])
        // Nothing is wrong with a blank sheet: its scores are outstanding, so the run is preliminary (exit 3).
        #expect(result.status == 3, "\(result.stderr)")
        #expect(!result.stderr.contains("error"))
        let json = try copy.text("out/result.json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["status"] as? String == "preliminary")
        // Every member × valid bidder × criterion: 5 × 7 × 3 (the two disqualified bidders are never scored).
        #expect((object["outstanding"] as? [Any])?.count == 5 * 7 * 3)
        #expect(json.contains("sheets/sheet-01-评委1.xlsx"))
    }

    @Test func theExampleFolderIsScoredFromItsFiveXLSXSheets() throws {
        let result = try CLI.run(
            ["score", "rubrics/huangyan-logistics-2020.yaml", "bids/huangyan-logistics-2020", "--lang", "en"]
        )
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "")
        for index in 1...5 {
            #expect(
                result.stdout.contains("bids/huangyan-logistics-2020/sheet-0\(index)-评委\(index).xlsx | score sheet")
            )
        }
    }

    @Test func excelsLockFileBesideAnOpenSheetIsListedNotRead() throws {
        let copy = try ExampleTenderCopy()
        defer { copy.remove() }
        // What Excel writes beside `sheet-01.xlsx` while it is open: 165 bytes naming the user, not a zip.
        let lock = [UInt8(7)] + Array("officer".utf8) + [UInt8](repeating: 0x20, count: 157)
        try Data(lock).write(to: copy.folder.appendingPathComponent("bids/~$sheet-01.xlsx"))
        let result = try copy.score(["--out", "out"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "")
        #expect(
            try copy.text("out/report.md").contains(
                "| bids/\\~$sheet-01.xlsx | not read | Excel's lock file for a workbook that is open (\\~$…), not a score "
                    + "sheet |"
            )
        )
    }
}
