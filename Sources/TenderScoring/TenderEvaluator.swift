import Foundation
public import TenderCore
public import TenderModel

/// Evaluates a tender: admissibility, gates, objective rules, committee scores, price, totals, ranking and
/// the flags a committee must look at. Pure: no I/O, no clock; the same inputs give the same evaluation
/// whatever their order.
public enum TenderEvaluator {
    /// `history` is what the rubric's history criteria read (the pipeline reads it from the database); a rubric
    /// with history criteria cannot be evaluated without it.
    ///
    /// - Throws: `DiagnosticError` when the committee's score sheets are wrong (unknown bidder or criterion,
    ///   out-of-range, duplicate or missing scores), or a history criterion has no history covering its window.
    ///   A bad bid never throws: it is listed as not evaluated.
    public static func evaluate(
        rubric: Rubric,
        bids: [BidImportOutcome],
        scores: [ScoreSheetEntry],
        committee committeeFile: Committee? = nil,
        declarations: [ConflictDeclaration] = [],
        history: PerformanceHistory? = nil
    ) throws(DiagnosticError) -> Evaluation {
        try evaluate(
            rubric: rubric,
            bids: bids,
            scores: scores,
            committee: committeeFile,
            declarations: declarations,
            history: history,
            state: DecisionState()
        )
    }

