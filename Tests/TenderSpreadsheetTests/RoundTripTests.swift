import Foundation
import TenderCore
import TenderIntake
import TenderSpreadsheet
import Testing

@Suite struct RoundTripTests {
    @Test func everyWrittenCellReadsBackExactly() throws {
        let workbook = SampleWorkbook.workbook()
        let contents = try XLSXReader.read(try SampleWorkbook.bytes(workbook), file: "m1.xlsx")
        #expect(contents.sheets.map(\.name) == ["评分表 Scores", "Notes", "Lists"])
        for written in workbook.worksheets {
            let read = try #require(contents.sheet(named: written.name))
            for (reference, cell) in written.orderedCells {
                let back = try #require(read.cell(at: reference), "\(written.name)!\(reference)")
                switch cell.value {
                case .text(let text): #expect(back.value == .text(text), "\(reference)")
                case .number(let number): #expect(back.value == .number(number), "\(reference)")
                case .blank: #expect(back.value == .empty, "\(reference)")
                }
                #expect(back.isLocked == cell.format.isLocked, "\(reference)")
            }
            let cellCount = read.rows.reduce(0) { $0 + $1.cells.count }
            #expect(cellCount == written.cells.count)
        }
    }

    @Test func anEighteenDigitCreditCodeStaysText() throws {
        let sheet = try #require(
            try XLSXReader.read(try SampleWorkbook.bytes(), file: "m1.xlsx").sheet(named: "评分表 Scores")
        )
        #expect(sheet.value(at: SampleWorkbook.cell("A2")) == .text("913501007053988381"))
        #expect(sheet.value(at: SampleWorkbook.cell("A3")) == .text("0012"))
        let price = sheet.value(at: SampleWorkbook.cell("B2"))
        #expect(price == .number(SampleWorkbook.number("2288231.72")))
        guard case .number(let number) = price else { return }
        #expect(try number.value(as: Money.self) == Money(units: 2_288_231_720_000))
        #expect(sheet.value(at: SampleWorkbook.cell("B13")) == .number(SampleWorkbook.number("7.25")))
    }

    @Test func validationsProtectionAndUnlockedCellsAreInTheFile() throws {
        let bytes = try SampleWorkbook.bytes()
        let contents = try XLSXReader.read(bytes, file: "m1.xlsx")
        let sheet = try #require(contents.sheet(named: "评分表 Scores"))
        #expect(sheet.isProtected)
        #expect(!sheet.isHidden)
        #expect(
            sheet.validations(at: SampleWorkbook.cell("C5"))
                == [
                    SpreadsheetValidation(
                        type: "decimal",
                        ranges: [SampleWorkbook.range("C2:C9")],
                        formula1: "0",
                        formula2: "12.5",
                        allowsBlank: true,
                        inputTitle: "评分",
                        inputMessage: "0 to 12.5 points",
                        errorTitle: "Not allowed",
                        errorMessage: "A score is a number from 0 to 12.5."
                    )
                ]
        )
        let shortList = try #require(sheet.validations(at: SampleWorkbook.cell("D2")).first)
        #expect(shortList.type == "list")
        #expect(
            shortList.formula1 == "\"" + stride(from: 0, through: 100, by: 5).map(tenths).joined(separator: ",") + "\""
        )
        let longList = try #require(sheet.validations(at: SampleWorkbook.cell("D9")).first)
        #expect(longList.type == "list")
        #expect(longList.formula1 == "'Lists'!$A$1:$A$201")
        let length = try #require(sheet.validations(at: SampleWorkbook.cell("E9")).first)
        #expect(length.type == "textLength" && length.operatorName == "lessThanOrEqual" && length.formula1 == "500")
        #expect(sheet.cell(at: SampleWorkbook.cell("C2"))?.isLocked == false)
        #expect(sheet.cell(at: SampleWorkbook.cell("A2"))?.isLocked == true)

        let lists = try #require(contents.sheet(named: "Lists"))
        #expect(lists.isHidden && lists.isProtected)
        #expect(lists.rows.count == 201)
        #expect(lists.value(at: SampleWorkbook.cell("A16")) == .number(SampleWorkbook.number("7.5")))
        #expect(lists.value(at: SampleWorkbook.cell("A201")) == .number(SampleWorkbook.number("100")))

        let xml = String(
            decoding: try #require(try XLSXReader.part("xl/worksheets/sheet1.xml", of: bytes, file: "m1.xlsx")),
            as: UTF8.self
        )
        #expect(xml.contains("<sheetProtection sheet=\"1\""))
        #expect(xml.contains("<dataValidations count=\"4\">"))
        #expect(xml.contains("<formula1>0</formula1><formula2>12.5</formula2>"))
        let styles = String(
            decoding: try #require(try XLSXReader.part("xl/styles.xml", of: bytes, file: "m1.xlsx")),
            as: UTF8.self
        )
        #expect(styles.contains("<protection locked=\"0\"/>"))
    }

    private func tenths(_ value: Int) -> String {
        value % 10 == 0 ? String(value / 10) : "\(value / 10).\(value % 10)"
    }

    @Test func theSameWorkbookGivesTheSameBytes() throws {
        let first = try SampleWorkbook.bytes()
        let second = try SampleWorkbook.bytes()
        #expect(first == second)
        let core = String(
            decoding: try #require(try XLSXReader.part("docProps/core.xml", of: first, file: "m1.xlsx")),
            as: UTF8.self
        )
        #expect(core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2020-01-01T00:00:00Z</dcterms:created>"))
    }

    @Test func theCreationDateComesFromTheCaller() throws {
        var workbook = SampleWorkbook.workbook()
        workbook.properties.createdSecondsSince1970 = try #require(
            DocumentProperties.secondsSince1970(ofDay: "2026-11-26")
        )
        let bytes = try SampleWorkbook.bytes(workbook)
        let core = String(
            decoding: try #require(try XLSXReader.part("docProps/core.xml", of: bytes, file: "m1.xlsx")),
            as: UTF8.self
        )
        #expect(core.contains(">2026-11-26T00:00:00Z</dcterms:created>"))
        #expect(DocumentProperties.secondsSince1970(ofDay: "1970-01-01") == 0)
        #expect(DocumentProperties.secondsSince1970(ofDay: "2000-03-01") == 951_868_800)
        #expect(DocumentProperties.secondsSince1970(ofDay: "2026-02-30") == nil)
        #expect(try SampleWorkbook.bytes(workbook) == bytes)
        #expect(bytes != (try SampleWorkbook.bytes()))
    }

    @Test func writeReplacesTheFileAtItsPath() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("m1.xlsx").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        try XLSXWriter.write(SampleWorkbook.workbook(), to: path)
        let written = try #require(FileManager.default.contents(atPath: path))
        #expect([UInt8](written) == (try SampleWorkbook.bytes()))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["m1.xlsx"])
    }

    @Test func aLargeSheetRoundTrips() throws {
        var sheet = Worksheet(name: "Scores")
        for row in 1...2000 {
            for column in 1...10 {
                let reference = try #require(CellReference(row: row, column: column))
                let value: CellValue =
                    column.isMultiple(of: 2)
                    ? .points(Points(units: Int64(row * 1_000_000 + column * 250_000))) : .text("r\(row)c\(column)")
                sheet.set(value, at: reference)
            }
        }
        let read = try #require(
            try XLSXReader.read(try SampleWorkbook.bytes(Workbook(worksheets: [sheet])), file: "m1.xlsx").sheets.first
        )
        #expect(read.rows.count == 2000)
        for (reference, cell) in sheet.orderedCells {
            switch cell.value {
            case .text(let text): #expect(read.value(at: reference) == .text(text))
            case .number(let number): #expect(read.value(at: reference) == .number(number))
            case .blank: Issue.record("no blank was written")
            }
        }
    }
}
