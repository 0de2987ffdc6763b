public import TenderCore
import TenderModel
import TenderReport

/// `tender-eval explain`: the full explanation of one bid, found by its bidder's name, its registration id or its
/// file, compared the way identities always are (`BidderIdentity`).
public enum Explanation {
    public struct Run: Sendable {
        /// The bid's explanation in Markdown, for standard output.
        public var markdown: String
        /// What the evaluation found on the way, for standard error.
        public var diagnostics: [Diagnostic]
    }

    /// - Throws: `DiagnosticError` when the tender cannot be evaluated, or when `bidder` names no bid or more
    ///   than one.
    public static func run(_ request: ScoreRequest, bidder: String) throws(DiagnosticError) -> Run {
        let scored = try ScorePipeline.evaluate(request)
        let evaluation = scored.evaluation
        let found = evaluation.results.filter { isBid($0, of: bidder) }
        guard found.count == 1, let result = found.first else {
            let shown = VisibleText.excerpt(bidder, limit: 80)
            if found.isEmpty {
                throw DiagnosticError(
                    .error(
                        "no bid of a bidder named or registered as '\(shown)', nor a bid file of that name, among "
                            + "the \(evaluation.results.count) bids"
                    )
                )
            }
            let files = found.map { VisibleText.escaped($0.file) }.joined(separator: ", ")
            throw DiagnosticError(
                .error("'\(shown)' matches \(found.count) bids (\(files)); name one of the files instead")
            )
        }
        let context = ReportContext(
            language: request.language,
            toolVersion: ToolVersion.current,
            inputs: []
        )
        return Run(
            markdown: ReportRenderer.explanation(of: result, in: evaluation, context: context),
            diagnostics: scored.diagnostics
        )
    }

    private static func isBid(_ result: BidResult, of wanted: String) -> Bool {
        if result.file == wanted || result.file == VisibleText.escaped(wanted) { return true }
        if let name = result.bidderName, let key = BidderIdentity.nameKey(name),
            key == BidderIdentity.nameKey(wanted)
        {
            return true
        }
        if let id = result.registrationID, let key = BidderIdentity.registrationIDKey(id),
            key == BidderIdentity.registrationIDKey(wanted)
        {
            return true
        }
        return false
    }
}
