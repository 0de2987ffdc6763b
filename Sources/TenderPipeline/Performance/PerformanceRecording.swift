import Foundation
public import TenderCore
import TenderFiles
import TenderHistory
import TenderIntake
import TenderModel

extension PerformancePipeline {
    public struct RecordRequest: Sendable {
        public var planPath: String
        public var month: String
        public var survey: String?
        public var team: String?
        public var department: String?
        public var patrol: String?
        /// The folder patrol photo names are relative to; nil: the patrol sheet's folder.
        public var photoFolder: String?
        /// `YYYY-MM-DD`, written with each recorded sheet.
        public var date: String
        public var databasePath: String

        public init(
            planPath: String,
            month: String,
            survey: String?,
            team: String?,
            department: String?,
            patrol: String?,
            photoFolder: String?,
            date: String,
            databasePath: String
        ) {
            self.planPath = planPath
            self.month = month
            self.survey = survey
            self.team = team
            self.department = department
            self.patrol = patrol
            self.photoFolder = photoFolder
            self.date = date
            self.databasePath = databasePath
        }
    }

    public struct RecordOutcome: Sendable {
        /// One line per recorded sheet, for standard output.
        public var lines: [String]
        /// For standard error: a sheet whose bytes equal a sheet recorded for another month of the contract.
        public var warnings: [Diagnostic]
    }

    /// Reads and checks every sheet given, then records them all in one transaction, or nothing.
    public static func record(_ request: RecordRequest) throws(DiagnosticError) -> RecordOutcome {
        let (plan, planBytes) = try loadPlan(request.planPath)
        let month = try month(request.month, of: plan)
        try requireDay(request.date, notBefore: month, "sheets for \(month) cannot be recorded")
        var problems = DiagnosticCollector()
        var batches: [SheetBatch] = []
        let sources: [(PerformanceSource, String?)] = [
            (.survey, request.survey), (.team, request.team), (.department, request.department),
            (.patrol, request.patrol),
        ]
        for case (let source, let path?) in sources {
            do {
                batches.append(
                    try readBatch(source, path: path, plan: plan, month: month, request: request)
                )
            } catch {
                problems.append(contentsOf: error.diagnostics)
            }
        }
        try problems.throwIfErrors()
        let database = try HistoryDatabase.open(path: request.databasePath, mode: .create, sha256: sha256)
        let warnings = try repeatedSheets(batches, contractID: plan.contract.id, month: month, in: database)
        try databaseCall {
            try database.recordSheets(
                registering: plan,
                planBytes: planBytes,
                sameMeaning: { stored in sameMeaning(stored, plan) },
                month: month,
                batches,
                faultHook: faultHook
            )
        }
        let lines = batches.map { batch in
            "\(plan.contract.id) \(month) \(batch.sheet.source.rawValue): \(batch.records.count) "
                + "record\(batch.records.count == 1 ? "" : "s") from \(batch.sheet.file)"
        }
        return RecordOutcome(lines: lines, warnings: warnings)
    }

    /// Two months can score alike, so the same bytes are recorded; but last month's sheet given again by mistake
    /// looks exactly like that, and only the officer can tell.
    private static func repeatedSheets(
        _ batches: [SheetBatch],
        contractID: String,
        month: YearMonth,
        in database: HistoryDatabase
    ) throws(DiagnosticError) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        // A patrol sheet with only its header is the same every month without findings: nothing to warn about.
        for batch in batches where batch.records.count > 0 {
            for earlier in try database.sheets(contractID: contractID, sha256: batch.sheet.sha256, otherThan: month) {
                let this = "the \(batch.sheet.source.rawValue) sheet has the same bytes (sha256 \(batch.sheet.sha256))"
                let other =
                    "the \(earlier.sheet.source.rawValue) sheet recorded for \(earlier.month) from "
                    + "\(earlier.sheet.file) on \(earlier.sheet.recordedOn)"
                let advice =
                    "recorded all the same: if it is that month's sheet given again, record a correction for each "
                    + "value that differs"
                warnings.append(.warning("\(this) as \(other); \(advice)", at: SourceLocation(file: batch.sheet.file)))
            }
        }
        return warnings
    }

    /// `TENDER_EVAL_FAULT=<write point>` kills the process at that point inside the database transaction: the
    /// test of "a crash mid-import leaves the database as it was".
    static func faultHook(_ point: HistoryWritePoint) {
        if ProcessInfo.processInfo.environment[ScorePipeline.faultVariable] == point.rawValue {
            kill(getpid(), SIGKILL)
        }
    }

    private static func readBatch(
        _ source: PerformanceSource,
        path: String,
        plan: EvaluationPlan,
        month: YearMonth,
        request: RecordRequest
    ) throws(DiagnosticError) -> SheetBatch {
        let bytes = try InputFiles.read(path, limit: maximumSheetBytes, as: .performanceSheet).get()
        let file = VisibleText.escaped(path)
        let sheet = RecordedSheet(source: source, file: file, sha256: sha256(bytes), recordedOn: request.date)
        switch source {
        case .survey:
            let rows = try PerformanceSheetReader.readSurvey(bytes, file: file, plan: plan, month: month)
            return SheetBatch(sheet: sheet, records: .survey(rows))
        case .team:
            let rows = try PerformanceSheetReader.readTeams(bytes, file: file, plan: plan, month: month)
            return SheetBatch(sheet: sheet, records: .team(rows))
        case .department:
            let rows = try PerformanceSheetReader.readDepartments(bytes, file: file, plan: plan, month: month)
            return SheetBatch(sheet: sheet, records: .department(rows))
        case .patrol:
            var rows = try PerformanceSheetReader.readPatrol(bytes, file: file, plan: plan, month: month)
            let folder = request.photoFolder ?? (path as NSString).deletingLastPathComponent
            try hashPhotos(&rows, folder: folder)
            return SheetBatch(sheet: sheet, records: .patrol(rows))
        }
    }

    /// Fills each finding's photo SHA-256 from the file it names; every unreadable photo is reported at its row.
    private static func hashPhotos(_ findings: inout [PatrolFinding], folder: String) throws(DiagnosticError) {
        var problems = DiagnosticCollector()
        for index in findings.indices {
            guard let photo = findings[index].photo else { continue }
            let path = folder.isEmpty ? photo : (folder as NSString).appendingPathComponent(photo)
            switch InputFiles.read(path, limit: maximumPhotoBytes, as: .photo) {
            case .success(let bytes):
                findings[index].photoSHA256 = sha256(bytes)
            case .failure(let error):
                let reason = error.diagnostics.first?.message ?? "cannot be read"
                problems.error(
                    "finding \(findings[index].id): photo \(VisibleText.escaped(path)): \(reason)",
                    at: findings[index].location
                )
            }
        }
        try problems.throwIfErrors()
    }
}
