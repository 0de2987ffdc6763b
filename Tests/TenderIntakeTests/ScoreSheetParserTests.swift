import Foundation
import TenderCore
import TenderModel
import Testing

@testable import TenderIntake

@Suite struct ScoreSheetParserTests {
    private func parse(_ text: String) throws(DiagnosticError) -> [ScoreSheetEntry] {
        try ScoreSheetParser.parse(bytes: Array(text.utf8), file: "s.csv").entries
    }

    /// Cells with no white space around them are kept as they are; the others are trimmed as Foundation trims.
    @Test(arguments: [
        "", " ", "评委1", " 评委1", "评委1\u{3000}", "\t8.5 ", "a b", "\u{00A0}x\u{00A0}", "x\n", "\u{200B}x",
        "\u{2003}台州安洁\u{2003}", "甲", " 甲", "甲 ", "x", "x\u{3000}", "\u{FEFF}x",
    ])
    func cellsAreTrimmedAsFoundationTrims(_ cell: String) {
        #expect(ScoreSheetParser.trimmed(cell) == cell.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test func readsExcelStyleUTF8WithBOMAndCRLF() throws {
        let entries = try parse("\u{FEFF}member,bidder,criterion,score\r\n评委1,台州安洁,plan,8.5\r\n")
        #expect(entries.count == 1)
        #expect(entries[0].member == "评委1")
        #expect(entries[0].bidder == "台州安洁")
        #expect(entries[0].score == (try? Points(parsing: "8.5")))
        #expect(entries[0].location.description == "s.csv:2:15")
    }

    @Test func quotedCellsMayHoldCommasQuotesAndLineBreaks() throws {
        let entries = try parse(
            "member,bidder,criterion,score\n\"Wang, Li\",\"Acme \"\"East\"\"\nBranch\",plan,7\nm2,B,plan,6\n"
        )
        #expect(entries.map(\.member) == ["Wang, Li", "m2"])
        #expect(entries[0].bidder == "Acme \"East\"\nBranch")
        #expect(entries[1].location.line == 4)
    }

    @Test func chineseHeaderIsAccepted() throws {
        let entries = try parse("评委,投标人,评审因素,得分\n张三,甲公司,plan,9\n")
        #expect(entries.first?.score == 9)
    }

    @Test func gb18030SheetIsDecodedAndNoted() throws {
        // "评委1" and "甲公司" in GB18030.
        let bytes: [UInt8] =
            Array("member,bidder,criterion,score\n".utf8) + [0xC6, 0xC0, 0xCE, 0xAF, 0x31, 0x2C]
            + [0xBC, 0xD7, 0xB9, 0xAB, 0xCB, 0xBE] + Array(",plan,9\n".utf8)
        let (entries, notes) = try ScoreSheetParser.parse(bytes: bytes, file: "gbk.csv")
        #expect(entries.first?.member == "评委1")
        #expect(entries.first?.bidder == "甲公司")
        #expect(notes.map(\.description) == ["gbk.csv: note: score sheet is not UTF-8; read it as GB18030"])
    }

