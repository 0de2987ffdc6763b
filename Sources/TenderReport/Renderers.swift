public import TenderModel

/// The four report formats of one evaluation. Pure functions: no file, no clock, no environment; the same
/// evaluation and context always give the same bytes.
public enum ReportRenderer {
    /// `report.md`: header, outcome, ranking, committee flags, then every bid with its gates, each criterion's
    /// fact, rule and points, and the sum of its total, so a reader can recompute every total by hand.
    public static func markdown(_ evaluation: Evaluation, context: ReportContext) -> String {
        let buffer = ReportBuffer()
        writeMarkdown(evaluation, context: context, to: buffer)
        return buffer.text
    }

    /// `report.md` written into `sink` as it is built, one bid's explanation at a time.
    public static func writeMarkdown(_ evaluation: Evaluation, context: ReportContext, to sink: some ReportSink) {
        let builder = ReportBuilder(evaluation: evaluation, context: context)
        var writer = MarkdownWriter.Streaming(sink: sink, title: builder.title)
        builder.write(to: &writer)
    }

    /// `report.html`: the Markdown report's content as one self-contained, printable page (inline CSS, no
    /// script, one bidder per printed page) with an inline SVG chart of the group scores. All bidder, rubric and
    /// score-sheet text is HTML-escaped.
    public static func html(_ evaluation: Evaluation, context: ReportContext) -> String {
        let buffer = ReportBuffer()
        writeHTML(evaluation, context: context, to: buffer)
        return buffer.text
    }

    /// `report.html` written into `sink` as it is built, one bid's explanation at a time.
    public static func writeHTML(_ evaluation: Evaluation, context: ReportContext, to sink: some ReportSink) {
        let builder = ReportBuilder(evaluation: evaluation, context: context)
        var writer = HTMLWriter.Streaming(
            sink: sink,
            title: builder.title,
            language: builder.labels.htmlLanguage,
            chart: GroupChart.svg(builder)
        )
        builder.write(to: &writer)
        writer.finish()
    }

    /// One bid's full explanation in Markdown, exactly as `report.md` states it (gates, every criterion's fact,
    /// rule and points, the price formula, the total as a sum), under the report's title: what
    /// `tender-eval explain` prints for any bid, however many bids the tender has.
    public static func explanation(of result: BidResult, in evaluation: Evaluation, context: ReportContext) -> String {
        let builder = ReportBuilder(evaluation: evaluation, context: context)
        let index = evaluation.results.firstIndex(of: result).map { $0 + 1 } ?? 1
        return MarkdownWriter.document(
            title: builder.title,
            blocks: [.section(builder.bidSection(result, anchor: "bid-\(index)", pageBreakBefore: false))]
        )
    }

    /// `scores.csv`: one row per bid (valid in rank order, then disqualified, then not evaluated), RFC 4180 with
    /// CRLF, UTF-8 with a byte order mark, cells that a spreadsheet would run as formulas neutralised.
    public static func csv(_ evaluation: Evaluation, context: ReportContext) -> String {
        CSVWriter.document(ReportBuilder(evaluation: evaluation, context: context))
    }

    /// `scores.csv` written into `sink` one record at a time.
    public static func writeCSV(_ evaluation: Evaluation, context: ReportContext, to sink: some ReportSink) {
        CSVWriter.write(ReportBuilder(evaluation: evaluation, context: context), to: sink)
    }

    /// All four reports, as text (for tests and small tenders; `score` streams each into its file instead).
    public static func documents(_ evaluation: Evaluation, context: ReportContext) -> ReportDocuments {
        ReportDocuments(
            markdown: markdown(evaluation, context: context),
            html: html(evaluation, context: context),
            csv: csv(evaluation, context: context),
            json: json(evaluation, context: context)
        )
    }

    /// The four report files in the order `score` writes them, each as its name and the function that streams
    /// it into a sink.
    public static let files: [(name: String, write: @Sendable (Evaluation, ReportContext, any ReportSink) -> Void)] = [
        ("report.md", { writeMarkdown($0, context: $1, to: $2) }),
        ("report.html", { writeHTML($0, context: $1, to: $2) }),
        ("scores.csv", { writeCSV($0, context: $1, to: $2) }),
        ("result.json", { writeJSON($0, context: $1, to: $2) }),
    ]

    /// `result.json`: everything in the evaluation as data, exact decimals, sorted keys, compact (two-space indent
    /// with `context.prettyJSON`), and a trailing newline. It does not depend on `context.language`.
    public static func json(_ evaluation: Evaluation, context: ReportContext) -> String {
        let buffer = ReportBuffer()
        writeJSON(evaluation, context: context, to: buffer)
        return buffer.text
    }

    /// `result.json` written into `sink` one bid's result at a time.
    public static func writeJSON(_ evaluation: Evaluation, context: ReportContext, to sink: some ReportSink) {
        ResultJSON.write(evaluation, context: context, to: sink)
    }
}

/// The four report files of one evaluation, as text.
public struct ReportDocuments: Hashable, Sendable {
    public var markdown: String
    public var html: String
    public var csv: String
    public var json: String
}

/// `manifest.json`: the SHA-256 of every input and output of a run, and the tool version, so a published report
/// can be checked against the files it came from.
public enum ManifestRenderer {
    /// Inputs and outputs are each sorted by path (UTF-8 byte order); keys are sorted; two-space indent and a
    /// trailing newline.
    public static func render(
        toolVersion: String,
        inputs: [(path: String, sha256: String)],
        outputs: [(path: String, sha256: String)],
        decisionsHead: String? = nil
    ) -> String {
        func entries(_ files: [(path: String, sha256: String)]) -> JSONValue {
            .array(
                files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
                    .map { .object(["path": .string($0.path), "sha256": .string($0.sha256)]) }
            )
        }
        var fields: [String: JSONValue] = [
            "tool": .string("tender-eval"),
            "toolVersion": .string(toolVersion),
            "inputs": entries(inputs),
            "outputs": entries(outputs),
        ]
        // The hash of the last recorded decision: a later run whose decisions file has the same head applied the
        // same decisions, and an edit of the last entry shows here.
        if let decisionsHead { fields["decisionsHead"] = .string(decisionsHead) }
        return JSONValue.object(fields).rendered()
    }

    /// The same, taking the inputs as the report context holds them.
    public static func render(
        toolVersion: String,
        inputs: [ReportInput],
        outputs: [(path: String, sha256: String)]
    ) -> String {
        render(toolVersion: toolVersion, inputs: inputs.map { ($0.path, $0.sha256) }, outputs: outputs)
    }
}
