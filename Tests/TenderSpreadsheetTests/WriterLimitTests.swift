import TenderCore
import TenderIntake
import TenderSpreadsheet
import Testing

/// A workbook that breaks Excel's limits is refused before anything is written, with the sheet and cell to blame.
@Suite struct WriterLimitTests {
    private func problem(_ workbook: Workbook) -> String? {
        do {
            _ = try XLSXWriter.data(for: workbook, temporaryFolder: "/nonexistent-folder-never-reached")
            return nil
        } catch {
            return error.diagnostic(file: "sheets/m1.xlsx").description
        }
    }

    private func workbook(_ sheets: Worksheet...) -> Workbook {
        Workbook(worksheets: sheets)
    }

    @Test func aNumberBeyondFifteenDigitsMustBeText() {
        var sheet = Worksheet(name: "Scores")
        sheet.set(.number(SampleWorkbook.number("913501007053988381")), at: SampleWorkbook.cell("B7"))
        #expect(
            problem(workbook(sheet))
                == "sheets/m1.xlsx:Scores!B7: error: number 913501007053988381 has more significant digits than a "
                + "spreadsheet number keeps exactly (15); write it as text"
        )
        var money = Worksheet(name: "Scores")
        money.set(.money(Money(units: 1_234_567_890_123_456)), at: SampleWorkbook.cell("C2"))
        #expect(
            problem(workbook(money))
                == "sheets/m1.xlsx:Scores!C2: error: number 1234567890.123456 has more significant digits than a "
                + "spreadsheet number keeps exactly (15); write it as text"
        )
    }

    @Test func fifteenDigitsAreWrittenExactly() throws {
        var sheet = Worksheet(name: "Scores")
        let values = [
            "999999999999999", "99999999.99", "0.1", "0.3", "1234567.890123", "-0.000001", "9007199254740.99",
        ]
        for (offset, text) in values.enumerated() {
            sheet.set(.number(SampleWorkbook.number(text)), at: CellReference(row: offset + 1, column: 1)!)
        }
        let bytes = try SampleWorkbook.bytes(workbook(sheet))
        let read = try #require(try XLSXReader.read(bytes, file: "m1.xlsx").sheets.first)
        for (offset, text) in values.enumerated() {
            #expect(read.value(at: CellReference(row: offset + 1, column: 1)!) == .number(SampleWorkbook.number(text)))
        }
    }

    @Test func sheetNames() {
        #expect(
            problem(workbook(Worksheet(name: "A name that is far too long for Excel")))
                == "sheets/m1.xlsx: error: sheet name 'A name that is far too long for Excel' is longer than 31 "
                + "characters, Excel's limit"
        )
        #expect(
            problem(workbook(Worksheet(name: "Q1/Q2")))
                == "sheets/m1.xlsx: error: sheet name 'Q1/Q2' contains '/', which Excel does not allow"
        )
        #expect(
            problem(workbook(Worksheet(name: "Scores"), Worksheet(name: "SCORES")))
                == "sheets/m1.xlsx: error: two sheets are named 'SCORES' (Excel ignores case in sheet names)"
        )
        #expect(problem(workbook(Worksheet(name: ""))) == "sheets/m1.xlsx: error: a sheet name is empty")
        #expect(problem(Workbook(worksheets: [])) == "sheets/m1.xlsx: error: a workbook needs at least one sheet")
    }

    @Test func theListSheetNameMustBeFree() {
        var sheet = Worksheet(name: "Lists")
        let steps = DataValidation.steps(upTo: SampleWorkbook.points("100"), step: SampleWorkbook.points("0.5")) ?? []
        sheet.validations.append(
            DataValidation(range: SampleWorkbook.range("A1"), rule: .list(steps.map { .number($0) }))
        )
        #expect(
            problem(workbook(sheet))
                == "sheets/m1.xlsx: error: the list sheet's name 'Lists' is already the name of a sheet"
        )
    }

    @Test func validationTextsWithinExcelsLimits() {
        var sheet = Worksheet(name: "Scores")
        sheet.validations.append(
            DataValidation(
                range: SampleWorkbook.range("C2:C9"),
                rule: .decimalRange(minimum: SampleWorkbook.number("10"), maximum: SampleWorkbook.number("0"))
            )
        )
        #expect(problem(workbook(sheet)) == "sheets/m1.xlsx:Scores!C2: error: data validation range 10…0 is empty")
        sheet.validations = [
            DataValidation(
                range: SampleWorkbook.range("C2:C9"),
                rule: .list([.text("a")]),
                inputTitle: String(repeating: "题", count: 33)
            )
        ]
        #expect(
            problem(workbook(sheet))
                == "sheets/m1.xlsx:Scores!C2: error: data validation input title is 33 characters; Excel's limit is 32"
        )
    }

    @Test func stepsOfAScoreList() {
        let steps = DataValidation.steps(upTo: SampleWorkbook.points("2"), step: SampleWorkbook.points("0.5"))
        #expect(steps?.map(\.text) == ["0", "0.5", "1", "1.5", "2"])
        #expect(DataValidation.steps(upTo: SampleWorkbook.points("2"), step: SampleWorkbook.points("0.3")) == nil)
        #expect(DataValidation.steps(upTo: SampleWorkbook.points("2"), step: SampleWorkbook.points("0")) == nil)
    }

    @Test func validSheetNamesFromAnyText() throws {
        #expect(Worksheet.validName(from: "王 委员 (expert)") == "王 委员 (expert)")
        #expect(Worksheet.validName(from: "Q1/Q2: [draft]*?") == "Q1_Q2_ _draft___")
        #expect(Worksheet.validName(from: "'quoted'") == "quoted")
        #expect(Worksheet.validName(from: "tab\there") == "tab_here")
        #expect(Worksheet.validName(from: "   ") == "Sheet")
        #expect(Worksheet.validName(from: String(repeating: "评", count: 40)) == String(repeating: "评", count: 31))
        #expect(Worksheet.validName(from: String(repeating: "🙂", count: 20)).utf16.count == 30)
        for text in ["a/b", "'x'", String(repeating: "长", count: 50), "[]"] {
            _ = try SampleWorkbook.bytes(Workbook(worksheets: [Worksheet(name: Worksheet.validName(from: text))]))
        }
    }
}
