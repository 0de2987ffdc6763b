import TenderCore
import TenderHistory
import TenderModel

/// What a tender's history criteria read from the performance history: every contract of the tender's bidders,
/// matched by registration id, in the rubric's longest window. Only rubrics with a history criterion open the
/// database at all.
enum TenderHistoryInput {
    /// - Returns: nil when the rubric has no history criterion.
    /// - Throws: no database (the rubric needs one), a file that is not a history, a month in the window with
    ///   records but no current score (never computed, or computed before a correction: it must be computed
    ///   first), or a contract whose stored scores, standings or keys are not what its records give.
    static func load(
        rubric: Rubric,
        bids: [BidImportOutcome],
        databasePath: String?
    ) throws(DiagnosticError) -> PerformanceHistory? {
        guard let window = rubric.historyWindow else { return nil }
        let path = databasePath ?? PerformancePipeline.defaultDatabase
        let database = try HistoryDatabase.open(path: path, mode: .existing, sha256: PerformancePipeline.sha256)
        var keys: Set<String> = []
        for case .imported(let bid, _) in bids {
            if let id = bid.bidder.registrationID, let key = BidderIdentity.registrationIDKey(id) {
                keys.insert(key.value)
            }
        }
        // Every buyer's contracts are read; a `this-buyer` criterion keeps only its buyer's when it scores.
        let result = try database.history(
            registrationKeys: keys.sorted(),
            nameKeys: nameKeys(of: bids),
            window: window.first...window.last,
            buyerMatches: { _ in true },
            database: VisibleText.escaped(path)
        )
        var problems = DiagnosticCollector()
        problems.append(contentsOf: result.staleMonths)
        var history = result.history
        for (key, bidder) in history.bidders {
            var warnings: [RaisedRule] = []
            for contract in bidder.contracts {
                let audit = try ContractAudit.run(contract.contractID, in: database)
                problems.append(contentsOf: audit.problems)
                for month in audit.uncomputed where month >= window.first && month <= window.last {
                    problems.error(
                        "contract \(VisibleText.escaped(contract.contractID)) \(month) has records but no score: "
                            + "compute it with `tender-eval perf month` (or finish recording it) before a tender "
                            + "reads the history; a month left out would change the mean unseen",
                        at: SourceLocation(file: VisibleText.escaped(path))
                    )
                }
                warnings += warningsInWindow(audit.rules, first: window.first, last: window.last)
            }
            history.bidders[key]?.warnings = warnings
        }
        try problems.throwIfErrors()
        return history
    }

    /// One warning per contract and rule: the last month in the window that met it, with every month that counted
    /// towards it in the window (a fourth unqualified month does not make a second warning).
    static func warningsInWindow(_ rules: [RaisedRule], first: YearMonth, last: YearMonth) -> [RaisedRule] {
        var byRule: [String: RaisedRule] = [:]
        var order: [String] = []
        for rule in rules where rule.warnsNextTender && rule.raisedIn >= first && rule.raisedIn <= last {
            if var earlier = byRule[rule.ruleID] {
                earlier.raisedIn = max(earlier.raisedIn, rule.raisedIn)
                earlier.months = Array(Set(earlier.months + rule.months.filter { $0 >= first })).sorted()
                byRule[rule.ruleID] = earlier
            } else {
                var kept = rule
                kept.months = rule.months.filter { $0 >= first }
                byRule[rule.ruleID] = kept
                order.append(rule.ruleID)
            }
        }
        return order.compactMap { byRule[$0] }
    }
}
