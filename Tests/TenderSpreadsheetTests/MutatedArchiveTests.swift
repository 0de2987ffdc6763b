import TenderCore
import TenderIntake
import Testing

/// Truncated and mutated copies of a valid workbook: each is read or refused with located diagnostics, and none
/// crashes or hangs the reader (a crash would end the test process).
@Suite struct MutatedArchiveTests {
    /// A fixed-seed generator, so that every run tries the same inputs.
    private struct SplitMix {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }

        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    }

    private func checkReads(_ bytes: [UInt8]) {
        do {
            _ = try XLSXReader.read(bytes, file: "m1.xlsx")
        } catch {
            #expect(!error.diagnostics.isEmpty)
            for diagnostic in error.diagnostics {
                #expect(diagnostic.severity == .error)
                #expect(diagnostic.location?.file == "m1.xlsx")
                #expect(!diagnostic.message.isEmpty)
            }
        }
    }

    @Test func everyTruncationIsReadOrRefused() throws {
        let bytes = try SampleWorkbook.bytes()
        for length in stride(from: 0, to: bytes.count, by: max(bytes.count / 400, 1)) {
            checkReads(Array(bytes.prefix(length)))
        }
    }

    @Test func mutatedBytesAreReadOrRefused() throws {
        let bytes = try SampleWorkbook.bytes()
        var random = SplitMix(state: 20_261_126)
        for _ in 0..<1500 {
            var mutated = bytes
            for _ in 0..<(1 + random.below(4)) {
                let position = random.below(mutated.count)
                switch random.below(3) {
                case 0: mutated[position] = UInt8(truncatingIfNeeded: random.next())
                case 1: mutated[position] ^= 1 << UInt8(random.below(8))
                default: mutated[position] = [0x00, 0xFF, 0x7F, 0x80][random.below(4)]
                }
            }
            checkReads(mutated)
        }
    }

    @Test func mutatedHeadersOfAStoredArchiveAreReadOrRefused() {
        // Stored entries keep the XML in the clear, so mutations reach the XML parser and the cell reader too.
        let sheet =
            #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
            + #"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>7.5</v></c></row></sheetData></worksheet>"#
        let strings =
            #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>x</t></si></sst>"#
        let bytes = ZipBuilder.minimalWorkbook(sheet: sheet, sharedStrings: strings).bytes()
        var random = SplitMix(state: 7)
        for _ in 0..<1500 {
            var mutated = bytes
            let position = random.below(mutated.count)
            mutated[position] = UInt8(truncatingIfNeeded: random.next())
            checkReads(mutated)
        }
    }
}
