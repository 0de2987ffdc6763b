import TenderCore
import TenderModel
import TenderReport
import TenderSpreadsheet

/// `scores.xlsx`: the evaluation as a workbook, for the officer's own records: the ranking, the criteria with
/// their rules, every member's score with its reason, and the recorded decisions with before and after. Built as
/// a pure `Workbook` (the pipeline renders it). Identifiers (registration ids, member ids, file names) are text,
/// always, so an 18-digit credit code never turns into 9.13E+17; points and prices are numbers, exact.
enum ScoresWorkbook {
    static let fileName = "scores.xlsx"

    static func workbook(_ evaluation: Evaluation, language: ReportLanguage) -> Workbook {
        let english = language == .en
        func word(_ zh: String, _ en: String) -> String { english ? en : zh }
        let created =
            DocumentProperties.secondsSince1970(ofDay: evaluation.rubric.tender.evaluationDate) ?? 1_577_836_800
        return Workbook(
            worksheets: [
                ranking(evaluation, language, word),
                criteria(evaluation, language, word),
                memberScores(evaluation, language, word),
                decisions(evaluation, word),
            ],
            properties: DocumentProperties(
                title: evaluation.rubric.tender.title.text(in: language),
                subject: evaluation.rubric.tender.id,
                author: "tender-eval",
                createdSecondsSince1970: max(1, created)
            )
        )
    }

    private static func ordered(_ evaluation: Evaluation) -> [BidResult] {
        evaluation.results.filter { $0.status == .valid } + evaluation.results.filter { $0.status == .disqualified }
            + evaluation.results.filter { $0.status == .notEvaluated }
    }

    private static func ranking(
        _ evaluation: Evaluation,
        _ language: ReportLanguage,
        _ word: (String, String) -> String
    ) -> Worksheet {
        var sheet = Worksheet(name: word("排名", "Ranking"))
        let groups = evaluation.rubric.groups
        sheet.setRow(
            1,
            [
                .text(word("排名", "Rank")), .text(word("供应商", "Bidder")), .text(word("统一社会信用代码", "Registration id")),
                .text(word("投标文件", "Bid file")), .text(word("状态", "Status")), .text(word("总分", "Total")),
                .text(word("投标报价", "Quoted price")), .text(word("评审价格", "Evaluated price")),
            ] + groups.map { .text($0.name.text(in: language)) },
            format: .header
        )
        for (offset, result) in ordered(evaluation).enumerated() {
            let row: [CellValue] =
                [
                    result.rank.map { .integer($0) } ?? .blank, .text(result.displayName),
                    .text(result.registrationID ?? ""), .text(result.file),
                    .text(ReportRenderer.statusName(result.status, language: language)),
                    result.total.map(CellValue.points) ?? .blank,
                    result.price.map { .money($0.bidTotal) } ?? .blank,
                    result.price.map { .money($0.evaluatedPrice) } ?? .blank,
                ] + groups.map { group in result.groupScore(for: group.id).map(CellValue.points) ?? .blank }
            sheet.setRow(offset + 2, row)
        }
        sheet.frozenRows = 1
        sheet.columnWidths = [2: 36, 3: 22, 4: 24]
        return sheet
    }

    private static func criteria(
        _ evaluation: Evaluation,
        _ language: ReportLanguage,
        _ word: (String, String) -> String
    ) -> Worksheet {
        var sheet = Worksheet(name: word("评审因素", "Criteria"))
        sheet.setRow(
            1,
            [
                .text(word("分组", "Group")), .text(word("编号", "Id")), .text(word("评审因素", "Criterion")),
                .text(word("满分", "Maximum")), .text(word("评分规则", "Rule")),
            ],
            format: .header
        )
        var row = 2
        for group in evaluation.rubric.groups {
            for criterion in group.criteria {
                sheet.setRow(
                    row,
                    [
                        .text(group.name.text(in: language)), .text(criterion.id),
                        .text(criterion.name.text(in: language)), .points(criterion.points),
                    ]
                )
                sheet.setRow(
                    row,
                    from: 5,
                    [.text(ReportRenderer.ruleText(of: criterion, in: evaluation, language: language))],
                    format: .wrapped
                )
                row += 1
            }
        }
        sheet.frozenRows = 1
        sheet.columnWidths = [3: 28, 5: 80]
        return sheet
    }

