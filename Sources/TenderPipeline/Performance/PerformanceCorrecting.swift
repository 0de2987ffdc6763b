import Foundation
public import TenderCore
import TenderHistory
import TenderIntake
import TenderModel
import TenderScoring

extension PerformancePipeline {
    /// The record a correction names, as typed on the command line.
    public enum CorrectionTargetText: Sendable {
        /// `RESPONDENT:ITEM`.
        case surveyAnswer(String)
        case teamScore(String)
        /// `DEPARTMENT:ITEM`.
        case departmentScore(String)
        case patrolDeduction(String)
    }

    public struct CorrectRequest: Sendable {
        public var planPath: String
        public var month: String
        public var target: CorrectionTargetText
        public var from: String
        public var to: String
        public var reason: String
        public var by: String
        public var date: String
        public var databasePath: String

        public init(
            planPath: String,
            month: String,
            target: CorrectionTargetText,
            from: String,
            to: String,
            reason: String,
            by: String,
            date: String,
            databasePath: String
        ) {
            self.planPath = planPath
            self.month = month
            self.target = target
            self.from = from
            self.to = to
            self.reason = reason
            self.by = by
            self.date = date
            self.databasePath = databasePath
        }
    }

    /// Appends a correction to the contract's log after checking that `from` is the record's current value and
    /// `to` a value the sheet could have held.
    ///
    /// - Returns: a line for standard output.
    public static func correct(_ request: CorrectRequest) throws(DiagnosticError) -> String {
        let (plan, planBytes) = try loadPlan(request.planPath)
        let month = try month(request.month, of: plan)
        try requireDay(request.date, notBefore: month, "a correction for \(month) cannot be recorded")
        let target = try correctionTarget(request.target, plan: plan)
        let reason = request.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        let by = request.by.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty, !by.isEmpty else {
            throw DiagnosticError(.error("a correction needs a reason and who decided it (--reason, --by)"))
        }
        let database = try HistoryDatabase.open(path: request.databasePath, mode: .existing, sha256: sha256)
        try requireRegistered(plan, planBytes: planBytes, in: database)
        let request = CorrectionRequest(
            contractID: plan.contract.id,
            month: month,
            target: target,
            from: request.from,
            to: request.to,
            reason: reason,
            by: by,
            date: request.date
        )
        let correction = try databaseCall {
            try database.appendCorrection(
                request,
                validate: { records, corrections in
                    // The new correction is last: the value it changes is the record after the earlier ones.
                    let earlier = Array(corrections.dropLast())
                    let corrected = try PerformanceCorrections.apply(earlier, to: records, plan: plan)
                    try PerformanceCorrections.validate(
                        target: target,
                        from: request.from,
                        to: request.to,
                        records: corrected,
                        plan: plan,
                        previous: earlier
                    )
                    try requireScorable(
                        after: try PerformanceCorrections.apply(corrections, to: records, plan: plan),
                        before: corrected,
                        plan: plan
                    )
                },
                faultHook: faultHook
            )
        }
        return "\(plan.contract.id) \(month): correction \(correction.number) recorded; run `tender-eval perf month "
            + "--month \(month)` to compute the month again"
    }

    /// Refuses a correction that takes a source below the plan's minimum (striking a respondent's last answer
    /// when the survey has just enough): the month could no longer be scored, and it would only be found out at
    /// `perf month`, after the correction is in the hash-chained log for good.
    private static func requireScorable(
        after corrected: MonthRecords,
        before: MonthRecords,
        plan: EvaluationPlan
    ) throws(DiagnosticError) {
        let earlier = MonthlyScorer.sourceCounts(plan: plan, records: before)
        for (count, previous) in zip(MonthlyScorer.sourceCounts(plan: plan, records: corrected), earlier)
        where count.isBelowMinimum && count.count < previous.count {
            throw DiagnosticError(
                .error(
                    "the correction would leave the \(count.source.rawValue) of \(corrected.month) with "
                        + "\(count.described); the plan requires at least \(count.minimum), and a month below it "
                        + "cannot be scored",
                    at: location(of: count.source, in: plan)
                )
            )
        }
    }

    private static func location(of source: PerformanceSource, in plan: EvaluationPlan) -> SourceLocation {
        switch source {
        case .survey: plan.survey.location
        case .team: plan.team.location
        case .department: plan.department.location
        case .patrol: plan.patrol.location
        }
    }

    /// An item as the sheets name it: its id, or its service's Chinese or English name, mapped to the plan's id.
    private static func itemID(
        _ text: String,
        among ids: [String],
        plan: EvaluationPlan,
        option: String
    ) throws(DiagnosticError) -> String {
        let items = ItemNames(ids: ids, plan: plan)
        let name = text.trimmingCharacters(in: .whitespaces)
        guard let id = items.id(for: name) else {
            throw DiagnosticError(
                .error(
                    "\(option): item '\(VisibleText.escaped(text))' is neither the id nor the name of an item; "
                        + "the items are \(items.list)"
                )
            )
        }
        return id
    }

    private static func correctionTarget(
        _ text: CorrectionTargetText,
        plan: EvaluationPlan
    ) throws(DiagnosticError) -> CorrectionTarget {
        func pair(_ value: String, _ option: String) throws(DiagnosticError) -> (String, String) {
            guard let colon = value.lastIndex(of: ":") else {
                throw DiagnosticError(
                    .error("\(option) must be written NAME:ITEM, not '\(VisibleText.escaped(value))'")
                )
            }
            return (String(value[..<colon]), String(value[value.index(after: colon)...]))
        }
        switch text {
        case .surveyAnswer(let value):
            let (respondent, item) = try pair(value, "--survey-answer")
            let id = try itemID(item, among: plan.survey.items, plan: plan, option: "--survey-answer")
            return .surveyAnswer(respondent: respondent, item: id)
        case .teamScore(let team):
            return .teamScore(team: team)
        case .departmentScore(let value):
            let (department, item) = try pair(value, "--department-score")
            let id = try itemID(
                item,
                among: plan.department.items.map(\.id),
                plan: plan,
                option: "--department-score"
            )
            return .departmentScore(department: department, item: id)
        case .patrolDeduction(let finding):
            return .patrolDeduction(finding: finding)
        }
    }
}
