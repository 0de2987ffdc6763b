import GRDB
public import TenderCore
public import TenderModel

/// One stored computation of a month's score.
public struct StoredEvaluation: Hashable, Sendable {
    public var evaluation: MonthlyEvaluation
    /// `YYYY-MM-DD` given by the officer (or today's date) when it was computed.
    public var computedOn: String
    /// The highest correction number of the contract the computation had seen (0: none).
    public var correctionsThrough: Int
    /// The standing rules this computation raised, in rule id order.
    public var raised: [RaisedRule]

    public init(evaluation: MonthlyEvaluation, computedOn: String, correctionsThrough: Int, raised: [RaisedRule]) {
        self.evaluation = evaluation
        self.computedOn = computedOn
        self.correctionsThrough = correctionsThrough
        self.raised = raised
    }
}

/// A month's computations: the latest, which is the published one, and the earlier ones it superseded.
public struct MonthComputations: Hashable, Sendable {
    public var month: YearMonth
    public var latest: StoredEvaluation
    /// Oldest first.
    public var superseded: [StoredEvaluation]

    public init(month: YearMonth, latest: StoredEvaluation, superseded: [StoredEvaluation]) {
        self.month = month
        self.latest = latest
        self.superseded = superseded
    }
}

/// A month whose published score predates a correction of its records: it must be computed again before
/// anything reads it.
public struct StaleMonth: Hashable, Sendable {
    public var contractID: String
    public var month: YearMonth
    public var correctionsThrough: Int
    /// The corrections of the month numbered above `correctionsThrough`.
    public var newerCorrections: [Int]

    public init(contractID: String, month: YearMonth, correctionsThrough: Int, newerCorrections: [Int]) {
        self.contractID = contractID
        self.month = month
        self.correctionsThrough = correctionsThrough
        self.newerCorrections = newerCorrections
    }
}

