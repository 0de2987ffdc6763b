import Foundation
import TenderBidImport
import TenderCore
import TenderRubric
import TenderScoring

/// Turns an evaluation into the block tree that both the Markdown and the HTML report are written from, so the
/// two always say the same thing. Every number a reader needs to recompute a total by hand is spelt out here.
struct ReportBuilder {
    let evaluation: Evaluation
    let context: ReportContext
    let labels: any Labels
    /// Criteria by id, looked up once per criterion line of every bid.
    let criteria: [String: Criterion]

    init(evaluation: Evaluation, context: ReportContext) {
        self.evaluation = evaluation
        self.context = context
        self.labels = TenderReport.labels(for: context.language)
        self.criteria = Dictionary(
            evaluation.rubric.criteria.map { ($0.id, $0) },
            uniquingKeysWith: { first, _ in first }
        )
    }

    var language: ReportLanguage { context.language }
    var rubric: Rubric { evaluation.rubric }
    var decimals: Int { rubric.tender.decimals }

    var title: RichText {
        "\(labels.reportTitle) — \(user: rubric.tender.title.text(in: language))"
    }

    func build() -> [Block] {
        var blocks: [Block] = [
            .section(
                Section(
                    level: 2,
                    title: "\(labels.tenderSection)",
                    anchor: "tender",
                    pageBreakBefore: false,
                    blocks: [.keyValue(headerRows())]
                )
            ),
            .section(
                Section(
                    level: 2,
                    title: "\(labels.outcomeSection)",
                    anchor: "outcome",
                    pageBreakBefore: false,
                    blocks: outcomeBlocks()
                )
            ),
        ]
        if !evaluation.validResults.isEmpty {
            blocks.append(
                .section(
                    Section(
                        level: 2,
                        title: "\(labels.rankingSection)",
                        anchor: "ranking",
                        pageBreakBefore: false,
                        blocks: rankingBlocks()
                    )
                )
            )
        }
        let unranked = evaluation.results.filter { $0.status != .valid }
        if !unranked.isEmpty {
            blocks.append(
                .section(
                    Section(
                        level: 2,
                        title: "\(labels.notRankedSection)",
                        anchor: "not-ranked",
                        pageBreakBefore: false,
                        blocks: [.table(unrankedTable(unranked))]
                    )
                )
            )
        }
        blocks.append(
            .section(
                Section(
                    level: 2,
                    title: "\(labels.flagsSection)",
                    anchor: "flags",
                    pageBreakBefore: false,
                    blocks: listOrNone(evaluation.flags.map(flagText))
                )
            )
        )
        let bids = evaluation.results.enumerated().map { index, result in
            Block.section(bidSection(result, anchor: "bid-\(index + 1)", pageBreakBefore: index > 0))
        }
        blocks.append(
            .section(
                Section(
                    level: 2,
                    title: "\(labels.bidsSection)",
                    anchor: "bids",
                    pageBreakBefore: true,
                    blocks: bids
                )
            )
        )
        blocks.append(
            .section(
                Section(
                    level: 2,
                    title: "\(labels.diagnosticsSection)",
                    anchor: "diagnostics",
                    pageBreakBefore: true,
                    blocks: listOrNone(allDiagnostics.map { .user($0.description) })
                )
            )
        )
        blocks.append(
            .section(
                Section(
                    level: 2,
                    title: "\(labels.inputsSection)",
                    anchor: "inputs",
                    pageBreakBefore: false,
                    blocks: inputBlocks()
                )
            )
        )
        return blocks
    }

    // MARK: - Names

    func groupName(_ id: String) -> RichText {
        .user(rubric.groups.first { $0.id == id }?.name.text(in: language) ?? id)
    }

    func criterionName(_ id: String) -> RichText {
        .user(criteria[id]?.name.text(in: language) ?? id)
    }

    func gateName(_ id: String) -> RichText {
        .user(rubric.gates.first { $0.id == id }?.name.text(in: language) ?? id)
    }

    /// A group or criterion name for tie-break rules, whichever the id refers to.
    func ruleTargetName(_ id: String) -> RichText {
        rubric.groups.contains { $0.id == id } ? groupName(id) : criterionName(id)
    }

