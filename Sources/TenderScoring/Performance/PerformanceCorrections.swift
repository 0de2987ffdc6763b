public import TenderCore
public import TenderModel

/// Corrections to a month's recorded values (made with a reason, never overwriting the record): checked when
/// drafted against the values they change, and applied in number order when the month is scored.
public enum PerformanceCorrections {
    /// The records as corrected: each correction of this contract and month, in number order, replaces one value.
    /// Every correction is checked again as it is applied, so a history whose corrections no longer fit its
    /// records is refused rather than scored.
    public static func apply(
        _ corrections: [PerformanceCorrection],
        to records: MonthRecords,
        plan: EvaluationPlan
    ) throws(DiagnosticError) -> MonthRecords {
        var corrected = records
        var lastChange: [CorrectionTarget: Int] = [:]
        let applicable = corrections.filter { $0.contractID == records.contractID && $0.month == records.month }
        for correction in applicable.sorted(by: { $0.number < $1.number }) {
            do {
                try check(
                    target: correction.target,
                    from: correction.from,
                    to: correction.to,
                    records: corrected,
                    plan: plan,
                    changedBy: lastChange[correction.target]
                )
            } catch {
                throw DiagnosticError(
                    error.diagnostics.map {
                        Diagnostic(
                            $0.severity,
                            "correction \(correction.number) (\(records.month)): \($0.message)",
                            at: $0.location
                        )
                    }
                )
            }
            set(correction.target, to: correction.to, in: &corrected)
            lastChange[correction.target] = correction.number
        }
        return corrected
    }

    /// The value a correction of `target` would change, as text (an answer label, empty for a blank answer; a
    /// score or deduction in its shortest form); nil when the month's records have no such respondent, team,
    /// department item or finding.
    public static func currentValue(of target: CorrectionTarget, in records: MonthRecords) -> String? {
        switch target {
        case .surveyAnswer(let respondent, let item):
            guard let response = records.survey.first(where: { $0.respondent == respondent }) else { return nil }
            return response.answers.first { $0.item == item }?.answer ?? ""
        case .teamScore(let team):
            return records.teams.first { $0.team == team }?.score.plainText
        case .departmentScore(let department, let item):
            return records.departments.first { $0.department == department && $0.item == item }?.score.plainText
        case .patrolDeduction(let finding):
            return records.patrol.first { $0.id == finding }?.deduction.plainText
        }
    }

    /// Checks a correction before it is recorded: the target exists, `from` is its current value (in `records`,
    /// which already carry the month's earlier corrections, `previous`), and `to` is a value the sheet itself
    /// could hold.
    public static func validate(
        target: CorrectionTarget,
        from: String,
        to: String,
        records: MonthRecords,
        plan: EvaluationPlan,
        previous: [PerformanceCorrection] = []
    ) throws(DiagnosticError) {
        let changedBy =
            previous.filter { $0.contractID == records.contractID && $0.month == records.month && $0.target == target }
            .map(\.number).max()
        try check(target: target, from: from, to: to, records: records, plan: plan, changedBy: changedBy)
    }

    // MARK: Checks

    private static func check(
        target: CorrectionTarget,
        from: String,
        to: String,
        records: MonthRecords,
        plan: EvaluationPlan,
        changedBy: Int?
    ) throws(DiagnosticError) {
        let month = records.month
        guard let current = currentValue(of: target, in: records) else {
            throw DiagnosticError(.error(missing(target, month: month)))
        }
        let from = trimmed(from)
        let to = trimmed(to)
        let provenance = changedBy.map { " (after correction \($0))" } ?? " (as recorded)"
        switch target {
        case .surveyAnswer(_, let item):
            guard plan.survey.items.contains(item) else {
                throw DiagnosticError(
                    .error(
                        "item '\(VisibleText.excerpt(item))' is not asked in the survey; its items are "
                            + plan.survey.items.joined(separator: ", ")
                    )
                )
            }
            guard from == current else {
                throw DiagnosticError(
                    .error("correction says the value is \(shown(from)) but it is \(shown(current))" + provenance)
                )
            }
            guard to.isEmpty || plan.survey.answer(labelled: to) != nil else {
                throw DiagnosticError(
                    .error(
                        "'\(VisibleText.excerpt(to))' is not one of the plan's answers ("
                            + plan.survey.answers.map(\.label).joined(separator: ", ")
                            + "); an empty value strikes the answer"
                    )
                )
            }
            guard to != from else { throw DiagnosticError(.error(unchanged(to))) }
        case .teamScore:
            try checkScore(
                from: from,
                to: to,
                current: current,
                provenance: provenance,
                maximum: 100,
                step: plan.team.step,
                describe: { "team score \($0)" }
            )
        case .departmentScore(_, let item):
            guard let planned = plan.department.item(id: item) else {
                throw DiagnosticError(
                    .error("item '\(VisibleText.excerpt(item))' is not a department item of the plan")
                )
            }
            try checkScore(
                from: from,
                to: to,
                current: current,
                provenance: provenance,
                maximum: planned.points,
                step: plan.department.step,
                describe: { "score \($0) for '\(VisibleText.excerpt(item))'" }
            )
        case .patrolDeduction:
            try checkScore(
                from: from,
                to: to,
                current: current,
                provenance: provenance,
                maximum: plan.patrol.maximumPerFinding,
                step: nil,
                describe: { "deduction \($0)" }
            )
        }
    }

