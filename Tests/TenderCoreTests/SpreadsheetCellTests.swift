import Foundation
import TenderCore
import Testing

@Suite struct SpreadsheetCellTests {
    @Test func cellReferencesInA1Notation() throws {
        #expect(CellReference("C7").map { [$0.row, $0.column] } == [7, 3])
        #expect(CellReference("aa10")?.description == "AA10")
        #expect(CellReference("XFD1048576").map { [$0.row, $0.column] } == [1_048_576, 16_384])
        for bad in ["", "C", "7", "C0", "7C", "$C$7", "XFE1", "A1048577", "C7:D8", "C 7", "ＡＢ1"] {
            #expect(CellReference(bad) == nil, "\(bad)")
        }
        #expect(CellReference.columnLetters(1) == "A")
        #expect(CellReference.columnLetters(26) == "Z")
        #expect(CellReference.columnLetters(27) == "AA")
        #expect(CellReference.columnLetters(702) == "ZZ")
        #expect(CellReference.columnLetters(703) == "AAA")
        #expect(try #require(CellReference("B2")) < (try #require(CellReference("A3"))))
        #expect(try JSONEncoder().encode(try #require(CellReference("C7"))) == Data(#""C7""#.utf8))
    }

    @Test func cellRanges() throws {
        let range = try #require(CellRange("B2:D9"))
        #expect(range.contains(try #require(CellReference("C5"))))
        #expect(!range.contains(try #require(CellReference("E5"))))
        #expect(CellRange("D9:B2")?.description == "B2:D9")
        #expect(CellRange("B2")?.description == "B2")
        #expect(CellRange("B2:") == nil)
        #expect(CellRange("B2:C3:D4") == nil)
    }

    @Test func spreadsheetLocationsNameTheSheetAndCell() throws {
        let cell = try #require(CellReference("C7"))
        #expect(SourceLocation(file: "m1.xlsx", sheet: "Sheet1", cell: cell).description == "m1.xlsx:Sheet1!C7")
        #expect(SourceLocation(file: "m1.xlsx", sheet: "评分表", cell: cell).description == "m1.xlsx:评分表!C7")
        #expect(
            SourceLocation(file: "m1.xlsx", sheet: "Member's scores", cell: cell).description
                == "m1.xlsx:'Member''s scores'!C7"
        )
        #expect(SourceLocation(file: "m1.xlsx", sheet: "2026", cell: cell).description == "m1.xlsx:'2026'!C7")
        #expect(SourceLocation(file: "m1.xlsx", sheet: "Sheet1").description == "m1.xlsx:Sheet1")
        // A sheet name cannot forge a second diagnostic line.
        #expect(
            SourceLocation(file: "m1.xlsx", sheet: "a\nb", cell: cell).description == "m1.xlsx:'a\\nb'!C7"
        )
        let diagnostic = Diagnostic.error(
            "a reason is required",
            at: SourceLocation(file: "m1.xlsx", sheet: "S", cell: cell)
        )
        #expect(diagnostic.description == "m1.xlsx:S!C7: error: a reason is required")
        let z6 = try #require(CellReference("Z6"))
        let earlier = SourceLocation(file: "m1.xlsx", sheet: "S", cell: z6)
        #expect(earlier < SourceLocation(file: "m1.xlsx", sheet: "S", cell: cell))
    }

    @Test func spreadsheetNumbersAreExact() throws {
        #expect(try SpreadsheetNumber(parsing: "2288231.72").text == "2288231.72")
        #expect(try SpreadsheetNumber(parsing: "7.50").text == "7.5")
        #expect(try SpreadsheetNumber(parsing: "1.5E-3").text == "0.0015")
        #expect(try SpreadsheetNumber(parsing: "1e+16").text == "10000000000000000")
        #expect(try SpreadsheetNumber(parsing: "-2.5e2").text == "-250")
        #expect(try SpreadsheetNumber(parsing: "0E-5").text == "0")
        for bad in ["", "1,5", "NaN", "inf", "1e", "1e+", "1e99999", " 1", "0x10", "1.5E-3.0"] {
            #expect(throws: DecimalText.Problem.self, "\(bad)") { try SpreadsheetNumber(parsing: bad) }
        }
        #expect(SpreadsheetNumber(Points(units: 12_500_000)).text == "12.5")
        #expect(try SpreadsheetNumber(parsing: "12.5").value(as: Points.self) == Points(units: 12_500_000))
        #expect(throws: DecimalText.Problem.tooManyDecimals(maximum: 6)) {
            try SpreadsheetNumber(parsing: "0.0000001").value(as: Points.self)
        }
    }

    @Test func aCellsTextIsReadAsFifteenSignificantDigits() throws {
        // libxlsxwriter's %.16G of 99999999.99 and Excel's 0.1 + 0.2: binary noise beyond the 15th digit.
        #expect(try SpreadsheetNumber(cellText: "99999999.98999999").text == "99999999.99")
        #expect(try SpreadsheetNumber(cellText: "0.30000000000000004").text == "0.3")
        #expect(try SpreadsheetNumber(cellText: "2.0000000000000001E-2").text == "0.02")
        #expect(try SpreadsheetNumber(cellText: "-12345678901234567").text == "-12345678901234600")
        #expect(throws: DecimalText.Problem.tooLarge) { try SpreadsheetNumber(cellText: "1234567890123456789") }
        #expect(try SpreadsheetNumber(cellText: "123456789012345").text == "123456789012345")
        #expect(try SpreadsheetNumber(cellText: "7.5").text == "7.5")
    }
}
