public import TenderCore
import TenderFiles
import TenderIntake
public import TenderModel
import TenderRubric
import TenderScoring

/// `tender-eval inspect`: what the importer reads from each bid, optionally with a rubric's gate verdicts and
/// objective facts, or only the bid schema's verdict.
public enum BidInspection {
    /// One thing to tell the user, in the order it happened: diagnostics go to standard error, text to standard
    /// output.
    public enum Output: Sendable {
        case diagnostics([Diagnostic])
        case text(String)
    }

    public struct Run: Sendable {
        public var outputs: [Output]
        /// A bid could not be read or imported, or failed the schema.
        public var failed: Bool
    }

    /// - Throws: `DiagnosticError` when the rubric cannot be used (nothing is inspected then).
    public static func run(
        bids: [String],
        rubricPath: String?,
        schemaOnly: Bool,
        limits: ImportLimits
    ) throws(DiagnosticError) -> Run {
        var outputs: [Output] = []
        var rubric: Rubric?
        if let rubricPath {
            let loaded = try RubricCheck.load(path: rubricPath, limits: limits)
            outputs.append(.diagnostics(loaded.warnings))
            rubric = loaded.rubric
        }
        let importer = try BidImporter(
            queries: rubric?.factQueries ?? [],
            namespaces: rubric?.namespaces ?? [],
            limits: limits
        )
        var failed = false
        for path in bids {
            // The path as every diagnostic and line of output shows it.
            let shown = VisibleText.escaped(path)
            let bytes: [UInt8]
            switch InputFiles.read(path, limit: limits.maximumFileBytes, as: .bid) {
            case .success(let read): bytes = read
            case .failure(let error):
                outputs.append(.diagnostics(error.diagnostics))
                failed = true
                continue
            }
            if schemaOnly {
                let problems = importer.validateSchema(bytes: bytes, file: shown)
                outputs.append(.diagnostics(problems))
                if problems.contains(where: { $0.severity == .error }) {
                    failed = true
                } else {
                    outputs.append(.text("\(shown): valid"))
                }
                continue
            }
            // Through the batch import, so the time budget holds here as in `score`.
            switch importer.importBids([(shown, bytes)])[0] {
            case .imported(let bid, let warnings):
                outputs.append(.diagnostics(warnings))
                var preview: BidPreview?
                if let rubric {
                    do {
                        preview = try BidPreview(bid: bid, rubric: rubric)
                    } catch {
                        outputs.append(.diagnostics(error.diagnostics))
                        failed = true
                    }
                }
                outputs.append(.text(PlainText.describe(bid, preview: preview, rubric: rubric)))
            case .rejected(_, let diagnostics):
                outputs.append(.diagnostics(diagnostics))
                failed = true
            }
        }
        return Run(outputs: outputs, failed: failed)
    }
}
