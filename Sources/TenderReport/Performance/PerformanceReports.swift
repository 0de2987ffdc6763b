public import TenderModel

/// The performance reports of one contract (issue 10, `tender-eval perf report`): the contract-period report
/// (`period.{md,html,csv,json}`) and one monthly report per month (`months/YYYY-MM.{md,html,csv,json}`). Pure:
/// they write into a `ReportSink` and read nothing but the input, so the same input gives the same bytes.
public enum PerformanceReports {
    /// `period.md`: the contract, a summary, one row per month, rules raised, corrections, superseded
    /// computations and the sheets recorded.
    public static func writePeriodMarkdown(
        _ input: PerformanceReportInput,
        language: ReportLanguage,
        to sink: some ReportSink
    ) {
        let builder = PerformanceReportBuilder(input: input, language: language)
        write(builder.periodBlocks(), to: MarkdownWriter.Streaming(sink: sink, title: builder.periodTitle))
    }

    /// `period.html`: as `period.md`, one self-contained printable page (A4, inline CSS, no script, no external
    /// resource) with the inline SVG trend chart.
    public static func writePeriodHTML(
        _ input: PerformanceReportInput,
        language: ReportLanguage,
        to sink: some ReportSink
    ) {
        let builder = PerformanceReportBuilder(input: input, language: language)
        let writer = HTMLWriter.Streaming(
            sink: sink,
            title: builder.periodTitle,
            language: builder.labels.htmlLanguage,
            chart: PerformanceChart.svg(builder),
            style: style
        )
        write(builder.periodBlocks(), to: writer)
        writer.finish()
    }

    /// `period.csv`: one row per month (RFC 4180, CRLF, UTF-8 with a byte order mark).
    public static func writePeriodCSV(
        _ input: PerformanceReportInput,
        language: ReportLanguage,
        to sink: some ReportSink
    ) {
        PerformanceCSV.writePeriod(PerformanceReportBuilder(input: input, language: language), to: sink)
    }

    /// `period.json`: compact, sorted keys, exact values as strings, a trailing newline; the same in every
    /// language.
    public static func writePeriodJSON(_ input: PerformanceReportInput, to sink: some ReportSink) {
        PerformanceJSON.period(PerformanceReportBuilder(input: input, language: .en)).write(to: sink, pretty: false)
        sink.write("\n")
    }

    /// `months/YYYY-MM.md`: every formula of the month with its numbers, the survey distribution, team and
    /// department scores with reasons, patrol findings with their evidence, corrections applied. A month without
    /// a score says why and lists what is recorded.
    public static func writeMonthMarkdown(
        _ input: PerformanceReportInput,
        month: YearMonth,
        language: ReportLanguage,
        to sink: some ReportSink
    ) {
        let builder = PerformanceReportBuilder(input: input, language: language)
        write(builder.monthBlocks(month), to: MarkdownWriter.Streaming(sink: sink, title: builder.monthTitle(month)))
    }

    /// `months/YYYY-MM.html`: as the Markdown, one self-contained printable page.
    public static func writeMonthHTML(
        _ input: PerformanceReportInput,
        month: YearMonth,
        language: ReportLanguage,
        to sink: some ReportSink
    ) {
        let builder = PerformanceReportBuilder(input: input, language: language)
        let writer = HTMLWriter.Streaming(
            sink: sink,
            title: builder.monthTitle(month),
            language: builder.labels.htmlLanguage,
            chart: "",
            style: style
        )
        write(builder.monthBlocks(month), to: writer)
        writer.finish()
    }

    /// `months/YYYY-MM.csv`: one row per source, team score, department score and patrol finding, then the score.
    public static func writeMonthCSV(
        _ input: PerformanceReportInput,
        month: YearMonth,
        language: ReportLanguage,
        to sink: some ReportSink
    ) {
        PerformanceCSV.writeMonth(PerformanceReportBuilder(input: input, language: language), month: month, to: sink)
    }

    /// `months/YYYY-MM.json`: the month's evaluation and records as data; the same in every language.
    public static func writeMonthJSON(_ input: PerformanceReportInput, month: YearMonth, to sink: some ReportSink) {
        PerformanceJSON.month(PerformanceReportBuilder(input: input, language: .en), month: month)
            .write(to: sink, pretty: false)
        sink.write("\n")
    }

    /// The period report's four files, in the order to write them.
    public static func periodFiles(_ input: PerformanceReportInput, language: ReportLanguage)
        -> [PerformanceReportFile]
    {
        [
            PerformanceReportFile(name: "period.md") { writePeriodMarkdown(input, language: language, to: $0) },
            PerformanceReportFile(name: "period.html") { writePeriodHTML(input, language: language, to: $0) },
            PerformanceReportFile(name: "period.csv") { writePeriodCSV(input, language: language, to: $0) },
            PerformanceReportFile(name: "period.json") { writePeriodJSON(input, to: $0) },
        ]
    }

    /// One month's four files, named `months/YYYY-MM.*`.
    public static func monthFiles(_ input: PerformanceReportInput, month: YearMonth, language: ReportLanguage)
        -> [PerformanceReportFile]
    {
        let stem = "months/" + month.description
        return [
            PerformanceReportFile(name: stem + ".md") {
                writeMonthMarkdown(input, month: month, language: language, to: $0)
            },
            PerformanceReportFile(name: stem + ".html") {
                writeMonthHTML(input, month: month, language: language, to: $0)
            },
            PerformanceReportFile(name: stem + ".csv") {
                writeMonthCSV(input, month: month, language: language, to: $0)
            },
            PerformanceReportFile(name: stem + ".json") { writeMonthJSON(input, month: month, to: $0) },
        ]
    }

    /// Every month the reports speak of (scored, stale or pending), ascending: the months `monthFiles` is
    /// meant for.
    public static func reportedMonths(_ input: PerformanceReportInput) -> [YearMonth] {
        PerformanceReportBuilder(input: input, language: .en).reportedMonths
    }

    private static func write(_ blocks: [Block], to writer: some BlockWriter) {
        var writer = writer
        for block in blocks {
            writer.write(block)
        }
    }

    /// Hashes and file names may break anywhere; months, dates, finding numbers, places and service names never
    /// (a CJK name split per character is unreadable on paper); a finding's description and a corrected score,
    /// which carries its origin and reason, wrap inside their columns so the table stays on A4.
    static let style = """
        #sheets td, #findings td:nth-child(7), #findings td:nth-child(8) { overflow-wrap: anywhere; }
        #findings td:nth-child(8) { font-size: 7pt; }
        #months td:first-child, #superseded td:first-child, #corrections td:nth-child(2), #corrections td:nth-child(3), \
        #findings td:nth-child(1), #findings td:nth-child(2), #findings td:nth-child(3), \
        #findings td:nth-child(4) { white-space: nowrap; }
        #departments td.num, #teams td.num, #findings td.num { white-space: normal; }
        #calculation td { white-space: normal; }
        #summary figure { break-inside: avoid; page-break-inside: avoid; }
        """
}

/// One report file: its path relative to the output folder and the function that writes it.
public struct PerformanceReportFile: Sendable {
    public let name: String
    public let write: @Sendable (any ReportSink) -> Void

    public init(name: String, write: @escaping @Sendable (any ReportSink) -> Void) {
        self.name = name
        self.write = write
    }

    /// The file's text (for tests and small outputs).
    public var text: String {
        let buffer = ReportBuffer()
        write(buffer)
        return buffer.text
    }
}
