import TenderCore
import TenderModel

/// 群众测评: one response per respondent, each answer one of the plan's labels or blank.
enum SurveySheet {
    static func responses(
        _ sheet: SheetRows,
        plan: EvaluationPlan,
        month: YearMonth
    ) -> (responses: [SurveyResponse], problems: [Diagnostic]) {
        var checks = SheetValueChecks()
        let items = ItemNames(ids: plan.survey.items, plan: plan)
        let labels = plan.survey.answers.map(\.label).joined(separator: ", ")
        var seen: [String: SourceLocation] = [:]
        var responses: [SurveyResponse] = []
        for row in sheet.rows {
            let respondent = checks.required(.respondent, of: row)
            let isNew = respondent.map { checks.unique($0, "respondent", at: row.location(.respondent), seen: &seen) }
            checks.submitted(of: row, month: month)
            var answers: [String: String] = [:]
            var answeredAt: [String: SourceLocation] = [:]
            var rowIsGood = respondent != nil && isNew == true
            for answer in row.answers {
                guard plan.survey.items.contains(answer.item) else {
                    checks.problems.error(
                        "unknown item '\(VisibleText.excerpt(answer.item))'; the survey asks about \(items.list)",
                        at: answer.value.location
                    )
                    rowIsGood = false
                    continue
                }
                if let first = answeredAt[answer.item] {
                    checks.problems.error(
                        "item \(items.described(id: answer.item)) is answered twice in this response (first at \(first))",
                        at: answer.value.location
                    )
                    rowIsGood = false
                    continue
                }
                answeredAt[answer.item] = answer.value.location
                let label = answer.value.text
                if label.isEmpty { continue }
                guard plan.survey.answer(labelled: label) != nil else {
                    checks.problems.error(
                        "answer '\(VisibleText.excerpt(label))' for item '\(answer.item)' is not one of the plan's "
                            + "answers: \(labels)",
                        at: answer.value.location
                    )
                    rowIsGood = false
                    continue
                }
                answers[answer.item] = label
            }
            if row.answers.allSatisfy({ $0.value.text.isEmpty }) {
                checks.problems.error(
                    "respondent '\(VisibleText.excerpt(respondent ?? ""))' answered nothing; a response needs at least "
                        + "one answer",
                    at: row.location
                )
                rowIsGood = false
            }
            guard rowIsGood, let respondent else { continue }
            responses.append(
                SurveyResponse(
                    respondent: respondent,
                    answers: plan.survey.items.compactMap { item in
                        answers[item].map { SurveyItemAnswer(item: item, answer: $0) }
                    },
                    location: row.location
                )
            )
        }
        if seen.count < plan.survey.minimumResponses {
            checks.problems.error(
                "the survey has \(counted(seen.count, "respondent")); the plan requires at least "
                    + "\(plan.survey.minimumResponses) (minimum-responses)",
                at: SourceLocation(file: sheet.file)
            )
        }
        return (responses, checks.problems.diagnostics)
    }
}

/// `1 team`, `12 teams`.
func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
