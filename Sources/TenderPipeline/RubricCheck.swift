public import TenderBidImport
public import TenderCore
import TenderFiles
public import TenderRubric

/// `tender-eval check`: the rubric loaded and validated, and every XPath expression compiled by libxml2 with the
/// rubric's namespaces, exactly as `score` compiles them before reading any bid.
public enum RubricCheck {
    /// - Throws: every problem found, each at the rubric's file, line and column.
    public static func run(path: String, limits: ImportLimits = ImportLimits()) throws(DiagnosticError)
        -> LoadedRubric
    {
        let bytes = try InputFiles.read(path, limit: 4 * 1024 * 1024).get()
        let loaded = try RubricLoader.load(bytes: bytes, file: path)
        _ = try BidImporter(queries: loaded.rubric.factQueries, namespaces: loaded.rubric.namespaces, limits: limits)
        return loaded
    }
}
