import Foundation
public import TenderCore
import TenderFiles
import TenderHistory
public import TenderModel
import TenderRubric

/// `tender-eval perf …` and `history …`: the monthly performance evaluation after the award, as library calls.
/// Reading files, the clock and the database happens here; the arithmetic is TenderScoring's, the reports
/// TenderReport's.
public enum PerformancePipeline {
    /// One history database per working folder unless `--db` names another.
    public static let defaultDatabase = "tender-eval.sqlite"

    /// Largest plan and monthly sheet read (a month of 1,000 survey responses is well under 1 MiB).
    static let maximumPlanBytes = 1 << 20
    static let maximumSheetBytes = 64 << 20
    static let maximumPhotoBytes = 64 << 20

    public static func isCalendarDate(_ text: String) -> Bool {
        CalendarDate.parts(text) != nil
    }

    public static func yearMonth(_ text: String) -> YearMonth? {
        YearMonth(text)
    }

    /// Today in the machine's time zone, `YYYY-MM-DD`: the default day a record or a computation is made.
    public static func today() -> String {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        let month = Int(parts.tm_mon) + 1
        let day = Int(parts.tm_mday)
        return "\(Int(parts.tm_year) + 1900)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    /// The plan, its bytes (registered with the contract) and the name diagnostics use.
    static func loadPlan(_ path: String) throws(DiagnosticError) -> (plan: EvaluationPlan, bytes: [UInt8]) {
        let bytes = try InputFiles.read(path, limit: maximumPlanBytes, as: .evaluationPlan).get()
        let plan = try PlanLoader.load(bytes: bytes, file: VisibleText.escaped(path))
        return (plan, bytes)
    }

    static func month(_ text: String, of plan: EvaluationPlan) throws(DiagnosticError) -> YearMonth {
        guard let month = YearMonth(text) else {
            throw DiagnosticError(.error("the month must be written YYYY-MM, not '\(VisibleText.escaped(text))'"))
        }
        guard plan.months.contains(month) else {
            throw DiagnosticError(
                .error(
                    "\(month) is outside contract \(VisibleText.escaped(plan.contract.id)), which runs from "
                        + "\(plan.contract.start) to \(plan.contract.end)",
                    at: plan.contract.location
                )
            )
        }
        return month
    }

    static func sha256(_ bytes: [UInt8]) -> String {
        SHA256Digest.hex(bytes)
    }

    /// - Returns: the migrations applied; none when the database was already current.
    public static func migrate(databasePath: String) throws(DiagnosticError) -> [String] {
        try HistoryDatabase.open(path: databasePath, mode: .migrate, sha256: sha256).migrate()
    }

    /// Re-hashes every recorded batch and correction chain, then audits every contract: each month's stored score
    /// and standing recomputed from its records and corrections, the matching key against the stored plan.
    /// Months with records but no current score are noted.
    public static func verify(databasePath: String) throws(DiagnosticError) -> [Diagnostic] {
        let database = try HistoryDatabase.open(path: databasePath, mode: .existing, sha256: sha256)
        var found = try database.verify()
        for contract in try database.registeredContracts() {
            let audit = try ContractAudit.run(contract.id, in: database)
            found += audit.problems
            let shown = VisibleText.escaped(contract.id)
            for month in audit.uncomputed {
                found.append(
                    .warning(
                        "contract \(shown) \(month) has records but no score yet (`tender-eval perf month`)",
                        at: SourceLocation(file: database.path)
                    )
                )
            }
            for month in audit.stale {
                found.append(
                    .warning(
                        "contract \(shown) \(month): a correction was recorded after its score was computed; "
                            + "compute it again (`tender-eval perf month`)",
                        at: SourceLocation(file: database.path)
                    )
                )
            }
        }
        return found
    }

    /// Runs a database write whose closures may throw anything; what is not already a diagnostic becomes one
    /// naming the database.
    static func databaseCall<Value>(_ body: () throws -> Value) throws(DiagnosticError) -> Value {
        do {
            return try body()
        } catch let error as DiagnosticError {
            throw error
        } catch {
            throw DiagnosticError(.error("the history database could not be written: \(error)"))
        }
    }

    /// Whether the plan stored as `bytes` says what `plan` says (only comments, layout or line endings differ).
    static func sameMeaning(_ bytes: [UInt8], _ plan: EvaluationPlan) -> Bool {
        guard let stored = try? PlanLoader.load(bytes: bytes, file: plan.location.file) else { return false }
        return stored.meaning == plan.meaning
    }

    /// The plan must be the one the contract was registered with: a month is scored and reported only under the
    /// plan its records were made for.
    static func requireRegistered(
        _ plan: EvaluationPlan,
        planBytes: [UInt8],
        in database: HistoryDatabase
    ) throws(DiagnosticError) {
        guard let registered = try database.registeredContract(id: plan.contract.id) else {
            throw DiagnosticError(
                .error(
                    "contract \(VisibleText.escaped(plan.contract.id)) has no records in \(database.path) yet; "
                        + "record its sheets first with `tender-eval perf record`",
                    at: plan.location
                )
            )
        }
        let digest = sha256(planBytes)
        guard registered.planSHA256 == digest || sameMeaning(registered.planBytes, plan) else {
            throw DiagnosticError(
                .error(
                    "contract \(VisibleText.escaped(plan.contract.id)) was recorded under another plan "
                        + "(\(registered.planFile), sha256 \(registered.planSHA256)); this plan's sha256 is \(digest) "
                        + "and it says something else (a plan that differs only in comments or layout is accepted)",
                    at: plan.location
                )
            )
        }
    }
}
