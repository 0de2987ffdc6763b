/// How many diagnostics one input file may produce. A file given by mistake (a password file, a log) can break
/// every rule on every line; listing each would copy the file out line by line and bury the one message that
/// matters, so past the limit the rest are counted in one line.
public enum DiagnosticLimit {
    /// Diagnostics listed per input file; a real rubric or score sheet with more problems is rewritten anyway.
    public static let perFile = 50

    /// The first `perFile` of `diagnostics`, then one diagnostic counting the rest, located at `file` and as
    /// severe as the worst of them.
    public static func capped(_ diagnostics: [Diagnostic], file: String) -> [Diagnostic] {
        guard diagnostics.count > perFile else { return diagnostics }
        let rest = diagnostics.dropFirst(perFile)
        let severity: Diagnostic.Severity =
            rest.contains { $0.severity == .error }
            ? .error : rest.contains { $0.severity == .warning } ? .warning : .note
        let count = rest.count
        return Array(diagnostics.prefix(perFile)) + [
            Diagnostic(
                severity,
                "… and \(count) more \(count == 1 ? "problem" : "problems") in this file (only the first "
                    + "\(perFile) are listed)",
                at: SourceLocation(file: file)
            )
        ]
    }
}