    @Test func badRowsAreAllReportedWithLines() {
        let error = #expect(throws: DiagnosticError.self) {
            try parse(
                "member,bidder,criterion,score\nm1,A,plan\nm1,A,plan,7,extra\nm1,,plan,7\nm1,A,plan,NaN\nm1,A,plan,1e3\n"
            )
        }
        #expect(
            error?.diagnostics.map(\.description) == [
                "s.csv:2:1: error: row has 3 columns, expected 4 (member,bidder,criterion,score)",
                "s.csv:3:1: error: row has 5 columns, expected 4 (member,bidder,criterion,score)",
                "s.csv:4:4: error: bidder is empty",
                "s.csv:5:11: error: score 'NaN' is not a plain decimal number",
                "s.csv:6:11: error: score '1e3' is not a plain decimal number",
            ]
        )
    }

    @Test func wrongHeaderAndUnclosedQuoteAreErrors() {
        let header = #expect(throws: DiagnosticError.self) { try parse("name,score\n") }
        #expect(
            header?.description == "s.csv:1:1: error: file is not a score sheet: its header is 'name,score', "
                + "expected 'member,bidder,criterion,score' (or '评委,投标人,评审因素,得分')"
        )
        let quote = #expect(throws: DiagnosticError.self) {
            try parse("member,bidder,criterion,score\nm1,\"A,plan,7\n")
        }
        #expect(quote?.description == "s.csv:2:4: error: quoted cell is never closed")
    }

    /// The reader works on UTF-8 bytes: columns still count characters (Unicode scalars), not bytes.
    @Test func columnsCountCharactersAfterMultiByteText() throws {
        let stray = #expect(throws: DiagnosticError.self) {
            try parse("member,bidder,criterion,score\n评委1,甲\"司,plan,9\n")
        }
        #expect(
            stray?.description
                == "s.csv:2:6: error: stray quote inside an unquoted cell; quote the whole cell and double the quote (\"\")"
        )
        let trailing = #expect(throws: DiagnosticError.self) {
            try parse("member,bidder,criterion,score\n\"评委\"x,甲,plan,9\n")
        }
        #expect(
            trailing?.description
                == "s.csv:2:5: error: text after a closing quote; a quoted cell must end at a comma or line end"
        )
        let entries = try parse("member,bidder,criterion,score\n\"评\"\"委\",甲,plan,9\n")
        #expect(entries.first?.member == "评\"委")
        #expect(entries.first?.location.description == "s.csv:2:15")
    }

    @Test func rowsOfWhiteSpaceAreBlank() throws {
        let entries = try parse("member,bidder,criterion,score\n评委1,甲,plan,9\n\u{3000}, ,\t,\n")
        #expect(entries.count == 1)
    }

    @Test func aReasonColumnIsReadWithItsCellAndExcelPaddingIsIgnored() throws {
        let sheet = try ScoreSheetParser.parseSheet(
            bytes: Array("评委,投标人,评审因素,得分,理由,,\r\n张三,甲公司,plan,8,\"方案完整, 排班未细化\",,\r\n张三,甲公司,q,9,,,\r\n,,,,,,\r\n".utf8),
            file: "s.csv"
        )
        #expect(sheet.entries.map(\.reason) == ["方案完整, 排班未细化", nil])
        #expect(sheet.entries.map { $0.reasonLocation?.description } == ["s.csv:2:15", "s.csv:3:12"])
        #expect(sheet.declarations.isEmpty)
    }

    @Test func memberSheetsCarryDeclarationsAndSkipBlankScores() throws {
        let text =
            "member,bidder,criterion,score,reason,no-conflict,registration-id,criterion-name,maximum,allowed-scores,guidance\n"
            + "e1,'=甲,plan,,,否,9133,方案,10,\"0–10, step 0.5\",\n"
            + "e1,乙,plan,7,ok,是,9134,方案,10,,\n"
        let sheet = try ScoreSheetParser.parseSheet(bytes: Array(text.utf8), file: "m.csv")
        #expect(sheet.entries.map(\.bidder) == ["乙"])
        #expect(sheet.declarations.map(\.bidder) == ["=甲", "乙"])
        #expect(sheet.declarations.map(\.noConflict) == [false, true])
        #expect(sheet.declarations[0].location.description == "m.csv:2:15")
        let unknown = #expect(throws: DiagnosticError.self) {
            try ScoreSheetParser.parseSheet(bytes: Array("member,bidder,criterion,score,remark\n".utf8), file: "u.csv")
        }
        #expect(
            unknown?.description == "u.csv:1:31: error: unknown score-sheet column 'remark'; after "
                + "member,bidder,criterion,score a sheet may have reason, no-conflict, registration-id, criterion-name, "
                + "maximum, allowed-scores, guidance"
        )
    }
}
