public import TenderCore
import TenderHistory
import TenderModel
import TenderScoring

extension PerformancePipeline {
    public struct MonthRequest: Sendable {
        public var planPath: String
        public var month: String
        public var date: String
        public var databasePath: String

        public init(planPath: String, month: String, date: String, databasePath: String) {
            self.planPath = planPath
            self.month = month
            self.date = date
            self.databasePath = databasePath
        }
    }

    /// Computes the month from its records and corrections, stores it (an earlier computation is kept as
    /// superseded) with the standing rules it completes.
    ///
    /// - Returns: lines for standard output: the score and standing, then each rule met.
    public static func computeMonth(_ request: MonthRequest) throws(DiagnosticError) -> [String] {
        let (plan, planBytes) = try loadPlan(request.planPath)
        let month = try month(request.month, of: plan)
        try requireDay(request.date, notBefore: month, "\(month) cannot be computed")
        let database = try HistoryDatabase.open(path: request.databasePath, mode: .existing, sha256: sha256)
        try requireRegistered(plan, planBytes: planBytes, in: database)
        let records = try database.monthRecords(contractID: plan.contract.id, month: month)
        let corrections = try database.corrections(contractID: plan.contract.id)
        let monthCorrections = corrections.filter { $0.month == month }
        let evaluation = try MonthlyScorer.evaluate(plan: plan, records: records, corrections: monthCorrections)
        var standings: [YearMonth: String] = [:]
        for computed in try database.monthlyEvaluations(contractID: plan.contract.id) {
            standings[computed.month] = computed.latest.evaluation.standing
        }
        standings[month] = evaluation.standing
        let raised = StandingRules.raised(plan: plan, month: month, standings: standings)
        try databaseCall {
            try database.storeMonthlyEvaluation(
                evaluation,
                raised: raised,
                computedOn: request.date,
                correctionsThrough: corrections.last?.number ?? 0,
                faultHook: faultHook
            )
        }
        let standing = plan.standing(id: evaluation.standing)
        var line =
            "\(plan.contract.id) \(month): \(evaluation.score.fixedText(places: plan.decimals)) "
            + (standing.map { "\($0.name.text(in: .zh)) (\($0.id))" } ?? evaluation.standing)
        if let consequence = standing?.consequence {
            line += " — \(consequence.text(in: .zh))"
        }
        var lines = [line]
        for rule in raised {
            lines.append(
                "\(plan.contract.id) \(month): rule \(rule.ruleID) met ("
                    + rule.months.map(\.description).joined(separator: ", ") + ") — "
                    + rule.consequence.text(in: .zh)
            )
        }
        return lines
    }
}