    /// The evaluation with the decisions of `state` in force (see `DecisionRounds`).
    static func evaluate(
        rubric: Rubric,
        bids: [BidImportOutcome],
        scores: [ScoreSheetEntry],
        committee committeeFile: Committee?,
        declarations: [ConflictDeclaration],
        history: PerformanceHistory?,
        state: DecisionState
    ) throws(DiagnosticError) -> Evaluation {
        try HistoryScorer.checkAvailable(history, for: rubric)
        var diagnostics: [Diagnostic] = []
        var notEvaluated: [BidResult] = []
        var disqualified: [BidResult] = []
        var admitted: [Bid] = []
        var imported: [Bid] = []
        for outcome in bids {
            switch outcome {
            case .rejected(let file, let problems):
                notEvaluated.append(
                    BidResult(
                        file: file,
                        bidderName: nil,
                        registrationID: nil,
                        size: nil,
                        submittedAt: nil,
                        status: .notEvaluated,
                        problems: problems
                    )
                )
            case .imported(let bid, let warnings):
                diagnostics.append(contentsOf: warnings)
                imported.append(bid)
                let problems = Admissibility.problems(of: bid, rubric: rubric)
                let grounds = Admissibility.disqualifications(of: bid, rubric: rubric)
                // A late bid is refused whatever else is wrong with it; a price above the limit is a ground only
                // once the rest of the bid can be read as it stands.
                let late = grounds.contains { if case .lateSubmission = $0.ground { true } else { false } }
                if !grounds.isEmpty, problems.isEmpty || late {
                    var entry = result(for: bid, status: .disqualified, problems: problems)
                    entry.disqualifications = grounds
                    disqualified.append(entry)
                } else if problems.isEmpty {
                    admitted.append(bid)
                } else {
                    notEvaluated.append(result(for: bid, status: .notEvaluated, problems: problems))
                }
            }
        }
        // The committee chose which of a bidder's duplicate bids counts: the others are set aside, not held.
        for (file, decision) in state.chosenDuplicates {
            guard let chosen = admitted.first(where: { $0.file == file }) else { continue }
            let others = admitted.filter { other in
                other.file != file && !Admissibility.separateDuplicateBidders([chosen, other]).duplicates.isEmpty
            }
            admitted.removeAll { bid in others.contains { $0.file == bid.file } }
            notEvaluated += others.map { bid in
                result(
                    for: bid,
                    status: .notEvaluated,
                    problems: [
                        .note(
                            "set aside: the committee decided that \(file) is the bid of this bidder (decision "
                                + "\(decision.number), \(decision.date))",
                            at: decision.location(of: "file")
                        )
                    ]
                )
            }
        }
        let (unique, duplicates) = Admissibility.separateDuplicateBidders(admitted)
        notEvaluated.append(
            contentsOf: duplicates.map { result(for: $0.bid, status: .notEvaluated, problems: [$0.problem]) }
        )

        let checker = GateChecker(rubric: rubric)
        var valid: [Candidate] = []
        var disqualifiedBids: [Bid] = []
        for bid in unique {
            let gates = checker.check(bid)
            if let decision = state.rejected[bid.bidder.name] {
                // 87号令 Art 60: a bidder that cannot show its low price is sound is treated as non-responsive.
                var entry = result(for: bid, status: .disqualified)
                entry.disqualifications = [
                    Disqualification(
                        ground: .rejectedAfterClarification(
                            decision: decision.number,
                            date: decision.date,
                            reason: decision.reason
                        ),
                        location: decision.location(of: "outcome")
                    )
                ]
                entry.gates = gates
                disqualified.append(entry)
                disqualifiedBids.append(bid)
            } else if gates.allSatisfy(\.passed) {
                valid.append(Candidate(bid: bid, gates: gates))
            } else {
                var entry = result(for: bid, status: .disqualified)
                entry.gates = gates
                disqualified.append(entry)
                disqualifiedBids.append(bid)
            }
        }

        let knownBidders =
            valid.map { ($0.bid.bidder.name, $0.bid.bidder.registrationID, $0.bid.file, true) }
            + disqualified.map { ($0.displayName, $0.registrationID, $0.file, false) }
            + notEvaluated.compactMap { entry in entry.bidderName.map { ($0, entry.registrationID, entry.file, false) }
            }
        let (committee, committeeNotes, outstanding) = try CommitteeScores.validate(
            scores,
            rubric: rubric,
            bidders: knownBidders,
            unreadableBids: notEvaluated.filter { $0.bidderName == nil }.count,
            committee: committeeFile,
            declarations: declarations,
            excusedPairs: state.excusedPairs,
            excusedMembers: state.excusedMembers
        )
        diagnostics.append(contentsOf: committeeNotes)

        let historyScorer = HistoryScorer(rubric: rubric, history: history)
        let scorer = Scorer(rubric: rubric, committee: committee.applying(state), history: historyScorer)
        var scored: (results: [BidResult], base: PriceBase?, warnings: [Diagnostic])
        do {
            scored = try scorer.scoreAndRank(valid)
        } catch {
            throw DiagnosticError(error.diagnostic)
        }
        let failed = scored.results.count < rubric.tender.minimumValidBids
        // Nothing is ranked on part of the committee's scores, and a failed tender ranks no one.
        let unranked = !outstanding.isEmpty || failed
        if unranked {
            scored.results = scored.results.map {
                Preliminary.withoutRanking($0, rubric: rubric, pendingJudgement: !outstanding.isEmpty)
            }
            .sorted(by: byNameThenFile)
        }
        diagnostics.append(contentsOf: scored.warnings)
        let dateFlags = DateFlags.check(valid.map(\.bid) + disqualifiedBids, rubric: rubric)
        diagnostics.append(contentsOf: dateFlags.warnings)
        if rubric.tender.tieBreak.contains(.earliestSubmission) {
            for candidate in valid where Ranking.submissionInstant(candidate.bid.submittedAt, rubric: rubric) == nil {
                let said =
                    candidate.bid.submittedAt.map { time in
                        DateChecks.earlySubmission(time, tender: rubric.tender) == nil
                            ? "'\(time)' is not a time with a time zone"
                            : "'\(time)' is before the tender was published"
                    } ?? "none is given"
                diagnostics.append(
                    .warning(
                        "the earliest-submission tie-break cannot use this bid's submission time (\(said)); "
                            + "it ranks after bids whose time is known",
                        at: SourceLocation(file: candidate.bid.file)
                    )
                )
            }
        }

        var flags: [Flag]
        do {
            flags = try Flags.abnormallyLowPrices(scored.results, percent: rubric.pricePolicy.abnormallyLowPercent)
            if outstanding.isEmpty { flags += try Flags.disagreements(scored.results, rubric: rubric) }
        } catch {
            throw DiagnosticError(
                .error("the price and score checks cannot be computed exactly: \(error)", at: rubric.tender.location)
            )
        }
        if !unranked {
            flags += Flags.declaredTies(scored.results)
            do {
                flags += try RankReversal.check(scorer: scorer, ranked: scored.results)
            } catch {
                throw DiagnosticError(error.diagnostic)
            }
        }
        flags += Flags.suspiciousNames(imported)
        flags += dateFlags.flags
        flags += Flags.implausiblyLowPrices(scored.results, rubric: rubric, base: scored.base)
        // Every bid that could be read is compared, whatever its status: collusion taints the others too.
        flags += Collusion.signals(imported, rubric: rubric).map(Flag.possibleCollusion)
        flags += historyScorer.identityFlags(for: scored.results)
        flags += historyScorer.warnings(for: scored.results)
        let outcome: TenderOutcome
        if failed {
            outcome = .failed(validBids: scored.results.count, minimum: rubric.tender.minimumValidBids)
            flags.insert(.tooFewValidBids(valid: scored.results.count, minimum: rubric.tender.minimumValidBids), at: 0)
        } else {
            outcome = .ranked
        }
        if var committeeFile {
            // A replaced member has left the committee: the rules apply to the members who sit on it.
            committeeFile.members.removeAll { state.excusedMembers.contains($0.id) }
            let findings = committeeFile.policyFindings(
                profile: rubric.tender.profile,
                budgetAtLeastLarge: rubric.budgetAtLeastLargeCommitteeThreshold
            )
            flags.insert(contentsOf: findings.map(Flag.committeeComposition), at: 0)
        }
        // Held first: while the committee has not said which held bid counts, every verdict below is provisional.
        if !duplicates.isEmpty {
            flags.insert(.bidsHeldForCommittee(files: duplicates.map(\.bid.file).sorted()), at: 0)
        }
        // Each result's flags in flag order, through an index by bidder (not every flag tested per result).
        var flagIndices: [String: [Int]] = [:]
        for (index, flag) in flags.enumerated() {
            for name in Set(flag.concernedBidders) { flagIndices[name, default: []].append(index) }
        }
        let flagsOf = { (entry: BidResult) in (flagIndices[entry.displayName] ?? []).map { flags[$0] } }
        let ranked = scored.results.map { entry in
            var entry = entry
            entry.flags = flagsOf(entry)
            return entry
        }
        // A bid that is not ranked carries the collusion signals whose evidence cites its file (a name alone
        // could be a valid bid's, whose price flags are not this bid's).
        let cited = { (entry: BidResult) -> BidResult in
            var entry = entry
            entry.flags = flagsOf(entry).filter { flag in
                guard case .possibleCollusion(let signal) = flag else { return false }
                return signal.evidence.contains { $0.file == entry.file }
            }
            return entry
        }
        var evaluation = Evaluation(
            rubric: rubric,
            outcome: outcome,
            results: ranked + disqualified.sorted(by: byNameThenFile).map(cited)
                + notEvaluated.sorted(by: byNameThenFile).map(cited),
            priceBase: scored.base,
            members: committee.members.filter { !state.excusedMembers.contains($0) },
            flags: flags,
            diagnostics: diagnostics.sorted { $0.description < $1.description }
        )
        evaluation.outstanding = outstanding
        evaluation.acceptedClarifications = state.accepted.mapValues(\.number)
        evaluation.committee = committeeFile
        if let history, !rubric.historyRules.isEmpty {
            evaluation.history = HistorySource(
                database: history.database,
                digest: history.digest,
                firstMonth: history.firstMonth,
                lastMonth: history.lastMonth
            )
        }
        return evaluation
    }

    static func result(for bid: Bid, status: BidStatus, problems: [Diagnostic] = []) -> BidResult {
        BidResult(
            file: bid.file,
            bidderName: bid.bidder.name,
            registrationID: bid.bidder.registrationID,
            size: bid.bidder.size,
            submittedAt: bid.submittedAt,
            status: status,
            problems: problems
        )
    }

    private static func byNameThenFile(_ lhs: BidResult, _ rhs: BidResult) -> Bool {
        (lhs.displayName, lhs.file) < (rhs.displayName, rhs.file)
    }
}

/// A bid that passed every gate, with the gate verdicts kept for the report.
struct Candidate {
    var bid: Bid
    var gates: [GateResult]
}
