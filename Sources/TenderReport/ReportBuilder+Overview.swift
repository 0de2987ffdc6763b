import Foundation
import TenderCore
import TenderModel

/// The tender-wide sections: header, outcome, ranking, committee flags and the closing sections.
extension ReportBuilder {
    // MARK: - Header and outcome

    func headerRows() -> [KeyValue] {
        let tender = rubric.tender
        var rows: [KeyValue] = [
            KeyValue(key: "\(labels.tenderID)", value: .user(tender.id)),
            KeyValue(key: "\(labels.tenderTitle)", value: .user(tender.title.text(in: language))),
            KeyValue(key: "\(labels.buyer)", value: .user(tender.buyer.text(in: language))),
            KeyValue(key: "\(labels.method)", value: "\(labels.methodName(tender.method))"),
            KeyValue(key: "\(labels.currency)", value: .user(tender.currency)),
            KeyValue(key: "\(labels.budget)", value: "\(tender.budget.map(money) ?? labels.dash)"),
            KeyValue(key: "\(labels.rounding)", value: "\(labels.roundingRule(tender.rounding, decimals: decimals))"),
            KeyValue(key: "\(labels.evaluationDate)", value: .user(tender.evaluationDate)),
        ]
        if let published = tender.published {
            rows.append(KeyValue(key: "\(labels.published)", value: .user(published)))
        }
        if let deadline = tender.submissionDeadline {
            rows.append(KeyValue(key: "\(labels.submissionDeadline)", value: .user(deadline)))
        }
        rows += [
            KeyValue(key: "\(labels.minimumValidBids)", value: "\(tender.minimumValidBids)"),
            KeyValue(
                key: "\(labels.rankingOrder)",
                value: labels.rankingOrder(tender.tieBreak.map { labels.rankingStep($0, names: ruleTargetName) })
            ),
        ]
        let deductions = rubric.pricePolicy.sizeDeductions.filter { $0.value != 0 }.sorted { $0.key < $1.key }
        let deductionText =
            deductions.isEmpty
            ? labels.none
            : deductions.map { labels.deduction(size: $0.key, percent: NumberFormat.percent($0.value)) }
                .joined(separator: labels.listSeparator)
        rows.append(KeyValue(key: "\(labels.priceDeductions)", value: "\(deductionText)"))
        rows.append(
            KeyValue(
                key: "\(labels.abnormallyLowRule)",
                value:
                    "\(labels.abnormallyLowRule(percent: NumberFormat.percent(rubric.pricePolicy.abnormallyLowPercent)))"
            )
        )
        rows += priceLimitRows()
        if !evaluation.members.isEmpty {
            rows.append(
                KeyValue(
                    key: "\(labels.committee)",
                    value: labels.committeeRule(
                        members: joinedNames(evaluation.members),
                        count: evaluation.members.count,
                        aggregation: rubric.committee.aggregation,
                        disagreementPercent: NumberFormat.percent(rubric.committee.disagreementPercent)
                    )
                )
            )
        }
        if let profile = tender.profile {
            rows.append(KeyValue(key: "\(labels.profile)", value: .user(profile)))
        }
        rows.append(KeyValue(key: "\(labels.rubricFile)", value: .shown(rubric.file)))
        rows.append(KeyValue(key: "\(labels.toolVersion)", value: .user(context.toolVersion)))
        return rows
    }

    func outcomeBlocks() -> [Block] {
        let banner = conclusionBanner()
        switch evaluation.conclusion {
        case .preliminary:
            return banner
        case .cannotConclude:
            let held = evaluation.heldForCommittee
            let blocked = evaluation.results.filter { $0.status == .notEvaluated }.count
            // Only held bids in the way: the standing (or the failure) for now, as the held-bid words state it.
            if !held.isEmpty, held.count == blocked { return banner + provisionalOutcomeBlocks(held: held) }
            if case .failed(let valid, let minimum) = evaluation.outcome {
                return banner + [.paragraph("\(conclusionWords.tooFewForNow(valid, minimum))")]
            }
            // Ranks stand only for now: the standing is shown, but no one is named first.
            guard hasRanks else { return banner }
            let valid = evaluation.validResults.count
            return banner + [.paragraph("\(labels.ranked(valid: valid, minimum: rubric.tender.minimumValidBids))")]
        case .final, .failed:
            break
        }
        switch evaluation.outcome {
        case .failed(let valid, let minimum):
            return [
                .paragraph("\(labels.failed(valid: valid, minimum: minimum))", style: .alert),
                .paragraph("\(conclusionWords.failedNoRanks)"),
            ]
        case .ranked:
            var blocks: [Block] = [
                .paragraph(
                    "\(labels.ranked(valid: evaluation.validResults.count, minimum: rubric.tender.minimumValidBids))"
                )
            ]
            let first = evaluation.validResults.filter { $0.rank == 1 }.map(\.displayName)
            if !first.isEmpty {
                blocks.append(.paragraph(labels.firstRanked(joinedNames(first), tie: first.count > 1), style: .strong))
            }
            return blocks
        }
    }

