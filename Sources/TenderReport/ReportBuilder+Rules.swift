import TenderCore
import TenderModel

/// "Criteria and rules": every criterion once, with its group, maximum and full rule (bands, linear bounds,
/// per-item each and cap, yes/no points, lookup table, price formula, how committee scores are combined), so the
/// explanation of each bid only needs to show the bid's own numbers.
extension ReportBuilder {
    var rulesSectionTitle: String {
        language == .en ? "Criteria and rules" : "评分项与评分规则"
    }

    func rulesSection() -> Section {
        let headers: [RichText] = [
            "\(labels.group)", "\(labels.criterion)", "\(labels.maximum)", "\(labels.rule)",
        ]
        let rows: [[RichText]] = rubric.groups.flatMap { group in
            group.criteria.map { criterion in
                [
                    groupName(group.id), criterionName(criterion.id), "\(NumberFormat.exact(criterion.points))",
                    ruleText(criterion),
                ]
            }
        }
        return Section(
            level: 2,
            title: "\(rulesSectionTitle)",
            anchor: "rules",
            pageBreakBefore: false,
            blocks: [.table(Table(headers: headers, alignments: [.left, .left, .right, .left], rows: rows))]
                + historySourceBlocks()
        )
    }

    /// A criterion's whole rule, in the report's language.
    func ruleText(_ criterion: Criterion) -> RichText {
        func exact(_ value: ExactRatio) -> String { NumberFormat.exact(value) }
        func exact(_ value: Points) -> String { NumberFormat.exact(value) }
        let english = language == .en
        let separator = english ? "; " : "；"
        switch criterion.rule {
        case .objective(let rule):
            let absent: RichText = english ? "; fact not found → 0" : "；未提供 → 0"
            return scaleText(rule.scale) + absent
        case .history(let rule):
            return historyRuleText(rule)
        case .judgement(let rule):
            let aggregation: String
            switch rubric.committee.aggregation {
            case .mean: aggregation = english ? "mean of the members' scores" : "评委打分的平均值"
            case .trimmedMean:
                aggregation =
                    english
                    ? "mean of the members' scores without one highest and one lowest" : "去掉一个最高分和一个最低分后的平均值"
            }
            var parts: [RichText] = [english ? "committee judgement, \(aggregation)" : "评委评分，\(aggregation)"]
            if let step = rule.step {
                parts.append(english ? "in steps of \(exact(step))" : "分值步长 \(exact(step))")
            }
            if !rule.bands.isEmpty {
                let listed = rule.bands.map {
                    RichText("\(user: $0.label.text(in: language)) \(exact($0.min))–\(exact($0.max))")
                }
                .joined(separator: .text(labels.listSeparator))
                parts.append(english ? "grades: \(listed)" : "档次：\(listed)")
            }
            return parts.joined(separator: .text(separator))
        case .price(let formula):
            let points = exact(criterion.points)
            switch formula {
            case .lowestPriceRatio:
                return english
                    ? "lowest price ratio: P_min / P_i × \(points) (P_i the evaluated price, after any deduction)"
                    : "低价优先：P_min / P_i × \(points)（P_i 为扣除后的评标价）"
            case .linear:
                return english
                    ? "linear in price: (P_max − P_i) / (P_max − P_min) × \(points); all prices equal → \(points)"
                    : "价格线性：(P_max − P_i) / (P_max − P_min) × \(points)；报价全部相同 → \(points)"
            }
        }
    }

    /// A scale in words, `x` standing for the fact.
    func scaleText(_ scale: Scale) -> RichText {
        func exact(_ value: ExactRatio) -> String { NumberFormat.exact(value) }
        func exact(_ value: Points) -> String { NumberFormat.exact(value) }
        let english = language == .en
        let separator = english ? "; " : "；"
        switch scale {
        case .linear(let lower, let upper, let lowerPoints, let upperPoints):
            let formula =
                "\(exact(lowerPoints)) + (x − \(exact(lower))) / (\(exact(upper)) − \(exact(lower))) × "
                + "(\(exact(upperPoints)) − \(exact(lowerPoints)))"
            return
                english
                ? "linear: x clamped to [\(exact(lower)), \(exact(upper))], \(formula)"
                : "线性：x 限定在 [\(exact(lower)), \(exact(upper))]，\(formula)"
        case .bands(let bands):
            let listed = bands.map {
                "[\(exact($0.from)), \($0.to.map { exact($0) } ?? "∞")) → \(exact($0.points))"
            }
            .joined(separator: separator)
            return
                english
                ? "bands: \(listed); below the first band → 0" : "分档：\(listed)；低于最低档 → 0"
        case .perItem(let each, let cap):
            return
                english
                ? "per item: count × \(exact(each)), cap \(exact(cap))"
                : "按数量：数量 × \(exact(each))，上限 \(exact(cap))"
        case .yesNo(let yes, let no):
            return english ? "yes → \(exact(yes)), no → \(exact(no))" : "是 → \(exact(yes))，否 → \(exact(no))"
        case .lookup(let entries, let otherwise):
            let listed = entries.map { RichText("“\(user: $0.key)” → \(exact($0.points))") }
                .joined(separator: .text(separator))
            return
                english
                ? "table: \(listed); otherwise → \(exact(otherwise))"
                : "对照表：\(listed)；其他 → \(exact(otherwise))"
        }
    }
}
