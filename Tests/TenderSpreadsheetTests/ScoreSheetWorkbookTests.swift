import TenderCore
import TenderIntake
import TenderModel
import Testing

/// `ScoreSheetParser.parseWorkbook` on workbooks written by other programs: numbers and numeric text read
/// exactly, formulas refused at their cell, trailing empty cells ignored.
@Suite struct ScoreSheetWorkbookTests {
    private static let header =
        #"<row r="1"><c r="A1" t="inlineStr"><is><t>member</t></is></c><c r="B1" t="inlineStr"><is><t>bidder</t></is></c>"#
        + #"<c r="C1" t="inlineStr"><is><t>criterion</t></is></c><c r="D1" t="inlineStr"><is><t>score</t></is></c>"#
        + #"<c r="E1" t="inlineStr"><is><t>reason</t></is></c></row>"#

    private static func sheet(_ rows: String) -> [UInt8] {
        let xml =
            #"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
            + header + rows + "</sheetData></worksheet>"
        return ZipBuilder.minimalWorkbook(sheet: xml).bytes()
    }

    private static func row(_ number: Int, score: String, reason: String = "ok") -> String {
        #"<row r="\#(number)"><c r="A\#(number)" t="inlineStr"><is><t>e1</t></is></c>"#
            + #"<c r="B\#(number)" t="inlineStr"><is><t>Acme</t></is></c>"#
            + #"<c r="C\#(number)" t="inlineStr"><is><t>plan</t></is></c>\#(score)"#
            + #"<c r="E\#(number)" t="inlineStr"><is><t>\#(reason)</t></is></c></row>"#
    }

    @Test func aNumberAndNumericTextReadExactlyTheSame() throws {
        let bytes = Self.sheet(
            Self.row(2, score: #"<c r="D2"><v>8.5</v></c>"#)
                + Self.row(3, score: #"<c r="D3" t="inlineStr"><is><t> 8.5 </t></is></c>"#)
                // Excel's shortest round-trip form of a binary double: still exactly 0.1.
                + Self.row(4, score: #"<c r="D4"><v>0.10000000000000001</v></c>"#)
                // Trailing empty cells and rows, as Excel keeps them after formatting.
                + #"<row r="9"><c r="A9" s="0"/><c r="L9" t="inlineStr"><is><t> </t></is></c></row>"#
        )
        let sheet = try ScoreSheetParser.parseWorkbook(bytes: bytes, file: "m1.xlsx")
        #expect(sheet.entries.map(\.score.plainText) == ["8.5", "8.5", "0.1"])
        #expect(
            sheet.entries.map { "\($0.location)" } == ["m1.xlsx:Sheet1!D2", "m1.xlsx:Sheet1!D3", "m1.xlsx:Sheet1!D4"]
        )
        #expect(sheet.entries.first?.reasonLocation.map { "\($0)" } == "m1.xlsx:Sheet1!E2")
    }

    @Test func aFormulaIsRefusedAtItsCellEvenWithACachedValue() {
        let bytes = Self.sheet(
            Self.row(2, score: #"<c r="D2"><f>4+4.5</f><v>8.5</v></c>"#)
                + Self.row(3, score: #"<c r="D3"><v>7</v></c>"#)
        )
        #expect(throws: DiagnosticError.self) { try ScoreSheetParser.parseWorkbook(bytes: bytes, file: "m1.xlsx") }
        do {
            _ = try ScoreSheetParser.parseWorkbook(bytes: bytes, file: "m1.xlsx")
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "m1.xlsx:Sheet1!D2: error: the score cell holds a formula (=4+4.5); type the value itself: a "
                        + "score sheet records what the member decided, not a computed result"
                ]
            )
        }
    }

    @Test func errorsAreLocatedAtTheirCells() {
        let bytes = Self.sheet(
            Self.row(2, score: #"<c r="D2" t="inlineStr"><is><t>8,5</t></is></c>"#)
                + Self.row(3, score: #"<c r="D3" t="e"><v>#DIV/0!</v></c>"#)
                + #"<row r="4"><c r="A4" t="inlineStr"><is><t>e1</t></is></c><c r="D4"><v>3</v></c></row>"#
                + #"<row r="5"><c r="A5" t="inlineStr"><is><t>e1</t></is></c><c r="Z5"><v>3</v></c></row>"#
        )
        do {
            _ = try ScoreSheetParser.parseWorkbook(bytes: bytes, file: "m1.xlsx")
            Issue.record("expected errors")
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "m1.xlsx:Sheet1!Z5: error: cell lies beyond the score sheet's columns (at most 12); a score sheet "
                        + "has only the columns member,bidder,criterion,score,reason,no-conflict,registration-id,"
                        + "criterion-name,maximum,allowed-scores,guidance"
                ]
            )
        }
        let withoutTheWideRow = Self.sheet(
            Self.row(2, score: #"<c r="D2" t="inlineStr"><is><t>8,5</t></is></c>"#)
                + Self.row(3, score: #"<c r="D3" t="e"><v>#DIV/0!</v></c>"#)
                + #"<row r="4"><c r="A4" t="inlineStr"><is><t>e1</t></is></c><c r="D4"><v>3</v></c></row>"#
        )
        do {
            _ = try ScoreSheetParser.parseWorkbook(bytes: withoutTheWideRow, file: "m1.xlsx")
            Issue.record("expected errors")
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "m1.xlsx:Sheet1!D2: error: score '8,5' is not a plain decimal number",
                    "m1.xlsx:Sheet1!D3: error: score '#DIV/0!' is not a plain decimal number",
                    "m1.xlsx:Sheet1!B4: error: bidder is empty",
                    "m1.xlsx:Sheet1!C4: error: criterion is empty",
                ]
            )
        }
    }

    @Test func aWorkbookThatIsNotAScoreSheetSaysSoAtItsHeader() {
        let xml =
            #"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
            + #"<row r="3"><c r="B3" t="inlineStr"><is><t>Bidder</t></is></c></row></sheetData></worksheet>"#
        do {
            _ = try ScoreSheetParser.parseWorkbook(
                bytes: ZipBuilder.minimalWorkbook(sheet: xml).bytes(),
                file: "m1.xlsx"
            )
            Issue.record("expected an error")
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "m1.xlsx:Sheet1!A3: error: file is not a score sheet: its header is ',Bidder', expected "
                        + "'member,bidder,criterion,score' (or '评委,投标人,评审因素,得分')"
                ]
            )
        }
    }
}