    private static func memberScores(
        _ evaluation: Evaluation,
        _ language: ReportLanguage,
        _ word: (String, String) -> String
    ) -> Worksheet {
        var sheet = Worksheet(name: word("评委评分", "Member scores"))
        sheet.setRow(
            1,
            [
                .text(word("评委", "Member")), .text(word("供应商", "Bidder")), .text(word("统一社会信用代码", "Registration id")),
                .text(word("评审因素编号", "Criterion id")), .text(word("评审因素", "Criterion")), .text(word("评分", "Score")),
                .text(word("计入", "Counted")), .text(word("理由", "Reason")),
            ],
            format: .header
        )
        var row = 2
        for result in ordered(evaluation) {
            for score in result.criterionScores {
                guard case .judgement(let aggregate) = score.basis else { continue }
                let name = evaluation.rubric.criteria.first { $0.id == score.criterionID }?.name.text(in: language)
                let entries =
                    aggregate.scores.map { ($0, !aggregate.dropped.contains($0.member)) }
                    + aggregate.setAside.map { ($0, false) }
                for (member, counted) in entries {
                    sheet.setRow(
                        row,
                        [
                            .text(member.member), .text(result.displayName), .text(result.registrationID ?? ""),
                            .text(score.criterionID), .text(name ?? score.criterionID), .points(member.score),
                            .text(counted ? word("是", "yes") : word("否", "no")),
                        ]
                    )
                    if let reason = member.reason {
                        sheet.setRow(row, from: 8, [.text(reason)], format: .wrapped)
                    }
                    row += 1
                }
            }
        }
        sheet.frozenRows = 1
        sheet.columnWidths = [2: 30, 3: 22, 5: 24, 8: 60]
        return sheet
    }

    private static func decisions(_ evaluation: Evaluation, _ word: (String, String) -> String) -> Worksheet {
        var sheet = Worksheet(name: word("决定", "Decisions"))
        sheet.setRow(
            1,
            [
                .text(word("序号", "No.")), .text(word("日期", "Date")), .text(word("类型", "Kind")),
                .text(word("决定人", "By")), .text(word("理由", "Reason")), .text(word("已适用", "Applied")),
                .text(word("影响", "Effect")), .text(word("之前", "Before")), .text(word("之后", "After")),
            ],
            format: .header
        )
        var row = 2
        for round in evaluation.decisionRounds {
            let decision = round.decision
            let head: [CellValue] = [
                .integer(decision.number), .text(decision.date), .text(decision.kind.keyword), .text(decision.by),
                .text(decision.reason), .text(round.applied ? word("是", "yes") : word("否", "no")),
            ]
            let effects = round.effects.map(effectCells)
            for effect in effects.isEmpty ? [[.blank, .blank, .blank]] : effects {
                sheet.setRow(row, head + effect)
                row += 1
            }
        }
        sheet.frozenRows = 1
        sheet.columnWidths = [5: 50, 7: 40]
        return sheet
    }

    /// What a round changed: the subject, then before and after as numbers (blank where absent or not counted).
    private static func effectCells(_ effect: DecisionEffect) -> [CellValue] {
        func points(_ value: Points?) -> CellValue { value.map(CellValue.points) ?? .blank }
        switch effect {
        case .memberScore(let member, let bidder, let criterion, let before, let after):
            return [.text("\(member) / \(bidder) / \(criterion)"), points(before), points(after)]
        case .criterionPoints(let bidder, let criterion, let before, let after):
            return [.text("\(bidder) / \(criterion)"), points(before), points(after)]
        case .total(let bidder, let before, let after):
            return [.text(bidder), points(before), points(after)]
        case .status(let bidder, _, let before, let after):
            return [.text(bidder), .text(before.rawValue), .text(after.rawValue)]
        case .archived(let member, let scores):
            return [.text(member), .integer(scores), .blank]
        }
    }
}
