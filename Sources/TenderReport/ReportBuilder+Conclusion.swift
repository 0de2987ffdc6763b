import TenderCore
import TenderModel

/// What the evaluation may conclude, what stands in its way, and why a bid failed, with the evidence.
extension ReportBuilder {
    var conclusionWords: ConclusionLabels { ConclusionLabels.labels(for: language) }

    /// Whether any valid bid carries a rank (a final run, or one that cannot conclude with the scores complete).
    var hasRanks: Bool { evaluation.validResults.contains { $0.rank != nil } }

    // MARK: - Why a bid failed

    /// One reason per failed gate and per other ground, each saying what failed and where the bid shows it.
    func failureReasons(_ result: BidResult) -> [RichText] {
        let words = conclusionWords
        let gates = result.gates.filter { !$0.passed }.map { gate in
            let (what, evidence) = failedGate(gate, result)
            return words.failed(what, words.evidence(evidence))
        }
        let grounds = result.disqualifications.map { ground in
            words.failed(disqualificationText(ground), words.evidence([evidenceLocation(ground.location)]))
        }
        return gates + grounds
    }

    private func evidenceLocation(_ location: SourceLocation) -> String {
        location.line.map { "\(location.file):\($0)" } ?? location.file
    }

    private func fileAndLine(_ line: Int?, _ result: BidResult) -> String {
        line.map { "\(result.file):\($0)" } ?? result.file
    }

    private func failedGate(_ gate: GateResult, _ result: BidResult) -> (RichText, [String]) {
        let words = conclusionWords
        switch gate.finding {
        case .violations(let violations, let severity, _):
            var years = 0
            if case .noViolations(_, let within) = rubric.gates.first(where: { $0.id == gate.gateID })?.rule {
                years = within
            }
            let evidence = violations.map { "\(fileAndLine($0.line, result)), \($0.date)" }
            return (words.violationWithin(labels.severityName(severity), years), evidence)
        case .violationDateImplausible(let violation, let problem):
            return (
                words.violationImplausible(labels.severityName(violation.severity), labels.dateProblem(problem)),
                [fileAndLine(violation.line, result), violation.date]
            )
        case .violationsNotDeclared(let format):
            return (words.violationsNotDeclared(format.rawValue), [result.file])
        case .commitmentMissing(let kind):
            return (words.commitmentMissing(kindName(kind)), [result.file])
        case .commitmentUnsigned(let kind, let line):
            return (words.commitmentUnsigned(kindName(kind)), [fileAndLine(line, result)])
        case .commitmentDateImplausible(let kind, let signedOn, let line, let problem):
            return (
                words.commitmentDateImplausible(kindName(kind), labels.dateProblem(problem)),
                [fileAndLine(line, result), signedOn]
            )
        case .attachment(let type, _, _):
            return (words.attachmentMissing(.user(type)), [result.file])
        case .xpath(let test, _):
            return (words.conditionNotMet(gateName(gate.gateID), .user(test)), [result.file])
        case .commitment(let kind, _, let line):
            // A passed finding on a failed gate cannot happen; say what the gate checked rather than nothing.
            return (words.commitmentMissing(kindName(kind)), [fileAndLine(line, result)])
        }
    }

    private func disqualificationText(_ ground: Disqualification) -> RichText {
        let words = conclusionWords
        switch ground.ground {
        case .lateSubmission(let submitted, let deadline):
            return words.lateSubmission(.user(submitted), .user(deadline), ground.clause)
        case .aboveCeiling(let price, let ceiling, _):
            return words.aboveCeiling(NumberFormat.money(price), NumberFormat.money(ceiling), ground.clause)
        case .aboveBudget(let price, let budget, _):
            return words.aboveBudget(NumberFormat.money(price), NumberFormat.money(budget), ground.clause)
        case .rejectedAfterClarification(let number, let date, let reason):
            return decisionWords.rejectedAfterClarification(number, date, reason) + " (\(ground.clause))"
        }
    }

    // MARK: - Conclusion

    /// The paragraphs that open the outcome section when the evaluation is not final.
    func conclusionBanner() -> [Block] {
        let words = conclusionWords
        switch evaluation.conclusion {
        case .final: return []
        case .failed: return []
        case .preliminary:
            return [
                .paragraph(
                    words.preliminaryBanner(
                        evaluation.outstanding.count,
                        rubric.tender.minimumValidBids,
                        evaluation.validResults.count
                    ),
                    style: .alert
                )
            ]
        case .cannotConclude:
            let blocked = evaluation.results.filter { $0.status == .notEvaluated }.count
            return [
                .paragraph(words.cannotConcludeBanner(blocked, evaluation.outstanding.count), style: .alert)
            ]
        }
    }

