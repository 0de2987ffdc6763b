import TenderCore
import TenderModel

/// Turns the performance history into a history criterion's points and the committee's warning flags. The
/// history arrives as a value (the pipeline reads the database); nothing here does I/O.
struct HistoryScorer {
    let rubric: Rubric
    /// The history's bidders by registration key, the keys normalised again so that a history keyed by the id as
    /// written still matches.
    private let bidders: [String: BidderHistory]
    /// The history's contracts by contractor name key, normalised again like `bidders`.
    let namedContractors: [String: [ContractorRecord]]

    init(rubric: Rubric, history: PerformanceHistory?) {
        self.rubric = rubric
        var bidders: [String: BidderHistory] = [:]
        let given = history?.bidders ?? [:]
        // In key order: a dictionary's own order changes from run to run, and merged entries must not.
        for key in given.keys.sorted() {
            guard let entry = given[key], let normalised = BidderIdentity.registrationIDKey(key)?.value else {
                continue
            }
            if var known = bidders[normalised] {
                known.contracts += entry.contracts
                known.warnings += entry.warnings
                bidders[normalised] = known
            } else {
                bidders[normalised] = entry
            }
        }
        self.bidders = bidders
        self.namedContractors = Self.normalisedNames(history?.contractorsByName ?? [:])
    }

    /// A rubric with history criteria cannot be evaluated without the history, nor with one that does not cover
    /// every criterion's window (a month left out would silently lower a mean or turn it neutral).
    static func checkAvailable(_ history: PerformanceHistory?, for rubric: Rubric) throws(DiagnosticError) {
        var problems: [Diagnostic] = []
        for criterion in rubric.criteria {
            guard case .history(let rule) = criterion.rule else { continue }
            let id = VisibleText.excerpt(criterion.id)
            guard let history else {
                problems.append(
                    .error(
                        "criterion '\(id)' reads the performance history: give the database with --db",
                        at: criterion.location
                    )
                )
                continue
            }
            guard let window = rubric.historyWindow(for: rule) else {
                problems.append(
                    .error(
                        "criterion '\(id)' has no history window: the tender header needs 'published' or "
                            + "'evaluation-date'",
                        at: criterion.location
                    )
                )
                continue
            }
            if history.firstMonth > window.first || history.lastMonth < window.last {
                problems.append(
                    .error(
                        "criterion '\(id)' needs the performance history of \(window.first) … \(window.last), but "
                            + "\(VisibleText.excerpt(history.database)) was read for \(history.firstMonth) … "
                            + "\(history.lastMonth)",
                        at: criterion.location
                    )
                )
            }
        }
        if !problems.isEmpty { throw DiagnosticError(problems) }
    }

    /// The bidder's history, found by the registration key of the id the bid states.
    func history(registrationID: String?) -> BidderHistory? {
        registrationID.flatMap { BidderIdentity.registrationIDKey($0)?.value }.flatMap { bidders[$0] }
    }

    /// The criterion's exact points and the evidence: the mean of every counted month on the scale, or the
    /// neutral points when no month counts. `bidderName` is the name the bid gives, for the identity check only.
    func score(
        registrationID: String?,
        bidderName: String?,
        rule: HistoryRule
    ) throws(FixedPointOverflow) -> (points: ExactRatio, evidence: HistoryEvidence) {
        // `checkAvailable` has made sure of the window before any bid is scored.
        guard let window = rubric.historyWindow(for: rule) else { throw FixedPointOverflow(.outOfRange) }
        let inWindow = { (month: HistoryMonth) in month.month >= window.first && month.month <= window.last }
        var counted: [ContractHistory] = []
        var otherBuyers: [String] = []
        for contract in history(registrationID: registrationID)?.contracts ?? [] {
            var kept = contract
            kept.months = contract.months.filter(inWindow).sorted { $0.month < $1.month }
            guard !kept.months.isEmpty else { continue }
            if rule.buyer == .thisBuyer && !Self.sameBuyer(contract.buyer, rubric.tender.buyer) {
                otherBuyers.append(contract.contractID)
            } else {
                counted.append(kept)
            }
        }
        counted.sort { $0.contractID < $1.contractID }
        otherBuyers.sort()
        var sum = Points.zero
        var count = 0
        for month in counted.flatMap(\.months) {
            sum = try sum + month.score
            count += 1
        }
        let outcome: HistoryOutcome
        let points: ExactRatio
        if count == 0 {
            let hasID = registrationID.flatMap { BidderIdentity.registrationIDKey($0) } != nil
            outcome = .neutral(hasID ? .noMonths : .noRegistrationID, points: rule.neutral)
            points = rule.neutral.ratio
        } else {
            let mean = try ExactRatio(Int128(sum.units), Int128(count) * Int128(Points.unitsPerWhole))
            let scored = try ObjectiveScorer.score(Fact(.number(mean)), on: rule.scale)
            outcome = .scored(mean: mean, applied: scored.applied)
            points = scored.points
        }
        var evidence = HistoryEvidence(
            firstMonth: window.first,
            lastMonth: window.last,
            buyer: rule.buyer,
            registrationID: registrationID,
            contracts: counted,
            otherBuyers: otherBuyers,
            sum: sum,
            count: count,
            outcome: outcome
        )
        evidence.identity = identityProblem(bidderName: bidderName, registrationID: registrationID)
        return (points, evidence)
    }

    /// One flag per warning raised in the rubric's history window on a contract of a valid bidder, whichever
    /// buyer awarded it: the committee should know of it, but it never changes a score or excludes a bid.
    func warnings(for results: [BidResult]) -> [Flag] {
        guard let window = rubric.historyWindow else { return [] }
        var flags: [Flag] = []
        for result in results.sorted(by: { ($0.displayName, $0.file) < ($1.displayName, $1.file) }) {
            guard let bidder = history(registrationID: result.registrationID) else { continue }
            let raised = bidder.warnings.filter {
                $0.warnsNextTender && $0.raisedIn >= window.first && $0.raisedIn <= window.last
            }
            var seen = Set<RaisedRule>()
            for warning in raised.sorted(by: {
                ($0.contractID, $0.raisedIn, $0.ruleID) < ($1.contractID, $1.raisedIn, $1.ruleID)
            })
            where seen.insert(warning).inserted {
                let contract = bidder.contracts.first { $0.contractID == warning.contractID }
                flags.append(
                    .performanceWarning(
                        bidder: result.displayName,
                        warning: warning,
                        contractID: warning.contractID,
                        tenderID: contract?.tenderID ?? "",
                        buyer: contract?.buyer ?? LocalizedText(),
                        contractor: contract?.contractor.name ?? result.displayName
                    )
                )
            }
        }
        return flags
    }

    /// Buyers are the same when any of their names (zh or en) are equal through the identity name key.
    static func sameBuyer(_ lhs: LocalizedText, _ rhs: LocalizedText) -> Bool {
        let keys = { (text: LocalizedText) in Set([text.zh, text.en].compactMap { $0.flatMap(BidderIdentity.nameKey) })
        }
        return !keys(lhs).isDisjoint(with: keys(rhs))
    }
}
