import TenderCore
import TenderModel
import TenderReport
import Testing

/// A reason typed on a team sheet reaches the monthly CSV with its control characters and bidi overrides made
/// visible, as it does the Markdown and the HTML.
@Suite struct PerformanceCSVEscapingTests {
    @Test func controlCharactersInASheetReasonAreShownNotPassedThrough() throws {
        var input = PerformanceSample.input
        let month = PerformanceSample.month("2021-03")
        var records = try #require(input.records[month])
        records.teams[0].reason = "\u{1B}[31m红字\u{202E}反转"
        input.records[month] = records
        let csv = try #require(
            PerformanceReports.monthFiles(input, month: month, language: .zh).first { $0.name.hasSuffix(".csv") }
        ).text
        #expect(!csv.unicodeScalars.contains("\u{1B}"))
        #expect(!csv.unicodeScalars.contains("\u{202E}"))
        #expect(csv.contains("\\u{1B}[31m红字\\u{202E}反转"), "\(csv)")
    }
}