    /// The bids that keep the evaluation from concluding, each with its cause.
    func blockerBlocks() -> [Block] {
        let words = conclusionWords
        let held = Set(evaluation.heldForCommittee)
        let items: [RichText] = evaluation.results.filter { $0.status == .notEvaluated }.map { result in
            let cause = held.contains(result.file) ? words.blockerHeld : words.blockerUnread
            let problems = result.problems.map { RichText.shown($0.description) }.joined(separator: "; ")
            return .shown(result.file) + " — \(cause): " + problems
        }
        return [.list(items)]
    }

    /// What is outstanding, one line per member and set of criteria, so 5 members × 9 bidders × 3 criteria reads
    /// as five lines, not 135.
    func outstandingBlocks() -> [Block] {
        let words = conclusionWords
        let outstanding = evaluation.outstanding
        let validCount = evaluation.validResults.count
        var memberOrder: [String?] = []
        var byMember: [String?: [OutstandingScore]] = [:]
        for item in outstanding {
            if byMember[item.member] == nil { memberOrder.append(item.member) }
            byMember[item.member, default: []].append(item)
        }
        var lines: [RichText] = []
        var conflicts: [RichText] = []
        for member in memberOrder {
            let items = byMember[member] ?? []
            let memberText: RichText = member.map { .user($0) } ?? "\(words.memberWithoutSheet)"
            // Bidders missing the same criteria share one line.
            var bidderOrder: [String] = []
            var criteriaOf: [String: [String]] = [:]
            for item in items {
                if criteriaOf[item.bidder] == nil { bidderOrder.append(item.bidder) }
                criteriaOf[item.bidder, default: []].append(item.criterionID)
                if let at = item.conflictDeclaredAt, let member, criteriaOf[item.bidder]?.count == 1 {
                    conflicts.append(words.conflictDeclared(.user(member), .user(item.bidder), at.description))
                }
            }
            var setOrder: [[String]] = []
            var biddersOf: [[String]: [String]] = [:]
            for bidder in bidderOrder {
                let criteria = criteriaOf[bidder] ?? []
                if biddersOf[criteria] == nil { setOrder.append(criteria) }
                biddersOf[criteria, default: []].append(bidder)
            }
            for criteria in setOrder {
                let bidders = biddersOf[criteria] ?? []
                let bidderText =
                    bidders.count == validCount && validCount > 1
                    ? words.allBidders(validCount) : joinedNames(bidders)
                let criteriaText = criteria.map(criterionName).joined(separator: .text(labels.listSeparator))
                lines.append(
                    words.outstandingLine(memberText, bidderText, criteriaText, bidders.count * criteria.count)
                )
            }
        }
        let members = memberOrder.count
        return [
            .paragraph("\(words.outstandingSummary(outstanding.count, members))"),
            .list(lines + conflicts),
        ]
    }

    /// Valid bids without ranks, by name: the complete (non-judgement) group points and the evaluated price.
    func validBidsBlocks() -> [Block] {
        let words = conclusionWords
        let preliminary = !evaluation.outstanding.isEmpty
        let groups = rubric.groups.filter { group in
            !preliminary || evaluation.validResults.contains { $0.groupScore(for: group.id) != nil }
        }
        let headers: [RichText] =
            ["\(labels.bidder)"] + groups.map { "\(groupName($0.id)) (\(NumberFormat.exact($0.points)))" }
            + (preliminary ? [] : ["\(labels.total)"]) + ["\(labels.evaluatedPrice)"]
        let alignments: [Table.Alignment] =
            [.name] + groups.map { _ in .right } + (preliminary ? [] : [.right]) + [.right]
        let rows: [[RichText]] = evaluation.validResults.sorted { $0.displayName < $1.displayName }.map { result in
            [.user(result.displayName)]
                + groups.map { group in "\(result.groupScore(for: group.id).map(counted) ?? labels.dash)" }
                + (preliminary ? [] : ["\(totalText(result))"])
                + ["\(result.price.map { money($0.evaluatedPrice) } ?? labels.dash)"]
        }
        return [
            .paragraph("\(preliminary ? words.validBidsPreliminaryNote : words.validBidsFailedNote)"),
            .table(Table(headers: headers, alignments: alignments, rows: rows)),
        ]
    }
}
