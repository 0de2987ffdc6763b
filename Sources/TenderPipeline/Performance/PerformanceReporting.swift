public import TenderCore
import TenderFiles
import TenderHistory
public import TenderModel
import TenderReport
import TenderScoring

extension PerformancePipeline {
    public struct ReportRequest: Sendable {
        public var planPath: String
        /// Only this month's report (with the period report); nil: every month recorded.
        public var month: String?
        public var language: ReportLanguage
        public var databasePath: String

        public init(planPath: String, month: String?, language: ReportLanguage, databasePath: String) {
            self.planPath = planPath
            self.month = month
            self.language = language
            self.databasePath = databasePath
        }
    }

    /// The contract-period report and the monthly reports, rendered from the history, with a manifest listing
    /// the plan and every recorded sheet (as recorded, with its SHA-256) as inputs.
    public static func report(_ request: ReportRequest) throws(DiagnosticError) -> [(name: String, bytes: [UInt8])] {
        let (plan, planBytes) = try loadPlan(request.planPath)
        let only = try request.month.map { text throws(DiagnosticError) in try month(text, of: plan) }
        let database = try HistoryDatabase.open(path: request.databasePath, mode: .existing, sha256: sha256)
        try requireRegistered(plan, planBytes: planBytes, in: database)
        let input = try reportInput(plan: plan, database: database)
        let months = PerformanceReports.reportedMonths(input).filter { only == nil || $0 == only }
        if let only, months.isEmpty {
            throw DiagnosticError(
                .error("nothing is recorded for \(only) of contract \(VisibleText.escaped(plan.contract.id))")
            )
        }
        var reports = PerformanceReports.periodFiles(input, language: request.language)
        for month in months {
            reports += PerformanceReports.monthFiles(input, month: month, language: request.language)
        }
        var files: [(name: String, bytes: [UInt8])] = reports.map { report in
            let buffer = ReportBuffer()
            report.write(buffer)
            return (report.name, buffer.bytes)
        }
        var inputs: [(path: String, sha256: String)] = [(VisibleText.escaped(request.planPath), sha256(planBytes))]
        for records in input.records.values {
            inputs += records.sheets.map { ($0.file, $0.sha256) }
        }
        let manifest = ManifestRenderer.render(
            toolVersion: ToolVersion.current,
            inputs: inputs.sorted { $0.path < $1.path },
            outputs: files.map { (path: $0.name, sha256: sha256($0.bytes)) }
        )
        files.append(("manifest.json", Array(manifest.utf8)))
        return files
    }

    /// Everything the reports show, read from the history: the latest computation of each month, the superseded
    /// ones, every correction and raised rule, the records as recorded, and the months without a current score.
    static func reportInput(
        plan: EvaluationPlan,
        database: HistoryDatabase
    ) throws(DiagnosticError) -> PerformanceReportInput {
        let contract = plan.contract.id
        let computations = try database.monthlyEvaluations(contractID: contract)
        let stale = try database.staleMonths(contractID: contract)
        var records: [YearMonth: MonthRecords] = [:]
        for month in try database.recordedMonths(contractID: contract) {
            records[month] = try database.monthRecords(contractID: contract, month: month)
        }
        var latest: [PerformanceComputation] = []
        var superseded: [PerformanceComputation] = []
        for computed in computations {
            for (index, earlier) in computed.superseded.enumerated() {
                superseded.append(computation(earlier, number: index + 1))
            }
            latest.append(computation(computed.latest, number: computed.superseded.count + 1))
        }
        var pending: [PendingMonth] = stale.map {
            PendingMonth(month: $0.month, status: .stale(correction: $0.newerCorrections.first ?? 0))
        }
        let computedMonths = Set(computations.map(\.month))
        for (month, monthRecords) in records where !computedMonths.contains(month) {
            let recorded = Set(monthRecords.sheets.map(\.source))
            let missing = PerformanceSource.allCases.filter { !recorded.contains($0) }
            pending.append(
                PendingMonth(month: month, status: missing.isEmpty ? .notComputed : .incomplete(missing: missing))
            )
        }
        return PerformanceReportInput(
            plan: plan,
            months: computations.map(\.latest.evaluation),
            latest: latest,
            superseded: superseded,
            corrections: try database.corrections(contractID: contract),
            raised: StandingRules.raisedOverStandings(
                plan: plan,
                standings: Dictionary(
                    uniqueKeysWithValues: computations.map { ($0.month, $0.latest.evaluation.standing) }
                )
            ),
            records: records,
            pending: pending.sorted { $0.month < $1.month }
        )
    }

    private static func computation(_ stored: StoredEvaluation, number: Int) -> PerformanceComputation {
        PerformanceComputation(
            month: stored.evaluation.month,
            number: number,
            score: stored.evaluation.score,
            standing: stored.evaluation.standing,
            computedOn: stored.computedOn,
            correctionsUpTo: stored.correctionsThrough
        )
    }
}

extension PerformancePipeline {
    /// The monthly reports' subfolder and the names its files can have (`YYYY-MM.md|html|csv|json`): under
    /// `--force` it is replaced like the period report when every file in it has such a name and the previous
    /// manifest lists it with its hash.
    static let reportFolders: [String: @Sendable (String) -> Bool] = [
        "months": { name in
            let parts = name.split(separator: ".", omittingEmptySubsequences: false)
            return parts.count == 2 && YearMonth(parts[0]) != nil && ["md", "html", "csv", "json"].contains(parts[1])
        }
    ]

    /// Writes the reports into `folder` atomically (see `OutputFolder.publish`).
    ///
    /// - Returns: notes for the user.
    public static func publish(
        _ files: [(name: String, bytes: [UInt8])],
        to folder: String,
        replace: Bool
    ) throws(DiagnosticError) -> [Diagnostic] {
        try OutputFolder.publish(
            names: files.map(\.name),
            folders: reportFolders,
            to: folder,
            replace: replace,
            sha256: sha256,
            write: { index, file in file.write(files[index].bytes) }
        )
    }
}
