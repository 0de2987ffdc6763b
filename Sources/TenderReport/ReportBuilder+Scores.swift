import Foundation
import TenderCore
import TenderModel

/// Every criterion of a bid: the fact read, the rule applied with its numbers, and the points.
extension ReportBuilder {
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
            let sum = result.groupScore(for: group.id) ?? Points(units: scores.reduce(0) { $0 &+ $1.points.units })
            return
                "\(groupName(group.id)) = \(scores.map(countedScore).joined(separator: " + ")) = \(counted(sum))"
        }
        // Without the committee's scores there is no subtotal of a group they score and no total: say so instead.
        guard result.total != nil || evaluation.outstanding.isEmpty else {
            blocks.append(.paragraph("\(ConclusionLabels.labels(for: language).judgementPending)", style: .strong))
            return blocks
        }
        blocks.append(.paragraph("\(labels.subtotalsSection)"))
        blocks.append(.list(subtotals))
        blocks.append(.paragraph(totalLine(result), style: .strong))
        return blocks
    }

    /// `Total = a + b + … = t`: every counted criterion score, so the sum can be checked by hand.
    func totalLine(_ result: BidResult) -> RichText {
        let terms = result.criterionScores.map(countedScore).joined(separator: " + ")
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
        func exact(_ value: ExactRatio) -> String { NumberFormat.exact(value) }
        func exact(_ value: Points) -> String { NumberFormat.exact(value) }
        switch score.basis {
        case .objective(let fact, let line, let applied):
            return (
                factText(fact) + sourceText(line, in: result),
                appliedText(applied, unrounded: score.unrounded, fact: fact)
            )
        case .judgement(let aggregate):
            let members = aggregate.scores.map { member in
                let scored = labels.memberScore(member: .user(member.member), score: exact(member.score))
                guard let reason = member.reason else { return scored }
                return CommitteeLabels.labels(for: language).scoreWithReason(scored, reason)
            }
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
        case .history(let evidence):
            return historyExplanation(evidence, unrounded: score.unrounded)
        }
    }

    /// The rule that produced the points. `fact` is the value as read: a linear scale's `applied` may already hold
    /// the clamped value, and the report shows both.
    func appliedText(_ applied: AppliedScale, unrounded: ExactRatio, fact: FactValue? = nil) -> RichText {
        func exact(_ value: ExactRatio) -> String { NumberFormat.exact(value) }
        func exact(_ value: Points) -> String { NumberFormat.exact(value) }
        switch applied {
        case .linear(let value, let lower, let upper, let lowerPoints, let upperPoints):
            let raw: ExactRatio
            if case .number(let number) = fact { raw = number } else { raw = value }
            let clamped = min(max(raw, min(lower, upper)), max(lower, upper))
            let formula =
                "\(exact(lowerPoints)) + (\(exact(clamped)) − \(exact(lower))) / (\(exact(upper)) − \(exact(lower)))"
                + " × (\(exact(upperPoints)) − \(exact(lowerPoints))) = \(exact(unrounded))"
            return
                "\(labels.linear(clamp: exact(clamped), value: exact(raw), lower: exact(lower), upper: exact(upper), formula: formula))"
        case .band(let band):
            guard let band else { return "\(labels.belowFirstBand(points: exact(unrounded)))" }
            let upper = band.to.map { exact($0) } ?? "∞"
            return "[\(exact(band.from)), \(upper)) → \(exact(band.points))"
        case .perItem(let count, let each, let cap):
            // The engine computed the same product when it scored the bid, so it fits.
            let product = (try? count * each.ratio) ?? unrounded
            return
                "\(labels.perItem(count: exact(count), each: exact(each), product: exact(product), cap: exact(cap), capped: product > cap.ratio, points: exact(unrounded)))"
        case .yesNo(let value, let yes, let no):
            return "\(labels.yesNoRule(value, yes: exact(yes), no: exact(no)))"
        case .lookup(let key, let matched):
            return labels.lookup(key: .user(key), matched: matched, points: exact(unrounded))
        case .absent:
            return "\(labels.absentRule(points: exact(unrounded)))"
        }
    }

    /// The SME deduction step (when one applies) and the price formula with the actual numbers.
    func priceRule(_ price: PriceEvaluation, size: EnterpriseSize?, unrounded: ExactRatio) -> String {
        func exact(_ value: ExactRatio) -> String { NumberFormat.exact(value) }
        func exact(_ value: Points) -> String { NumberFormat.exact(value) }
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
}