    /// While bids are held for the committee, the outcome says so first and every line after it says "for now":
    /// a held bid may be the winner, or the valid bid that keeps the tender from failing.
    private func provisionalOutcomeBlocks(held: [String]) -> [Block] {
        let words = HeldBidsLabels.labels(for: language)
        var blocks: [Block] = []
        switch evaluation.outcome {
        case .failed(let valid, let minimum):
            blocks.append(.paragraph(words.provisional(held.count, joinedNames(held), true), style: .alert))
            blocks.append(.paragraph("\(words.failedForNow(valid, minimum))", style: .alert))
        case .ranked:
            blocks.append(.paragraph(words.provisional(held.count, joinedNames(held), false), style: .alert))
            blocks.append(
                .paragraph("\(words.rankedForNow(evaluation.validResults.count, rubric.tender.minimumValidBids))")
            )
            let first = evaluation.validResults.filter { $0.rank == 1 }.map(\.displayName)
            if !first.isEmpty {
                blocks.append(.paragraph(words.firstRankedForNow(joinedNames(first), first.count > 1), style: .strong))
            }
        }
        return blocks
    }

    // MARK: - Ranking

    func decisionName(_ decision: TieBreakDecision) -> RichText {
        switch decision {
        case .lowerEvaluatedPrice: return "\(labels.lowerEvaluatedPrice)"
        case .rule(let rule): return labels.tieBreakRule(rule, names: ruleTargetName)
        }
    }

    func rankingBlocks() -> [Block] {
        let valid = evaluation.validResults
        let headers: [RichText] =
            ["\(labels.rank)", "\(labels.bidder)", "\(labels.total)"]
            + rubric.groups.map { "\(groupName($0.id)) (\(NumberFormat.exact($0.points)))" }
            + ["\(labels.evaluatedPrice)", "\(labels.decidedBy)"]
        let alignments: [Table.Alignment] =
            [.right, .name, .right] + rubric.groups.map { _ in .right } + [.right, .name]
        let rows: [[RichText]] = valid.map { result in
            ["\(rankText(result))", .user(result.displayName), "\(totalText(result))"]
                + rubric.groups.map { group in
                    "\(result.groupScore(for: group.id).map(counted) ?? labels.dash)"
                }
                + [
                    "\(result.price.map { money($0.evaluatedPrice) } ?? labels.dash)",
                    result.decidedBy.map(decisionName) ?? "",
                ]
        }
        var blocks: [Block] = [.table(Table(headers: headers, alignments: alignments, rows: rows))]
        var notes: [RichText] = []
        for (index, result) in valid.enumerated() {
            guard let decision = result.decidedBy, index + 1 < valid.count else { continue }
            notes.append(
                labels.tieNote(
                    above: .user(result.displayName),
                    below: .user(valid[index + 1].displayName),
                    total: totalText(result),
                    decision: labels.decision(decisionName(decision))
                )
            )
        }
        if !notes.isEmpty { blocks.append(.list(notes)) }
        return blocks
    }

    /// The price base the price formula used, the plausible floor, and the chart of group scores: the numbers
    /// behind the ranking, kept off the one-page summary.
    func priceBaseBlocks() -> [Block] {
        var blocks: [Block] = []
        if let base = evaluation.priceBase {
            blocks.append(
                .paragraph(
                    labels.priceBase(
                        lowest: money(base.lowest),
                        bidder: .user(base.lowestBidder),
                        highest: money(base.highest)
                    )
                )
            )
            blocks += priceFloorBlocks(base)
        }
        blocks.append(.chart)
        return blocks
    }

    func unrankedReason(_ result: BidResult) -> RichText {
        switch result.status {
        case .valid:
            return ""
        case .disqualified:
            let reasons = failureReasons(result)
            // A bid rejected by decision after clarification passed every gate: the decision is the reason.
            guard !reasons.isEmpty else {
                return result.problems.map { RichText.shown($0.message) }.joined(separator: "; ")
            }
            return reasons.joined(separator: "; ")
        case .notEvaluated:
            return result.problems.map { RichText.shown($0.description) }.joined(separator: "; ")
        }
    }

    func unrankedTable(_ results: [BidResult]) -> Table {
        Table(
            headers: ["\(labels.bidder)", "\(labels.file)", "\(labels.status)", "\(labels.reason)"],
            alignments: [.name, .left, .name, .left],
            rows: results.map { result in
                [
                    .user(result.displayName), .shown(result.file), "\(labels.statusName(result.status))",
                    unrankedReason(result),
                ]
            }
        )
    }

    // MARK: - Flags

