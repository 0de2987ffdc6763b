import Foundation
import TenderCore
import Testing

@Suite struct ExactDecimalTests {
    @Test(arguments: ["0", "30", "33.3", "-2", "+5", "2288231.72", "0.000001", "123456789012345678"])
    func plainNumeralsAreAccepted(text: String) {
        #expect(Decimal(exactly: text) != nil)
    }

    @Test(arguments: [
        "", "-", ".5", "5.", "1e3", "1E3", "0x1F", "NaN", "nan", ".inf", "inf", "12abc", "1,000", " 5", "5 ",
        "1.2.3", "--1", "1234567890123456789",
    ])
    func anythingElseIsRefused(text: String) {
        #expect(Decimal(exactly: text) == nil)
    }

    @Test func decimalSumsAreExact() {
        let parts = ["33.3", "33.3", "33.4"].compactMap { Decimal(exactly: $0) }
        #expect(parts.reduce(0, +) == 100)
        let tenths = ["0.1", "0.2"].compactMap { Decimal(exactly: $0) }
        #expect(tenths.reduce(0, +) == Decimal(exactly: "0.3"))
    }

    @Test func roundingIsHalfAwayFromZero() {
        #expect(Decimal(exactly: "2.345")!.rounded(places: 2) == Decimal(exactly: "2.35"))
        #expect(Decimal(exactly: "-2.345")!.rounded(places: 2) == Decimal(exactly: "-2.35"))
        #expect(Decimal(exactly: "2.3449")!.rounded(places: 2) == Decimal(exactly: "2.34"))
        #expect(Decimal(exactly: "0.5")!.rounded(places: 0) == 1)
    }

    @Test func fixedTextHasExactlyTheRequestedDecimals() {
        #expect(Decimal(exactly: "20")!.fixed(places: 2) == "20.00")
        #expect(Decimal(exactly: "19.9282")!.fixed(places: 2) == "19.93")
        #expect(Decimal(exactly: "0.005")!.fixed(places: 2) == "0.01")
        #expect(Decimal(exactly: "-0.004")!.fixed(places: 2) == "0.00")
        #expect(Decimal(exactly: "7")!.fixed(places: 0) == "7")
        #expect(Decimal(exactly: "1234567.5")!.fixed(places: 1) == "1234567.5")
        #expect(Decimal(exactly: "0.5")!.plainText == "0.5")
        #expect(Decimal(exactly: "1.250")!.decimalPlaces == 2)
    }
}

@Suite struct DiagnosticTests {
    @Test func descriptionsFollowTheCompilerFormat() {
        let full = Diagnostic.error("points must be positive", at: SourceLocation(file: "r.yaml", line: 6, column: 5))
        #expect(full.description == "r.yaml:6:5: error: points must be positive")
        let lineOnly = Diagnostic.warning("no column", at: SourceLocation(file: "b.xml", line: 3))
        #expect(lineOnly.description == "b.xml:3: warning: no column")
        #expect(Diagnostic.note("bare").description == "note: bare")
        #expect(Diagnostic.error("x", at: SourceLocation(file: "f", column: 4)).description == "f: error: x")
    }

    @Test func aQuotedLineBreakNeverSplitsTheDiagnosticLine() {
        let diagnostic = Diagnostic.error(
            "found '\n- 3 >\r\n-'",
            at: SourceLocation(file: "r.yaml", line: 1, column: 1)
        )
        #expect(diagnostic.description == "r.yaml:1:1: error: found '\\n- 3 >\\r\\n-'")
    }

    @Test func collectorThrowsOnlyWhenThereIsAnError() throws {
        var collector = DiagnosticCollector()
        collector.warning("just a warning", at: nil)
        try collector.throwIfErrors()
        collector.error("now an error", at: SourceLocation(file: "f", line: 1, column: 1))
        let error = #expect(throws: DiagnosticError.self) { try collector.throwIfErrors() }
        #expect(error?.description == "warning: just a warning\nf:1:1: error: now an error")
    }
}

@Suite struct TextDecodingTests {
    @Test func invalidUTF8IsReportedAtItsLineAndColumn() {
        let bytes = Array("ok: 1\nname: 甲".utf8) + [0xC0, 0xAF] + Array("\n".utf8)
        let error = #expect(throws: DiagnosticError.self) { try TextDecoding.decodeUTF8(bytes, file: "r.yaml") }
        #expect(
            error?.description == "r.yaml:2:8: error: file is not valid UTF-8 (byte 0xC0 cannot start or continue "
                + "a character); save it as UTF-8"
        )
    }

    @Test(arguments: [
        ([0xED, 0xA0, 0x80] as [UInt8], 0),  // a UTF-16 surrogate
        ([0xF4, 0x90, 0x80, 0x80], 0),  // above U+10FFFF
        ([0xE0, 0x80, 0xAF], 0),  // overlong
        ([0x41, 0xE4, 0xB8], 1),  // truncated at the end
        ([0x41, 0xE4, 0xB8, 0xAD], nil),  // 中
    ])
    func strictUTF8Validation(bytes: [UInt8], firstInvalid: Int?) {
        #expect(TextDecoding.firstInvalidUTF8Offset(bytes) == firstInvalid)
    }

    @Test func byteOrderMarkIsDropped() throws {
        #expect(try TextDecoding.decodeUTF8([0xEF, 0xBB, 0xBF, 0x61], file: "f") == "a")
    }

    @Test func gb18030IncludingFourByteCharactersDecodes() throws {
        // 喆 (GBK-only) = 86 B4; 𠮷 (U+20BB7) = 95 34 B2 35 in GB18030.
        let text = try TextDecoding.decode([0x86, 0xB4, 0x95, 0x34, 0xB2, 0x35], as: .gb18030, file: "s.csv")
        #expect(text == "喆𠮷")
    }

    @Test func invalidGB18030IsAnErrorNotMojibake() {
        let error = #expect(throws: DiagnosticError.self) {
            try TextDecoding.decode(Array("a\nb".utf8) + [0x81, 0x20], as: .gb18030, file: "s.csv")
        }
        #expect(error?.diagnostics.first?.location == SourceLocation(file: "s.csv", line: 2, column: 2))
    }
}
