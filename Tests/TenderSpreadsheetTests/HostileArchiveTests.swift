import Foundation
import TenderCore
import TenderIntake
import Testing

/// Each hostile or broken `.xlsx` gives one clear diagnostic located at the file (or the sheet and cell), never a
/// crash or a hang.
@Suite struct HostileArchiveTests {
    private func diagnostics(_ bytes: [UInt8], limits: SpreadsheetReadLimits = SpreadsheetReadLimits()) -> [String] {
        do {
            _ = try XLSXReader.read(bytes, file: "m1.xlsx", limits: limits)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    private static let plainSheet =
        #"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>"#

    @Test func theMinimalWorkbookReads() throws {
        let contents = try XLSXReader.read(ZipBuilder.minimalWorkbook(sheet: Self.plainSheet).bytes(), file: "m1.xlsx")
        #expect(contents.sheets.first?.value(at: SampleWorkbook.cell("A1")) == .number(SpreadsheetNumber(integer: 1)))
    }

    @Test func aTextFileRenamedXLSX() {
        #expect(
            diagnostics(Array("Bidder,Score\nA,7.5\n".utf8))
                == ["m1.xlsx: error: not an .xlsx workbook: the file is not a zip archive"]
        )
        #expect(diagnostics([]) == ["m1.xlsx: error: the .xlsx file is empty"])
    }

    @Test func anOldXLSOrAPasswordProtectedWorkbook() {
        let compound: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
        #expect(
            diagnostics(compound) == [
                "m1.xlsx: error: not an .xlsx workbook but an OLE2 compound file: an Excel 97-2003 .xls workbook, "
                    + "or an .xlsx saved with a password; save it as an .xlsx workbook without a password"
            ]
        )
    }