    /// A score or deduction: compared as numbers (`18.0` is `18`), and `to` refused as the sheet would refuse it.
    private static func checkScore(
        from: String,
        to: String,
        current: String,
        provenance: String,
        maximum: Points,
        step: Points?,
        describe: (String) -> String
    ) throws(DiagnosticError) {
        guard let fromValue = try? Points(parsing: from) else {
            throw DiagnosticError(
                .error(
                    DecimalText.refusal(
                        of: from,
                        as: Points.self,
                        name: "the value the correction starts from '\(VisibleText.excerpt(from))'"
                    )
                        ?? "the value the correction starts from is not a plain decimal number"
                )
            )
        }
        guard fromValue.plainText == current else {
            throw DiagnosticError(
                .error("correction says the value is \(fromValue.plainText) but it is \(current)" + provenance)
            )
        }
        guard let toValue = try? Points(parsing: to) else {
            throw DiagnosticError(
                .error(
                    DecimalText.refusal(of: to, as: Points.self, name: describe("'\(VisibleText.excerpt(to))'"))
                        ?? describe("'\(VisibleText.excerpt(to))'") + " is not a plain decimal number"
                )
            )
        }
        guard toValue >= .zero && toValue <= maximum else {
            throw DiagnosticError(
                .error(describe(toValue.plainText) + " is outside 0…\(maximum.plainText); values are never clamped")
            )
        }
        if let step, step > .zero, toValue.units % step.units != 0 {
            throw DiagnosticError(
                .error(describe(toValue.plainText) + " is not a multiple of its step \(step.plainText)")
            )
        }
        guard toValue != fromValue else { throw DiagnosticError(.error(unchanged(toValue.plainText))) }
    }

    private static func missing(_ target: CorrectionTarget, month: YearMonth) -> String {
        switch target {
        case .surveyAnswer(let respondent, _):
            return "respondent '\(VisibleText.excerpt(respondent))' is not in the survey of \(month)"
        case .teamScore(let team):
            return "team '\(VisibleText.excerpt(team))' is not among the team recommendations of \(month)"
        case .departmentScore(let department, let item):
            return "department '\(VisibleText.excerpt(department))' did not score item '\(VisibleText.excerpt(item))' "
                + "in \(month)"
        case .patrolDeduction(let finding):
            return "finding '\(VisibleText.excerpt(finding))' is not among the patrol findings of \(month)"
        }
    }

    private static func unchanged(_ value: String) -> String {
        "the correction does not change the value (\(shown(value)))"
    }

    private static func shown(_ value: String) -> String {
        value.isEmpty ? "blank" : VisibleText.excerpt(value)
    }

    // MARK: Applying

    private static func set(_ target: CorrectionTarget, to value: String, in records: inout MonthRecords) {
        let value = trimmed(value)
        switch target {
        case .surveyAnswer(let respondent, let item):
            guard let index = records.survey.firstIndex(where: { $0.respondent == respondent }) else { return }
            var answers = records.survey[index].answers
            if let position = answers.firstIndex(where: { $0.item == item }) {
                if value.isEmpty { answers.remove(at: position) } else { answers[position].answer = value }
            } else if !value.isEmpty {
                answers.append(SurveyItemAnswer(item: item, answer: value))
            }
            records.survey[index].answers = answers
        case .teamScore(let team):
            guard let index = records.teams.firstIndex(where: { $0.team == team }),
                let score = try? Points(parsing: value)
            else { return }
            records.teams[index].score = score
        case .departmentScore(let department, let item):
            guard let index = records.departments.firstIndex(where: { $0.department == department && $0.item == item }),
                let score = try? Points(parsing: value)
            else { return }
            records.departments[index].score = score
        case .patrolDeduction(let finding):
            guard let index = records.patrol.firstIndex(where: { $0.id == finding }),
                let deduction = try? Points(parsing: value)
            else { return }
            records.patrol[index].deduction = deduction
        }
    }

    /// Without leading and trailing spaces, tabs and line breaks (sheet cells and command-line values alike).
    private static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex { !$0.properties.isWhitespace }!
        return String(scalars[first...last])
    }
}