    func joinedNames(_ names: [String]) -> RichText {
        names.map { RichText.user($0) }.joined(separator: .text(labels.listSeparator))
    }

    func listOrNone(_ items: [RichText]) -> [Block] {
        items.isEmpty ? [.paragraph("\(labels.none)")] : [.list(items)]
    }

    // MARK: - Numbers

    func money(_ value: Decimal) -> String {
        NumberFormat.money(value)
    }

    /// Points as counted in the total: at the rubric's decimals, or exact when only the total is rounded.
    func counted(_ value: Decimal) -> String {
        rubric.tender.rounding == .perCriterion
            ? NumberFormat.points(value, decimals: decimals) : NumberFormat.exact(value)
    }

    func pointsCell(_ score: CriterionScore) -> String {
        guard rubric.tender.rounding == .perCriterion else { return NumberFormat.exact(score.points) }
        return NumberFormat.rounding(score.unrounded, to: score.points, decimals: decimals)
    }

    func totalText(_ result: BidResult) -> String {
        guard let total = result.total else { return labels.dash }
        return NumberFormat.points(total, decimals: decimals)
    }

    func rankText(_ result: BidResult) -> String {
        guard let rank = result.rank else { return labels.dash }
        return result.tiedWith.isEmpty ? String(rank) : labels.tiedRank(rank)
    }

    func location(_ line: Int?, in result: BidResult) -> String {
        guard let line else { return "" }
        return labels.source("\(result.file):\(line)")
    }

