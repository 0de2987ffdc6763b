public import TenderCore
import TenderFiles
import TenderIntake
public import TenderModel
import TenderRubric

/// `tender-eval check`: the rubric loaded and validated, and every XPath expression compiled by libxml2 with the
/// rubric's namespaces, exactly as `score` compiles them before reading any bid.
public enum RubricCheck {
    /// What `check` tells the user about a rubric that can be used.
    public struct Report: Sendable {
        /// Lint warnings and notes (policy, dates), for standard error.
        public var diagnostics: [Diagnostic]
        /// The rubric's summary, for standard output.
        public var summary: String
    }

    /// - Throws: every problem found, each at the rubric's file, line and column.
    public static func run(
        path: String,
        committeePath: String? = nil,
        decisionsPath: String? = nil,
        limits: ImportLimits = ImportLimits()
    ) throws(DiagnosticError) -> Report {
        let rubric = try load(path: path, limits: limits)
        var summary = PlainText.summary(of: rubric.rubric)
        var committee: Committee?
        if let committeePath {
            // The committee is checked against a rubric that loaded: its groups and its policy profile.
            let input = try CommitteeInput.load(InputPath(committeePath), rubric: rubric.rubric)
            committee = input.committee
            // Entries against the rubric and the committee, and the chain; bidders and values need the bids.
            let decisions = try decisionsPath.map { path throws(DiagnosticError) in
                try DecisionsInput.load(InputPath(path), rubric: rubric.rubric, committee: committee)
            }
            let policyErrors = input.policyErrors(after: decisions?.log, rubric: rubric.rubric)
            if !policyErrors.isEmpty { throw DiagnosticError(rubric.warnings + policyErrors) }
            summary += "\n" + PlainText.summary(of: input.committee, rubric: rubric.rubric)
            if let decisions { summary += "\n" + decisionsSummary(decisions.log) }
        } else if let decisionsPath {
            let decisions = try DecisionsInput.load(InputPath(decisionsPath), rubric: rubric.rubric, committee: nil)
            summary += "\n" + decisionsSummary(decisions.log)
        }
        return Report(
            diagnostics: rubric.warnings + RubricLint.dateNotes(for: rubric.rubric),
            summary: summary
        )
    }

    static func decisionsSummary(_ log: DecisionLog) -> String {
        "Decisions: \(log.decisions.count) recorded, chain intact (head \(log.head))"
    }

    /// The rubric, loaded, validated and with every expression compiled.
    static func load(path: String, limits: ImportLimits) throws(DiagnosticError) -> LoadedRubric {
        let bytes = try InputFiles.read(path, limit: RubricLimits.maximumFileSize, as: .rubric).get()
        let loaded = try RubricLoader.load(bytes: bytes, file: VisibleText.escaped(path))
        _ = try BidImporter(queries: loaded.rubric.factQueries, namespaces: loaded.rubric.namespaces, limits: limits)
        return loaded
    }
}
