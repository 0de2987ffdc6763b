public import TenderCore

/// A loaded rubric and the non-fatal findings about it (policy lint).
public struct LoadedRubric: Hashable, Sendable {
    public var rubric: Rubric
    public var warnings: [Diagnostic]

    public init(rubric: Rubric, warnings: [Diagnostic]) {
        self.rubric = rubric
        self.warnings = warnings
    }
}

/// Reads a rubric YAML file and validates it, collecting every problem before throwing.
public enum RubricLoader {
    public static func load(bytes: [UInt8], file: String) throws(DiagnosticError) -> LoadedRubric {
        throw DiagnosticError(.error("rubric loading is not implemented yet", at: SourceLocation(file: file)))
    }
}