    @Test func aTruncatedArchive() throws {
        let bytes = try SampleWorkbook.bytes()
        #expect(
            diagnostics(Array(bytes.prefix(bytes.count / 2)))
                == ["m1.xlsx: error: the .xlsx file is truncated or damaged: its zip directory is missing"]
        )
        #expect(
            diagnostics(Array(bytes.dropLast(1)))
                == ["m1.xlsx: error: the .xlsx file is truncated or damaged: its zip directory is missing"]
        )
    }

    @Test(arguments: ["../../etc/passwd", "/etc/passwd", #"xl\..\..\evil.xml"#, "xl/./x.xml", "C:/evil.xml"])
    func pathTraversalNames(name: String) {
        var zip = ZipBuilder.minimalWorkbook(sheet: Self.plainSheet)
        zip.add(name, "evil")
        #expect(
            diagnostics(zip.bytes()) == [
                "m1.xlsx: error: the .xlsx file contains an entry with an unsafe name '\(name)' (an absolute path, "
                    + "'..', a backslash or a control character); it was not written by a spreadsheet program"
            ]
        )
    }

    @Test func anEncryptedEntry() {
        var zip = ZipBuilder.minimalWorkbook(sheet: Self.plainSheet)
        zip.entries[2].flags = 1
        #expect(
            diagnostics(zip.bytes()) == [
                "m1.xlsx: error: the .xlsx file's entry 'xl/workbook.xml' is encrypted; save the workbook without a "
                    + "password"
            ]
        )
    }

    @Test func twoEntriesWithOneName() {
        var zip = ZipBuilder.minimalWorkbook(sheet: Self.plainSheet)
        zip.add("XL/Workbook.xml", "<x/>")
        #expect(
            diagnostics(zip.bytes()) == ["m1.xlsx: error: the .xlsx file contains two entries named 'XL/Workbook.xml'"]
        )
    }

    @Test func aZipBombThatLiesAboutItsSize() {
        var zip = ZipBuilder.minimalWorkbook(sheet: Self.plainSheet)
        let bomb = ZeroBomb.deflated(repeats: 100_000)
        zip.entries[4] = ZipBuilder.Entry(
            name: "xl/worksheets/sheet1.xml",
            data: bomb,
            method: 8,
            uncompressedSize: 4096
        )
        #expect(
            diagnostics(zip.bytes()) == [
                "m1.xlsx:Sheet1: error: the .xlsx file's entry 'xl/worksheets/sheet1.xml' expands beyond the 4096 "
                    + "bytes its header declares (a damaged or hostile archive)"
            ]
        )
    }

    @Test func aZipBombThatDeclaresItsSize() {
        var zip = ZipBuilder.minimalWorkbook(sheet: Self.plainSheet)
        let repeats = 300_000
        zip.entries[4] = ZipBuilder.Entry(
            name: "xl/worksheets/sheet1.xml",
            data: ZeroBomb.deflated(repeats: repeats),
            method: 8,
            uncompressedSize: ZeroBomb.expandedSize(repeats: repeats)
        )
        let total = zip.entries.reduce(0) { $0 + ($1.uncompressedSize ?? $1.data.count) }
        #expect(
            diagnostics(zip.bytes()) == [
                "m1.xlsx: error: the .xlsx file expands to \(total) bytes; the limit is 67108864 bytes (a zip bomb, "
                    + "or not a score sheet)"
            ]
        )
    }

    @Test func anEntryThatExpandsTooManyTimes() {
        var zip = ZipBuilder.minimalWorkbook(sheet: Self.plainSheet)
        let repeats = 20_000
        let bomb = ZeroBomb.deflated(repeats: repeats)
        let size = ZeroBomb.expandedSize(repeats: repeats)
        zip.entries[4] = ZipBuilder.Entry(
            name: "xl/worksheets/sheet1.xml",
            data: bomb,
            method: 8,
            uncompressedSize: size
        )
        #expect(
            diagnostics(zip.bytes(), limits: SpreadsheetReadLimits(maximumCompressionRatio: 100)) == [
                "m1.xlsx: error: the .xlsx file's entry 'xl/worksheets/sheet1.xml' expands \(size / bomb.count) "
                    + "times its compressed size; the limit is 100 (a zip bomb, not a workbook)"
            ]
        )
    }

    @Test func aTruncatedDeflateStream() {
        var zip = ZipBuilder.minimalWorkbook(sheet: Self.plainSheet)
        let bomb = ZeroBomb.deflated(repeats: 1000)
        zip.entries[4] = ZipBuilder.Entry(
            name: "xl/worksheets/sheet1.xml",
            data: Array(bomb.prefix(bomb.count / 2)),
            method: 8,
            uncompressedSize: ZeroBomb.expandedSize(repeats: 1000)
        )
        let problems = diagnostics(zip.bytes())
        // zlib reads the padding after the cut as more input; either way the entry is refused as damaged.
        #expect(
            problems == [
                "m1.xlsx:Sheet1: error: the .xlsx file's entry 'xl/worksheets/sheet1.xml' is damaged: its compressed "
                    + "data cannot be read"
            ]
                || problems == [
                    "m1.xlsx:Sheet1: error: the .xlsx file's entry 'xl/worksheets/sheet1.xml' is damaged: its "
                        + "checksum does not match"
                ]
        )
    }

    @Test func aChecksumMismatch() {
        var zip = ZipBuilder.minimalWorkbook(sheet: Self.plainSheet)
        zip.entries[4].crc32 = 0xDEAD_BEEF
        #expect(
            diagnostics(zip.bytes()) == [
                "m1.xlsx:Sheet1: error: the .xlsx file's entry 'xl/worksheets/sheet1.xml' is damaged: its checksum "
                    + "does not match"
            ]
        )
    }

    @Test func anEntryPointingOutsideTheFile() {
        var bytes = ZipBuilder.minimalWorkbook(sheet: Self.plainSheet).bytes()
        // The last directory record's local-header offset (42 bytes into the record) is set beyond the file.
        let endRecord = bytes.count - 22
        let directoryOffset = Int(bytes[endRecord + 16]) | Int(bytes[endRecord + 17]) << 8
        var position = directoryOffset
        var lastRecord = position
        while position < endRecord {
            lastRecord = position
            let nameLength = Int(bytes[position + 28]) | Int(bytes[position + 29]) << 8
            position += 46 + nameLength
        }
        bytes[lastRecord + 42] = 0xFF
        bytes[lastRecord + 43] = 0xFF
        bytes[lastRecord + 44] = 0xFF
        bytes[lastRecord + 45] = 0x7F
        #expect(
            diagnostics(bytes) == [
                "m1.xlsx: error: the .xlsx file is damaged: its entry 'xl/worksheets/sheet1.xml' lies outside the file"
            ]
        )
    }

    @Test func aMissingWorkbookPart() {
        var zip = ZipBuilder.minimalWorkbook(sheet: Self.plainSheet)
        zip.entries.remove(at: 2)
        #expect(
            diagnostics(zip.bytes()) == [
                "m1.xlsx: error: the .xlsx file has no workbook part (xl/workbook.xml): it is not an Excel workbook"
            ]
        )
    }

    @Test func aMissingSheetPart() {
        var zip = ZipBuilder.minimalWorkbook(sheet: Self.plainSheet)
        zip.entries.remove(at: 4)
        #expect(
            diagnostics(zip.bytes()) == [
                "m1.xlsx:Sheet1: error: sheet 'Sheet1' refers to part xl/worksheets/sheet1.xml, which is missing "
                    + "from the file"
            ]
        )
    }

    @Test func aRelationshipThatClimbsOutOfThePackage() {
        var zip = ZipBuilder.minimalWorkbook(sheet: Self.plainSheet)
        zip.entries[3].data = Array(
            String(decoding: zip.entries[3].data, as: UTF8.self)
                .replacing("worksheets/sheet1.xml", with: "../../../etc/passwd").utf8
        )
        #expect(
            diagnostics(zip.bytes()) == [
                "m1.xlsx: error: part xl/_rels/workbook.xml.rels points outside the package ('../../../etc/passwd'); "
                    + "it was not written by a spreadsheet program"
            ]
        )
    }

    @Test func anExternalEntityInTheSheet() {
        let sheet =
            #"<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>"#
            + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">"#
            + #"<c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>"#
        #expect(
            diagnostics(ZipBuilder.minimalWorkbook(sheet: sheet).bytes()) == [
                "m1.xlsx:Sheet1: error: part xl/worksheets/sheet1.xml declares a DTD or an entity, which no workbook "
                    + "needs; it is refused for safety (line 1)"
            ]
        )
    }

    @Test func billionLaughsInTheSharedStrings() {
        let strings =
            #"<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>"#
            + #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&b;</t></si></sst>"#
        #expect(
            diagnostics(ZipBuilder.minimalWorkbook(sheet: Self.plainSheet, sharedStrings: strings).bytes()) == [
                "m1.xlsx: error: part xl/sharedStrings.xml declares a DTD or an entity, which no workbook needs; it is "
                    + "refused for safety (line 1)"
            ]
        )
    }

    @Test func aSheetThatIsNotXML() {
        #expect(
            diagnostics(ZipBuilder.minimalWorkbook(sheet: "<worksheet><sheetData>").bytes()).first?
                .hasPrefix("m1.xlsx:Sheet1: error: part xl/worksheets/sheet1.xml is not well-formed XML: ") == true
        )
    }

    @Test func badCellsAreLocatedAtTheirCell() {
        let sheet =
            #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
            + #"<row r="7"><c r="C7"><v>1,5</v></c><c r="D7" t="s"><v>9</v></c><c r="E7" t="b"><v>2</v></c>"#
            + #"<c r="F7" t="x"><v>1</v></c></row></sheetData></worksheet>"#
        #expect(
            diagnostics(ZipBuilder.minimalWorkbook(sheet: sheet).bytes()) == [
                "m1.xlsx:Sheet1!C7: error: cell holds '1,5', which is not a number (not a plain decimal number)",
                "m1.xlsx:Sheet1!D7: error: cell refers to shared string '9', which the workbook does not have",
                "m1.xlsx:Sheet1!E7: error: cell holds '2', which is not a boolean",
                "m1.xlsx:Sheet1!F7: error: cell has the unknown type 'x'",
            ]
        )
    }

    @Test func cellsOutOfOrder() {
        let sheet =
            #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
            + #"<row r="2"><c r="B2"><v>1</v></c><c r="A2"><v>1</v></c></row></sheetData></worksheet>"#
        #expect(
            diagnostics(ZipBuilder.minimalWorkbook(sheet: sheet).bytes())
                == ["m1.xlsx:Sheet1: error: row 2 holds its cells out of order or twice"]
        )
    }

    @Test func tooManyCells() {
        let cells = (1...20).map { #"<c r="A\#($0)"><v>1</v></c>"# }
        let rows = cells.enumerated().map { #"<row r="\#($0.offset + 1)">\#($0.element)</row>"# }.joined()
        let sheet =
            #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
            + rows + "</sheetData></worksheet>"
        #expect(
            diagnostics(
                ZipBuilder.minimalWorkbook(sheet: sheet).bytes(),
                limits: SpreadsheetReadLimits(maximumCellsPerSheet: 10)
            ) == ["m1.xlsx:Sheet1: error: the sheet has more than 10 cells, the limit"]
        )
    }
}
