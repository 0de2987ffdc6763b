public import TenderCore
public import TenderModel

/// Reads one month's performance sheets (`tender-eval perf record`): the mass survey (群众测评), the team
/// recommendations (班组推荐), the department evaluation (科室考评) and the patrol findings (周巡查), each as CSV
/// (UTF-8 with or without BOM, or GB18030, as Excel and form tools export them) or as XML in the namespace
/// `urn:tender-eval:performance:1` (validated against `schemas/tender-performance-1.xsd`). A file whose first
/// non-blank byte is `<` is read as XML. A department sheet may also be an `.xlsx` workbook (its first visible
/// worksheet laid out as the CSV). See docs/performance-sheets.md.
///
/// Validation is that of the committee's score sheets: every problem is collected and reported at its cell
/// (`file:line:col`) or element (`file:line`) before throwing, and no value is ever clamped or guessed.
public enum PerformanceSheetReader {
    /// Largest sheet read, in bytes: a month's survey of a few thousand respondents is well below it.
    public static let maximumFileSize = 32 * 1024 * 1024

    public static func readSurvey(
        _ bytes: [UInt8],
        file: String,
        plan: EvaluationPlan,
        month: YearMonth
    ) throws(DiagnosticError) -> [SurveyResponse] {
        let sheet = try rows(bytes, file: file, kind: .survey, plan: plan, month: month)
        return try checked(SurveySheet.responses(sheet, plan: plan, month: month), file: file)
    }

    public static func readTeams(
        _ bytes: [UInt8],
        file: String,
        plan: EvaluationPlan,
        month: YearMonth
    ) throws(DiagnosticError) -> [TeamRecommendation] {
        let sheet = try rows(bytes, file: file, kind: .team, plan: plan, month: month)
        return try checked(TeamSheet.recommendations(sheet, plan: plan), file: file)
    }

    public static func readDepartments(
        _ bytes: [UInt8],
        file: String,
        plan: EvaluationPlan,
        month: YearMonth
    ) throws(DiagnosticError) -> [DepartmentScore] {
        let sheet = try rows(bytes, file: file, kind: .department, plan: plan, month: month)
        return try checked(DepartmentSheet.scores(sheet, plan: plan), file: file)
    }

    /// The findings with their photos' relative paths; `photoSHA256` is nil (the pipeline hashes the files).
    public static func readPatrol(
        _ bytes: [UInt8],
        file: String,
        plan: EvaluationPlan,
        month: YearMonth
    ) throws(DiagnosticError) -> [PatrolFinding] {
        let sheet = try rows(bytes, file: file, kind: .patrol, plan: plan, month: month)
        return try checked(PatrolSheet.findings(sheet, plan: plan, month: month), file: file)
    }

    /// Whether the sheet is XML: its first byte other than a UTF-8 BOM and white space is `<`.
    public static func isXML(_ bytes: [UInt8]) -> Bool {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        let first = body.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        return first == UInt8(ascii: "<")
    }

    static func rows(
        _ bytes: [UInt8],
        file: String,
        kind: PerformanceSheetKind,
        plan: EvaluationPlan,
        month: YearMonth
    ) throws(DiagnosticError) -> SheetRows {
        guard bytes.count <= maximumFileSize else {
            throw DiagnosticError(
                .error(
                    "\(kind.noun) is \(bytes.count) bytes; the limit is \(maximumFileSize) bytes",
                    at: SourceLocation(file: file)
                )
            )
        }
        if isXML(bytes) {
            return try PerformanceXMLRows.rows(
                bytes,
                file: file,
                kind: kind,
                plan: plan,
                month: month,
                maximumFileBytes: maximumFileSize
            )
        }
        if PerformanceWorkbookRows.isWorkbook(bytes) {
            guard kind == .department else {
                // Read as text, a workbook's zip bytes fail as "not valid GB18030", which hides the real cause.
                throw DiagnosticError(
                    .error(
                        "the \(kind.noun) is an Excel workbook; \(kind.rawValue) sheets are read as CSV (UTF-8 or "
                            + "GB18030) or XML: save it as CSV",
                        at: SourceLocation(file: file)
                    )
                )
            }
            return try PerformanceWorkbookRows.rows(bytes, file: file, kind: kind, plan: plan)
        }
        return try PerformanceCSVRows.rows(bytes, file: file, kind: kind, plan: plan)
    }

    private static func checked<Record>(
        _ result: (some Collection<Record>, [Diagnostic]),
        file: String
    ) throws(DiagnosticError) -> [Record] {
        let (records, problems) = result
        if problems.contains(where: { $0.severity == .error }) {
            throw DiagnosticError(DiagnosticLimit.capped(problems, file: file))
        }
        return Array(records)
    }
}
