import TenderCore
import TenderHistory
import TenderModel
import TenderRubric
import TenderScoring

/// What the history holds for one contract, checked against itself: its stored plan, every month's latest score
/// recomputed from the records and corrections it was computed from, and the standing rules as the latest
/// standings give them. A tender reads a contract only through this audit, so a score, a standing, a rule or a
/// registration key edited in the database with another program is found, not scored.
struct ContractAudit {
    var contractID: String
    /// The plan as registered (nil when it no longer loads, which is a problem).
    var plan: EvaluationPlan?
    /// Scores that are not what the records give, keys that are not the plan's, a correction chain shorter than a
    /// computation says it applied: the history was changed outside tender-eval.
    var problems: [Diagnostic]
    /// Months with records but no current score: never computed, or computed before a correction.
    var uncomputed: [YearMonth]
    var stale: [YearMonth]
    /// Every month at which a standing rule is met, over the latest standings of every computed month, oldest
    /// first: the same whatever order the months were computed in, and current after a month is computed again.
    var rules: [RaisedRule]

    static func run(_ contractID: String, in database: HistoryDatabase) throws(DiagnosticError) -> ContractAudit {
        var audit = ContractAudit(contractID: contractID, plan: nil, problems: [], uncomputed: [], stale: [], rules: [])
        let shown = VisibleText.escaped(contractID)
        let databaseFile = SourceLocation(file: database.path)
        guard let registered = try database.registeredContract(id: contractID) else {
            audit.problems.append(.error("contract \(shown) is not in the history", at: databaseFile))
            return audit
        }
        let plan: EvaluationPlan
        do {
            plan = try PlanLoader.load(bytes: registered.planBytes, file: registered.planFile)
        } catch {
            audit.problems.append(
                .error(
                    "the plan stored for contract \(shown) no longer loads: \(error.diagnostics.first?.message ?? "")",
                    at: databaseFile
                )
            )
            return audit
        }
        audit.plan = plan
        let key = BidderIdentity.registrationIDKey(plan.contract.contractor.registrationID)?.value ?? ""
        if registered.registrationKey != key || registered.contractor != plan.contract.contractor {
            audit.problems.append(
                .error(
                    "contract \(shown): the contractor stored for matching bidders (\(VisibleText.escaped(registered.contractor.name)), "
                        + "\(VisibleText.escaped(registered.registrationKey))) is not the plan's "
                        + "(\(VisibleText.escaped(plan.contract.contractor.name)), \(key)); the history was changed "
                        + "outside tender-eval",
                    at: databaseFile
                )
            )
        }
        let corrections = try database.corrections(contractID: contractID)
        let lastCorrection = corrections.last?.number ?? 0
        let computations = try database.monthlyEvaluations(contractID: contractID)
        audit.stale = try database.staleMonths(contractID: contractID).map(\.month)
        var standings: [YearMonth: String] = [:]
        for computed in computations {
            let stored = computed.latest
            let month = computed.month
            standings[month] = stored.evaluation.standing
            if stored.correctionsThrough > lastCorrection {
                audit.problems.append(
                    .error(
                        "contract \(shown) \(month): its score was computed after correction "
                            + "\(stored.correctionsThrough), but the history holds corrections up to \(lastCorrection) "
                            + "only; corrections were removed outside tender-eval",
                        at: databaseFile
                    )
                )
                continue
            }
            let applied = corrections.filter { $0.month == month && $0.number <= stored.correctionsThrough }
            let records = try database.monthRecords(contractID: contractID, month: month)
            let recomputed: MonthlyEvaluation
            do {
                recomputed = try MonthlyScorer.evaluate(plan: plan, records: records, corrections: applied)
            } catch {
                audit.problems.append(
                    .error(
                        "contract \(shown) \(month): its records no longer give a score "
                            + "(\(error.diagnostics.first?.message ?? "")), yet one is stored",
                        at: databaseFile
                    )
                )
                continue
            }
            if recomputed.score != stored.evaluation.score || recomputed.standing != stored.evaluation.standing
                || recomputed.unrounded != stored.evaluation.unrounded
            {
                audit.problems.append(
                    .error(
                        "contract \(shown) \(month): the stored score \(stored.evaluation.score.plainText) "
                            + "(\(stored.evaluation.standing)) is not what its records and corrections give "
                            + "(\(recomputed.score.plainText), \(recomputed.standing)); the history was changed "
                            + "outside tender-eval",
                        at: databaseFile
                    )
                )
            }
        }
        let computedMonths = Set(computations.map(\.month))
        audit.uncomputed = try database.recordedMonths(contractID: contractID).filter { !computedMonths.contains($0) }
        audit.rules = StandingRules.raisedOverStandings(plan: plan, standings: standings)
        return audit
    }
}