    func flagText(_ flag: Flag) -> RichText {
        switch flag {
        case .abnormallyLowPrice(let bidder, let price, let mean, let percent):
            return labels.abnormallyLow(
                bidder: .user(bidder),
                price: money(price),
                mean: money(mean),
                percent: NumberFormat.percent(percent)
            ) + resolvedText(flag)
        case .scoreDisagreement(let bidder, let criterionID, let lowest, let highest, let threshold, let outliers):
            return labels.disagreement(
                bidder: .user(bidder),
                criterion: criterionName(criterionID),
                lowest: NumberFormat.exact(lowest),
                highest: NumberFormat.exact(highest),
                spread: NumberFormat.exact(Points(units: highest.units - lowest.units)),
                threshold: NumberFormat.exact(threshold),
                outliers: outliers.isEmpty ? nil : joinedNames(outliers)
            )
        case .tooFewValidBids(let valid, let minimum):
            return "\(labels.tooFewValidBids(valid: valid, minimum: minimum))"
        case .bidsHeldForCommittee(let files):
            return HeldBidsLabels.labels(for: language).flag(files.count, joinedNames(files))
        case .declaredTie(let bidders, let rank):
            return labels.declaredTie(bidders: joinedNames(bidders), rank: rank)
        case .rankReversal(let removed, let winner, let winnerWithoutRemoved):
            return labels.rankReversal(
                removed: .user(removed),
                winner: .user(winner),
                winnerWithout: .user(winnerWithoutRemoved)
            )
        case .suspiciousBidderName(let bidder, let file, let characters):
            return labels.suspiciousName(
                bidder: .user(bidder),
                source: labels.source(file),
                characters: characters.map(BidderIdentity.codePoint).joined(separator: ", ")
            )
        case .implausibleDate(let bidder, let file, let line, let part, let date, let problem):
            var kind: RichText = ""
            if case .commitment(let name) = part { kind = kindName(name) }
            return labels.implausibleDate(
                bidder: .user(bidder),
                part: labels.datedPart(part, kind: kind),
                date: .user(date),
                source: labels.source(line.map { "\(file):\($0)" } ?? file),
                problem: labels.dateProblem(problem) + (part == .submission ? labels.submissionTieBreakNote : "")
            )
        case .implausiblyLowPrice(let bidder, let price, let minimum, let setsPriceBase):
            return labels.implausiblyLow(
                bidder: .user(bidder),
                price: money(price),
                minimum: money(minimum),
                setsPriceBase: setsPriceBase,
                notInBase: notInPriceBase(bidder)
            ) + resolvedText(flag)
        case .possibleCollusion(let signal):
            return collusionText(signal)
        case .committeeComposition(let finding):
            return CommitteeLabels.labels(for: language).finding(finding)
        case .performanceWarning(let bidder, let warning, let contractID, let tenderID, let buyer, let contractor):
            return performanceWarningText(
                bidder: bidder,
                warning: warning,
                contractID: contractID,
                tenderID: tenderID,
                buyer: buyer,
                contractor: contractor
            )
        case .historyIdentity(let bidder, let file, let registrationID, let problem):
            return historyIdentityText(bidder: bidder, file: file, registrationID: registrationID, problem: problem)
        }
    }

    func shortFlagText(_ flag: Flag) -> RichText {
        switch flag {
        case .abnormallyLowPrice: return "\(labels.flagAbnormallyLowShort)"
        case .scoreDisagreement(_, let criterionID, _, _, _, _):
            return labels.flagDisagreementShort(criterionName(criterionID))
        case .tooFewValidBids: return "\(labels.flagTooFewShort)"
        case .bidsHeldForCommittee: return "\(HeldBidsLabels.labels(for: language).short)"
        case .declaredTie: return "\(labels.flagTieShort)"
        case .rankReversal: return "\(labels.flagRankReversalShort)"
        case .suspiciousBidderName: return "\(labels.flagSuspiciousNameShort)"
        case .implausibleDate: return "\(labels.flagImplausibleDateShort)"
        case .implausiblyLowPrice: return "\(labels.flagImplausiblyLowShort)"
        case .possibleCollusion(let signal): return "\(labels.flagCollusionShort(signal.kind))"
        case .committeeComposition: return "\(CommitteeLabels.labels(for: language).short)"
        case .performanceWarning: return "\(HistoryLabels.labels(for: language).short)"
        case .historyIdentity: return "\(HistoryIdentityLabels.labels(for: language).short)"
        }
    }

    // MARK: - Closing sections

    /// Scoring diagnostics, then every unread bid's problems, without repeats.
    var allDiagnostics: [Diagnostic] {
        var seen = Set<Diagnostic>()
        var result: [Diagnostic] = []
        for diagnostic in evaluation.diagnostics + evaluation.results.flatMap(\.problems)
        where seen.insert(diagnostic).inserted {
            result.append(diagnostic)
        }
        return result
    }

    func inputBlocks() -> [Block] {
        let inputs = context.sortedInputs
        guard !inputs.isEmpty else { return [.paragraph("\(labels.none)")] }
        return [
            .table(
                Table(
                    headers: ["\(labels.file)", "SHA-256"],
                    alignments: [.left, .left],
                    rows: inputs.map { [.shown($0.path), .user($0.sha256)] }
                )
            )
        ]
    }
}
