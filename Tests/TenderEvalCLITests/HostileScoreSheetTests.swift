import Foundation
import Testing

/// A hostile `.xlsx` among the score sheets (`Fixtures/hostile-xlsx`, made with Python's zipfile) is refused with
/// one error at the file or its sheet and exit status 1, through the built binary: never a crash, a hang or a
/// file read from outside the tender.
@Suite struct HostileScoreSheetTests {
    @Test(arguments: [
        (
            "xxe.xlsx",
            "bids/sheet-x.xlsx:评分表: error: part xl/worksheets/sheet1.xml declares a DTD or an entity, which no "
                + "workbook needs; it is refused for safety (line 1)"
        ),
        (
            "zip-bomb.xlsx",
            "bids/sheet-x.xlsx: error: the .xlsx file's entry 'xl/worksheets/sheet1.xml' expands 1024 times its "
                + "compressed size; the limit is 200 (a zip bomb, not a workbook)"
        ),
    ])
    func aHostileSheetIsALocatedError(fixture: String, expected: String) throws {
        let copy = try ExampleTenderCopy()
        defer { copy.remove() }
        try FileManager.default.copyItem(
            at: CLI.fixtures.appendingPathComponent("hostile-xlsx/\(fixture)"),
            to: copy.folder.appendingPathComponent("bids/sheet-x.xlsx")
        )
        let result = try copy.score(["--out", "out"])
        #expect(result.status == 1)
        #expect(result.stderr == expected + "\n")
        #expect(!FileManager.default.fileExists(atPath: copy.folder.appendingPathComponent("out").path))
    }
}
