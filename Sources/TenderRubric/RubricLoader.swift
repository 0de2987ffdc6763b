public import TenderCore
public import TenderModel
import Yams

/// A loaded rubric and the non-fatal findings about it (policy lint).
public struct LoadedRubric: Hashable, Sendable {
    public var rubric: Rubric
    public var warnings: [Diagnostic]

    public init(rubric: Rubric, warnings: [Diagnostic]) {
        self.rubric = rubric
        self.warnings = warnings
    }
}

/// Validates a rubric YAML file, collecting every problem before throwing. It never reads files itself: callers
/// read through TenderFiles' bounded regular-file reader, which refuses FIFOs, devices and oversized files.
public enum RubricLoader {
    /// Loads and validates a rubric from the bytes of a YAML file; `file` names it in diagnostics.
    ///
    /// Throws one `DiagnosticError` holding every error found (warnings found at the same time are included);
    /// on success, warnings (policy lint, rounding remarks) are in `LoadedRubric.warnings`.
    public static func load(bytes: [UInt8], file: String) throws(DiagnosticError) -> LoadedRubric {
        guard bytes.count <= RubricLimits.maximumFileSize else {
            throw DiagnosticError(
                .error(
                    "file is larger than \(RubricLimits.maximumFileSize / 1_048_576) MiB, too large for a rubric",
                    at: SourceLocation(file: file)
                )
            )
        }
        let text = try TextDecoding.decodeUTF8(bytes, file: file)
        if let problem = YAMLPrescan(file: file).check(text) {
            throw DiagnosticError(problem)
        }
        guard let root = try YAMLDocument.compose(text, file: file) else {
            throw DiagnosticError(
                .error("rubric is empty; it needs at least 'tender' and 'groups'", at: SourceLocation(file: file))
            )
        }
        if let problem = notARubric(root, file: file) { throw DiagnosticError(problem) }
        let reader = NodeReader(file: file)
        let rubric = RubricBuilder(reader: reader).build(root: root)
        let found = reader.diagnosticsInFileOrder()
        if found.contains(where: { $0.severity == .error }) {
            throw DiagnosticError(DiagnosticLimit.capped(found, file: file))
        }
        guard let rubric else {
            // Unreachable in practice: the builder reports an error whenever it gives up.
            throw DiagnosticError(.error("rubric could not be read", at: SourceLocation(file: file)))
        }
        return LoadedRubric(rubric: rubric, warnings: found + RubricLint.warnings(for: rubric))
    }

    /// One error when the file is clearly not a rubric at all (a password file, a list, some other YAML): its
    /// top level is not a mapping, or none of its keys is a rubric key. Checking such a file key by key would
    /// quote every line of it back (and say nothing useful).
    static func notARubric(_ root: Node, file: String) -> Diagnostic? {
        let location = YAMLDocument.location(root.mark, file: file)
        guard case .mapping(let top) = root else {
            return .error(
                "file is not a tender-eval rubric: its top level is \(NodeReader.describe(root)), not a mapping "
                    + "with the keys 'tender' and 'groups'; nothing else in it was read",
                at: location
            )
        }
        let keys = top.keys.compactMap(\.string)
        guard !keys.contains(where: RubricBuilder.topKeys.contains) else { return nil }
        return .error(
            "file is not a tender-eval rubric: none of its \(top.count) top-level \(top.count == 1 ? "key" : "keys") "
                + "is a rubric key (\(RubricBuilder.topKeys.joined(separator: ", "))); nothing else in it was read",
            at: location
        )
    }
}