    func sourceText(_ line: Int?, in result: BidResult) -> RichText {
        guard let line else { return "" }
        return .user(labels.source("\(result.file):\(line)"))
    }

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
        rows.append(KeyValue(key: "\(labels.rubricFile)", value: .user(rubric.file)))
        rows.append(KeyValue(key: "\(labels.toolVersion)", value: .user(context.toolVersion)))
        return rows
    }

    func outcomeBlocks() -> [Block] {
        switch evaluation.outcome {
        case .failed(let valid, let minimum):
            return [.paragraph("\(labels.failed(valid: valid, minimum: minimum))", style: .alert)]
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
            [.right, .left, .right] + rubric.groups.map { _ in .right } + [.right, .left]
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
        }
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
        blocks.append(.chart)
        return blocks
    }

    func unrankedReason(_ result: BidResult) -> RichText {
        switch result.status {
        case .valid:
            return ""
        case .disqualified:
            return result.gates.filter { !$0.passed }.map { gateName($0.gateID) }
                .joined(separator: .text(labels.listSeparator))
        case .notEvaluated:
            return result.problems.map { RichText.user($0.description) }.joined(separator: "; ")
        }
    }

    func unrankedTable(_ results: [BidResult]) -> Table {
        Table(
            headers: ["\(labels.bidder)", "\(labels.file)", "\(labels.status)", "\(labels.reason)"],
            alignments: [.left, .left, .left, .left],
            rows: results.map { result in
                [
                    .user(result.displayName), .user(result.file), "\(labels.statusName(result.status))",
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
            )
        case .scoreDisagreement(let bidder, let criterionID, let lowest, let highest, let threshold, let outliers):
            return labels.disagreement(
                bidder: .user(bidder),
                criterion: criterionName(criterionID),
                lowest: NumberFormat.exact(lowest),
                highest: NumberFormat.exact(highest),
                spread: NumberFormat.exact(highest - lowest),
                threshold: NumberFormat.exact(threshold),
                outliers: outliers.isEmpty ? nil : joinedNames(outliers)
            )
        case .tooFewValidBids(let valid, let minimum):
            return "\(labels.tooFewValidBids(valid: valid, minimum: minimum))"
        case .declaredTie(let bidders, let rank):
            return labels.declaredTie(bidders: joinedNames(bidders), rank: rank)
        case .rankReversal(let removed, let winner, let winnerWithoutRemoved):
            return labels.rankReversal(
                removed: .user(removed),
                winner: .user(winner),
                winnerWithout: .user(winnerWithoutRemoved)
            )
        }
    }

    func shortFlagText(_ flag: Flag) -> RichText {
        switch flag {
        case .abnormallyLowPrice: return "\(labels.flagAbnormallyLowShort)"
        case .scoreDisagreement(_, let criterionID, _, _, _, _):
            return labels.flagDisagreementShort(criterionName(criterionID))
        case .tooFewValidBids: return "\(labels.flagTooFewShort)"
        case .declaredTie: return "\(labels.flagTieShort)"
        case .rankReversal: return "\(labels.flagRankReversalShort)"
        }
    }

    // MARK: - One bid

    func bidTitle(_ result: BidResult) -> RichText {
        let name = RichText.user(result.displayName)
        switch result.status {
        case .valid: return labels.validHeading(rank: rankText(result), bidder: name)
        case .disqualified: return labels.disqualifiedHeading(name)
        case .notEvaluated: return labels.notEvaluatedHeading(name)
        }
    }

    /// One bid; every bid after the first starts a printed page (the first follows its section heading).
    func bidSection(_ result: BidResult, anchor: String, pageBreakBefore: Bool) -> Section {
        var facts: [KeyValue] = []
        if let id = result.registrationID {
            facts.append(KeyValue(key: "\(labels.registrationID)", value: .user(id)))
        }
        facts.append(KeyValue(key: "\(labels.file)", value: .user(result.file)))
        if let size = result.size {
            facts.append(KeyValue(key: "\(labels.enterpriseSize)", value: "\(labels.sizeName(size))"))
        }
        if let submitted = result.submittedAt {
            facts.append(KeyValue(key: "\(labels.submittedAt)", value: .user(submitted)))
        }
        facts.append(KeyValue(key: "\(labels.status)", value: "\(labels.statusName(result.status))"))
        var blocks: [Block] = [.keyValue(facts)]
        switch result.status {
        case .valid: break
        case .disqualified:
            blocks.append(.paragraph(labels.disqualifiedNote(unrankedReason(result)), style: .alert))
        case .notEvaluated:
            blocks.append(.paragraph("\(labels.notEvaluatedNote)", style: .alert))
        }
        if !result.problems.isEmpty {
            blocks.append(
                subsection(
                    labels.problemsSection,
                    anchor,
                    "problems",
                    [.list(result.problems.map { .user($0.description) })]
                )
            )
        }
        if !result.gates.isEmpty {
            blocks.append(
                subsection(labels.gatesSection, anchor, "gates", [.list(result.gates.map { gateLine($0, result) })])
            )
        }
        if !result.criterionScores.isEmpty {
            blocks.append(subsection(labels.scoresSection, anchor, "scores", scoreBlocks(result)))
        }
        if !result.flags.isEmpty {
            blocks.append(subsection(labels.bidFlagsSection, anchor, "flags", [.list(result.flags.map(flagText))]))
        }
        return Section(
            level: 3,
            title: bidTitle(result),
            anchor: anchor,
            pageBreakBefore: pageBreakBefore,
            blocks: blocks
        )
    }

    func subsection(_ title: String, _ anchor: String, _ suffix: String, _ blocks: [Block]) -> Block {
        .section(
            Section(
                level: 4,
                title: "\(title)",
                anchor: "\(anchor)-\(suffix)",
                pageBreakBefore: false,
                blocks: blocks
            )
        )
    }

    // MARK: - Gates

    func gateLine(_ gate: GateResult, _ result: BidResult) -> RichText {
        "\(gate.passed ? "✓" : "✗") \(gateName(gate.gateID))\(labels.colon)\(finding(gate.finding, result))"
    }

    func kindName(_ kind: String) -> RichText {
        labels.commitmentKindName(kind).map { RichText.text($0) } ?? .user(kind)
    }

    func finding(_ finding: GateFinding, _ result: BidResult) -> RichText {
        switch finding {
        case .commitment(let kind, let signedOn, let line):
            return labels.commitmentSigned(
                kind: kindName(kind),
                date: .user(signedOn ?? labels.dash),
                source: location(line, in: result)
            )
        case .commitmentMissing(let kind):
            return labels.commitmentMissing(kind: kindName(kind))
        case .commitmentUnsigned(let kind, let line):
            return labels.commitmentUnsigned(kind: kindName(kind), source: location(line, in: result))
        case .violations(let violations, let severity, let since):
            let severityName = labels.severityName(severity)
            guard !violations.isEmpty else { return labels.noViolations(severity: severityName, since: since) }
            let items = violations.map { violation in
                labels.violation(
                    date: .user(violation.date),
                    severity: labels.severityName(violation.severity),
                    authority: violation.authority.map { .user($0) },
                    description: .user(violation.description),
                    source: location(violation.line, in: result)
                )
            }
            return labels.violationsFound(count: violations.count, severity: severityName, since: since) + " — "
                + items.joined(separator: .text(labels.stepSeparator))
        case .violationsNotDeclared(let format):
            return labels.violationsNotDeclared(format: format.rawValue)
        case .attachment(let type, let name, let line):
            guard let name else { return labels.attachmentMissing(type: .user(type)) }
            return labels.attachmentFound(type: .user(type), name: .user(name), source: location(line, in: result))
        case .xpath(let test, let value):
            return labels.xpathTest(.user(test), result: value)
        }
    }

    // MARK: - Scores

    func scoreBlocks(_ result: BidResult) -> [Block] {
        let headers: [RichText] = [
            "\(labels.group)", "\(labels.criterion)", "\(labels.maximum)", "\(labels.fact)", "\(labels.rule)",
            "\(labels.points)",
        ]
        let rows: [[RichText]] = result.criterionScores.map { score in
            let maximum = criteria[score.criterionID].map { NumberFormat.exact($0.points) }
            let (fact, rule) = explanation(score, result)
            return [
                groupName(score.groupID), criterionName(score.criterionID), "\(maximum ?? labels.dash)", fact,
                rule, "\(pointsCell(score))",
            ]
        }
        var blocks: [Block] = [
            .table(Table(headers: headers, alignments: [.left, .left, .right, .left, .left, .right], rows: rows))
        ]
        let subtotals: [RichText] = rubric.groups.compactMap { group in
            let scores = result.criterionScores.filter { $0.groupID == group.id }
            guard !scores.isEmpty else { return nil }
            let sum = result.groupScore(for: group.id) ?? scores.reduce(Decimal(0)) { $0 + $1.points }
            return
                "\(groupName(group.id)) = \(scores.map { counted($0.points) }.joined(separator: " + ")) = \(counted(sum))"
        }
        blocks.append(.paragraph("\(labels.subtotalsSection)"))
        blocks.append(.list(subtotals))
        blocks.append(.paragraph(totalLine(result), style: .strong))
        return blocks
    }

    /// `Total = a + b + … = t`: every counted criterion score, so the sum can be checked by hand.
    func totalLine(_ result: BidResult) -> RichText {
        let terms = result.criterionScores.map { counted($0.points) }.joined(separator: " + ")
        let sum: String
        switch rubric.tender.rounding {
        case .perCriterion:
            sum = totalText(result)
        case .total:
            let unrounded = result.unroundedTotal.map(NumberFormat.exact) ?? labels.dash
            sum = "\(unrounded) → \(totalText(result))"
        }
        return "\(labels.totalLabel) = \(terms) = \(sum)"
    }

    func factText(_ value: FactValue) -> RichText {
        switch value {
        case .number(let number): return "\(number.plainText)"
        case .text(let text): return "“\(user: text)”"
        case .boolean(let flag): return "\(labels.yesNo(flag))"
        case .absent: return "\(labels.factAbsent)"
        }
    }

    /// The fact cell and the rule cell of one criterion line.
    func explanation(_ score: CriterionScore, _ result: BidResult) -> (fact: RichText, rule: RichText) {
        let exact = NumberFormat.exact
        switch score.basis {
        case .objective(let fact, let line, let applied):
            return (
                factText(fact) + sourceText(line, in: result),
                appliedText(applied, unrounded: score.unrounded, fact: fact)
            )
        case .judgement(let aggregate):
            let members = aggregate.scores.map { labels.memberScore(member: .user($0.member), score: exact($0.score)) }
            let counted = aggregate.scores.filter { !aggregate.dropped.contains($0.member) }
            let formula =
                "(\(counted.map { exact($0.score) }.joined(separator: " + "))) / \(aggregate.count) = "
                + exact(score.unrounded)
            let rule: RichText
            switch aggregate.aggregation {
            case .mean:
                rule = "\(labels.mean(formula))"
            case .trimmedMean:
                let dropped = aggregate.scores.filter { aggregate.dropped.contains($0.member) }
                    .map { RichText("\(user: $0.member) (\(exact($0.score)))") }
                    .joined(separator: .text(labels.listSeparator))
                rule = labels.trimmedMean(dropped: dropped, formula: formula)
            }
            return (members.joined(separator: .text(labels.listSeparator)), rule)
        case .price(let price):
            return (
                labels.bidPrice(money(price.bidTotal), currency: .user(price.currency)),
                "\(priceRule(price, size: result.size, unrounded: score.unrounded))"
            )
        }
    }

    /// The rule that produced the points. `fact` is the value as read: a linear scale's `applied` may already hold
    /// the clamped value, and the report shows both.
    func appliedText(_ applied: AppliedScale, unrounded: Decimal, fact: FactValue? = nil) -> RichText {
        let exact = NumberFormat.exact
        switch applied {
        case .linear(let value, let lower, let upper, let lowerPoints, let upperPoints):
            let raw: Decimal
            if case .number(let number) = fact { raw = number } else { raw = value }
            let clamped = min(max(raw, min(lower, upper)), max(lower, upper))
            let formula =
                "\(exact(lowerPoints)) + (\(exact(clamped)) − \(exact(lower))) / (\(exact(upper)) − \(exact(lower)))"
                + " × (\(exact(upperPoints)) − \(exact(lowerPoints))) = \(exact(unrounded))"
            return
                "\(labels.linear(clamp: exact(clamped), value: exact(raw), lower: exact(lower), upper: exact(upper), formula: formula))"
        case .band(let band):
            guard let band else { return "\(labels.belowFirstBand(points: exact(unrounded)))" }
            let upper = band.to.map(exact) ?? "∞"
            return "[\(exact(band.from)), \(upper)) → \(exact(band.points))"
        case .perItem(let count, let each, let cap):
            let product = count * each
            return
                "\(labels.perItem(count: exact(count), each: exact(each), product: exact(product), cap: exact(cap), capped: product > cap, points: exact(unrounded)))"
        case .yesNo(let value, let yes, let no):
            return "\(labels.yesNoRule(value, yes: exact(yes), no: exact(no)))"
        case .lookup(let key, let matched):
            return labels.lookup(key: .user(key), matched: matched, points: exact(unrounded))
        case .absent:
            return "\(labels.absentRule(points: exact(unrounded)))"
        }
    }

    /// The SME deduction step (when one applies) and the price formula with the actual numbers.
    func priceRule(_ price: PriceEvaluation, size: EnterpriseSize?, unrounded: Decimal) -> String {
        let exact = NumberFormat.exact
        var steps: [String] = []
        if price.deductionPercent != 0 {
            steps.append(
                labels.deductionStep(
                    size: size.map(labels.sizeName) ?? "",
                    formula: "\(money(price.bidTotal)) × (1 − \(exact(price.deductionPercent)) %) = "
                        + money(price.evaluatedPrice)
                )
            )
        }
        let points = exact(price.maximumPoints)
        switch price.formula {
        case .lowestPriceRatio:
            steps.append(
                "P_min / P_i × \(points) = \(money(price.lowest)) / \(money(price.evaluatedPrice)) × \(points) = "
                    + exact(unrounded)
            )
        case .linear:
            if price.highest == price.lowest {
                steps.append("\(labels.equalPrices) → \(points)")
            } else {
                steps.append(
                    "(P_max − P_i) / (P_max − P_min) × \(points) = (\(money(price.highest)) − "
                        + "\(money(price.evaluatedPrice))) / (\(money(price.highest)) − \(money(price.lowest))) × "
                        + "\(points) = \(exact(unrounded))"
                )
            }
        }
        return steps.joined(separator: labels.stepSeparator)
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
                    rows: inputs.map { [.user($0.path), .user($0.sha256)] }
                )
            )
        ]
    }
}