extension HistoryDatabase {
    /// Stores a computation of a month and the rules it raised, in one transaction. An earlier computation of the
    /// same month is kept and marked `superseded_by` the new one, so reports can show what changed.
    /// `correctionsThrough` is the contract's last correction number when it was computed.
    public func storeMonthlyEvaluation(
        _ evaluation: MonthlyEvaluation,
        raised: [RaisedRule],
        computedOn: String,
        correctionsThrough: Int,
        faultHook: HistoryFaultHook = { _ in }
    ) throws {
        try write { db in
            try requireContract(db, evaluation.contractID)
            let month = evaluation.month.description
            try db.execute(
                sql: """
                    INSERT INTO monthly_score (contract_id, month, computed_on, corrections_through, score_units,
                        standing, unrounded_numerator, unrounded_denominator, patrol_findings, patrol_total_units,
                        patrol_applied_units, patrol_capped)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    evaluation.contractID, month, computedOn, correctionsThrough, evaluation.score.units,
                    evaluation.standing, String(evaluation.unrounded.numerator),
                    String(evaluation.unrounded.denominator), evaluation.patrol.findings,
                    evaluation.patrol.total.units, evaluation.patrol.applied.units, evaluation.patrol.capped,
                ]
            )
            let scoreID = db.lastInsertedRowID
            try db.execute(
                sql: """
                    UPDATE monthly_score SET superseded_by = ?
                    WHERE contract_id = ? AND month = ? AND superseded_by IS NULL AND id <> ?
                    """,
                arguments: [scoreID, evaluation.contractID, month, scoreID]
            )
            try insertDetail(db, scoreID: scoreID, evaluation)
            try faultHook(.afterEvaluation)
            for rule in raised {
                try db.execute(
                    sql: """
                        INSERT INTO raised_rule (score_id, rule_id, contract_id, raised_in, months, consequence_zh,
                            consequence_en, warns_next_tender)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        scoreID, rule.ruleID, rule.contractID, rule.raisedIn.description,
                        rule.months.map(\.description).joined(separator: " "), rule.consequence.zh,
                        rule.consequence.en, rule.warnsNextTender,
                    ]
                )
            }
            try faultHook(.afterRaisedRules)
            try faultHook(.beforeCommit)
        }
    }

    private func insertDetail(_ db: Database, scoreID: Int64, _ evaluation: MonthlyEvaluation) throws {
        let sources: [(PerformanceSource, SourceScore)] = [
            (.survey, evaluation.survey), (.team, evaluation.team), (.department, evaluation.department),
        ]
        for (source, score) in sources {
            try db.cachedStatement(
                sql: """
                    INSERT INTO monthly_source_score (score_id, source, sum_units, count, weight_units,
                        score_numerator, score_denominator, contribution_numerator, contribution_denominator,
                        rounded_contribution_units)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [
                scoreID, source.rawValue, score.sum.units, score.count, score.weight.units,
                String(score.score.numerator), String(score.score.denominator), String(score.contribution.numerator),
                String(score.contribution.denominator), score.roundedContribution?.units,
            ])
        }
        for (ordinal, number) in evaluation.corrections.enumerated() {
            try db.cachedStatement(
                sql: "INSERT INTO monthly_score_correction (score_id, ordinal, number) VALUES (?, ?, ?)"
            ).execute(arguments: [scoreID, ordinal, number])
        }
        for (itemOrdinal, item) in evaluation.surveyItems.enumerated() {
            try db.cachedStatement(
                sql: """
                    INSERT INTO monthly_survey_item (score_id, ordinal, item, mean_numerator, mean_denominator)
                    VALUES (?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [
                scoreID, itemOrdinal, item.item, item.mean.map { String($0.numerator) },
                item.mean.map { String($0.denominator) },
            ])
            for (ordinal, count) in item.counts.enumerated() {
                try db.cachedStatement(
                    sql: """
                        INSERT INTO monthly_survey_count (score_id, item_ordinal, ordinal, label, count)
                        VALUES (?, ?, ?, ?, ?)
                        """
                ).execute(arguments: [scoreID, itemOrdinal, ordinal, count.label, count.count])
            }
        }
        for (ordinal, total) in evaluation.departmentTotals.enumerated() {
            try db.cachedStatement(
                sql: """
                    INSERT INTO monthly_department_total (score_id, ordinal, department, total_units)
                    VALUES (?, ?, ?, ?)
                    """
            ).execute(arguments: [scoreID, ordinal, total.department, total.total.units])
        }
        for (ordinal, mean) in evaluation.departmentItemMeans.enumerated() {
            try db.cachedStatement(
                sql: """
                    INSERT INTO monthly_item_mean (score_id, ordinal, item, mean_numerator, mean_denominator)
                    VALUES (?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [
                scoreID, ordinal, mean.item, String(mean.mean.numerator), String(mean.mean.denominator),
            ])
        }
    }

    /// Every month of the contract that has a computation, in month order: the latest computation and the ones
    /// it superseded.
    public func monthlyEvaluations(contractID: String) throws(DiagnosticError) -> [MonthComputations] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: "SELECT * FROM monthly_score WHERE contract_id = ? ORDER BY month, id",
                arguments: [contractID]
            )
            var byMonth: [(month: YearMonth, computations: [StoredEvaluation])] = []
            for row in rows {
                let stored = try Self.storedEvaluation(db, row)
                if byMonth.last?.month == stored.evaluation.month {
                    byMonth[byMonth.count - 1].computations.append(stored)
                } else {
                    byMonth.append((stored.evaluation.month, [stored]))
                }
            }
            return byMonth.map { entry in
                MonthComputations(
                    month: entry.month,
                    latest: entry.computations[entry.computations.count - 1],
                    superseded: Array(entry.computations.dropLast())
                )
            }
        }
    }

    /// The months whose latest computation predates a correction of that month (by number), in month order.
    public func staleMonths(contractID: String) throws(DiagnosticError) -> [StaleMonth] {
        try read { db in try Self.staleMonths(db, contractIDs: [contractID]) }
    }

    static func staleMonths(_ db: Database, contractIDs: [String]) throws -> [StaleMonth] {
        var stale: [StaleMonth] = []
        for contractID in contractIDs {
            let rows = try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT s.month, s.corrections_through, c.number FROM monthly_score s
                        JOIN correction c ON c.contract_id = s.contract_id AND c.month = s.month
                            AND c.number > s.corrections_through
                        WHERE s.contract_id = ? AND s.superseded_by IS NULL
                        ORDER BY s.month, c.number
                        """
                ),
                arguments: [contractID]
            )
            for row in rows {
                let monthText: String = row["month"]
                guard let month = YearMonth(monthText) else { throw StoredValueError(what: "month \(monthText)") }
                let number: Int = row["number"]
                if stale.last?.contractID == contractID, stale.last?.month == month {
                    stale[stale.count - 1].newerCorrections.append(number)
                } else {
                    stale.append(
                        StaleMonth(
                            contractID: contractID,
                            month: month,
                            correctionsThrough: row["corrections_through"],
                            newerCorrections: [number]
                        )
                    )
                }
            }
        }
        return stale
    }

    static func ratio(_ numerator: String, _ denominator: String, _ what: String) throws -> ExactRatio {
        guard let top = Int128(numerator), let bottom = Int128(denominator), bottom > 0,
            let value = try? ExactRatio(top, bottom)
        else { throw StoredValueError(what: what) }
        return value
    }

    static func storedEvaluation(_ db: Database, _ row: Row) throws -> StoredEvaluation {
        let scoreID: Int64 = row["id"]
        let contractID: String = row["contract_id"]
        let monthText: String = row["month"]
        let what = "the computation of \(monthText) of contract \(contractID)"
        guard let month = YearMonth(monthText) else { throw StoredValueError(what: what) }
        var sources: [String: SourceScore] = [:]
        for source in try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM monthly_source_score WHERE score_id = ?"),
            arguments: [scoreID]
        ) {
            let rounded: Int64? = source["rounded_contribution_units"]
            sources[source["source"]] = SourceScore(
                score: try ratio(source["score_numerator"], source["score_denominator"], what),
                sum: Points(units: source["sum_units"]),
                count: source["count"],
                weight: Points(units: source["weight_units"]),
                contribution: try ratio(source["contribution_numerator"], source["contribution_denominator"], what),
                roundedContribution: rounded.map { Points(units: $0) }
            )
        }
        guard let survey = sources["survey"], let team = sources["team"], let department = sources["department"] else {
            throw StoredValueError(what: what)
        }
        let corrections = try Int.fetchAll(
            db.cachedStatement(sql: "SELECT number FROM monthly_score_correction WHERE score_id = ? ORDER BY ordinal"),
            arguments: [scoreID]
        )
        var counts: [Int: [AnswerCount]] = [:]
        for count in try Row.fetchAll(
            db.cachedStatement(
                sql: "SELECT * FROM monthly_survey_count WHERE score_id = ? ORDER BY item_ordinal, ordinal"
            ),
            arguments: [scoreID]
        ) {
            counts[count["item_ordinal"], default: []].append(AnswerCount(label: count["label"], count: count["count"]))
        }
        let surveyItems = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM monthly_survey_item WHERE score_id = ? ORDER BY ordinal"),
            arguments: [scoreID]
        ).map { item in
            let numerator: String? = item["mean_numerator"]
            let denominator: String? = item["mean_denominator"]
            var mean: ExactRatio?
            if let numerator, let denominator { mean = try ratio(numerator, denominator, what) }
            return SurveyItemSummary(item: item["item"], counts: counts[item["ordinal"]] ?? [], mean: mean)
        }
        let totals = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM monthly_department_total WHERE score_id = ? ORDER BY ordinal"),
            arguments: [scoreID]
        ).map { DepartmentTotal(department: $0["department"], total: Points(units: $0["total_units"])) }
        let means = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM monthly_item_mean WHERE score_id = ? ORDER BY ordinal"),
            arguments: [scoreID]
        ).map { ItemMean(item: $0["item"], mean: try ratio($0["mean_numerator"], $0["mean_denominator"], what)) }
        let evaluation = MonthlyEvaluation(
            contractID: contractID,
            month: month,
            survey: survey,
            team: team,
            department: department,
            patrol: PatrolDeduction(
                findings: row["patrol_findings"],
                total: Points(units: row["patrol_total_units"]),
                applied: Points(units: row["patrol_applied_units"]),
                capped: row["patrol_capped"]
            ),
            unrounded: try ratio(row["unrounded_numerator"], row["unrounded_denominator"], what),
            score: Points(units: row["score_units"]),
            standing: row["standing"],
            corrections: corrections,
            surveyItems: surveyItems,
            departmentTotals: totals,
            departmentItemMeans: means
        )
        return StoredEvaluation(
            evaluation: evaluation,
            computedOn: row["computed_on"],
            correctionsThrough: row["corrections_through"],
            raised: try raisedRules(db, scoreID: scoreID)
        )
    }

    static func raisedRules(_ db: Database, scoreID: Int64) throws -> [RaisedRule] {
        try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM raised_rule WHERE score_id = ? ORDER BY rule_id"),
            arguments: [scoreID]
        ).map(raisedRule)
    }

    static func raisedRule(_ row: Row) throws -> RaisedRule {
        let raisedText: String = row["raised_in"]
        let monthsText: String = row["months"]
        let months = monthsText.split(separator: " ").map { YearMonth($0) }
        guard let raisedIn = YearMonth(raisedText), !months.contains(nil) else {
            throw StoredValueError(what: "rule \(row["rule_id"] as String) raised in \(raisedText)")
        }
        return RaisedRule(
            contractID: row["contract_id"],
            ruleID: row["rule_id"],
            raisedIn: raisedIn,
            months: months.compactMap { $0 },
            consequence: LocalizedText(zh: row["consequence_zh"], en: row["consequence_en"]),
            warnsNextTender: row["warns_next_tender"]
        )
    }
}
