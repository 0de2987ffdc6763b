import TenderCore
import TenderModel

/// The performance reports as data, in `result.json`'s form (format 2): compact, keys sorted, exact values as
/// strings (decimal text when it ends, else the fraction in lowest terms), counts as integers, names in both
/// languages, so the file does not depend on the report language.
enum PerformanceJSON {
    static func period(_ builder: PerformanceReportBuilder) -> JSONValue {
        let input = builder.input
        return .object([
            "format": .string("tender-eval-performance-period"),
            "formatVersion": .int(1),
            "contract": contract(builder.contract),
            "plan": plan(builder.plan),
            "months": .array(input.months.map { month(builder, $0, detail: false) }),
            "pending": .array(input.pending.map(pending)),
            "corrections": .array(input.corrections.map { correction($0, applied: nil) }),
            "superseded": .array(input.superseded.map(computation)),
            "raisedRules": .array(input.raised.map(raised)),
            "sheets": .array(builder.periodSheets.map { sheet($0.sheet, month: $0.month) }),
        ])
    }

    static func month(_ builder: PerformanceReportBuilder, month: YearMonth) -> JSONValue {
        let input = builder.input
        let evaluation = input.evaluation(of: month)
        let records = input.records[month] ?? MonthRecords(contractID: builder.contract.id, month: month)
        let applied = Set(evaluation?.corrections ?? [])
        let corrections = input.corrections.filter { $0.month == month }
        func chain(_ target: CorrectionTarget) -> [PerformanceCorrection] {
            corrections.filter { applied.contains($0.number) && $0.target == target }.sorted { $0.number < $1.number }
        }
        func corrected(_ target: CorrectionTarget, _ members: [String: JSONValue]) -> JSONValue {
            let chain = chain(target)
            var members = members
            members["corrections"] = .array(chain.map { .int($0.number) })
            members["valueAfterCorrections"] = chain.last.map { .string($0.to) } ?? .null
            return .object(members)
        }
        let teams: [JSONValue] = records.teams.map { team in
            corrected(
                .teamScore(team: team.team),
                ["team": .string(team.team), "score": .decimal(team.score), "reason": .optional(team.reason)]
            )
        }
        let departments: [JSONValue] = records.departments.map { score in
            let members: [String: JSONValue] = [
                "department": .string(score.department), "item": .string(score.item),
                "score": .decimal(score.score), "reason": .optional(score.reason),
            ]
            return corrected(.departmentScore(department: score.department, item: score.item), members)
        }
        let findings: [JSONValue] = records.patrol.map { finding in
            let members: [String: JSONValue] = [
                "id": .string(finding.id), "date": .string(finding.date), "place": .string(finding.place),
                "item": .string(finding.item), "description": .string(finding.description),
                "deduction": .decimal(finding.deduction), "photo": .optional(finding.photo),
                "photoSHA256": .optional(finding.photoSHA256),
            ]
            return corrected(.patrolDeduction(finding: finding.id), members)
        }
        var members: [String: JSONValue] = [
            "format": .string("tender-eval-performance-month"),
            "formatVersion": .int(1),
            "contract": contract(builder.contract),
            "plan": plan(builder.plan),
            "month": .string(month.description),
        ]
        members["evaluation"] = evaluation.map { self.month(builder, $0, detail: true) } ?? .null
        members["pending"] = input.pending(month).map(pending) ?? .null
        members["teams"] = .array(teams)
        members["departments"] = .array(departments)
        members["findings"] = .array(findings)
        members["corrections"] = .array(corrections.map { correction($0, applied: applied.contains($0.number)) })
        members["superseded"] = .array(input.superseded.filter { $0.month == month }.map(computation))
        members["raisedRules"] = .array(input.raised.filter { $0.raisedIn == month }.map(raised))
        members["sheets"] = .array(builder.sheets(of: month).map { sheet($0, month: month) })
        return .object(members)
    }

    static func month(_ builder: PerformanceReportBuilder, _ evaluation: MonthlyEvaluation, detail: Bool)
        -> JSONValue
    {
        let computation = builder.latestComputation(evaluation.month)
        var members: [String: JSONValue] = [
            "month": .string(evaluation.month.description),
            "survey": source(evaluation.survey),
            "team": source(evaluation.team),
            "department": source(evaluation.department),
            "patrol": .object([
                "findings": .int(evaluation.patrol.findings), "total": .decimal(evaluation.patrol.total),
                "applied": .decimal(evaluation.patrol.applied), "capped": .bool(evaluation.patrol.capped),
            ]),
            "unrounded": .decimal(evaluation.unrounded),
            "floored": .bool(builder.floored(evaluation)),
            "score": .decimal(evaluation.score),
            "standing": .string(evaluation.standing),
            "corrections": .array(evaluation.corrections.map(JSONValue.int)),
            "staleSinceCorrection": .optional(builder.stale(evaluation.month)),
            "computation": computation.map {
                .object([
                    "number": .int($0.number), "computedOn": .string($0.computedOn),
                    "correctionsUpTo": .int($0.correctionsUpTo),
                ])
            } ?? .null,
        ]
        if detail {
            members["surveyItems"] = .array(
                evaluation.surveyItems.map { item in
                    .object([
                        "item": .string(item.item),
                        "counts": .array(
                            item.counts.map { .object(["label": .string($0.label), "count": .int($0.count)]) }
                        ),
                        "mean": .optional(item.mean),
                    ])
                }
            )
            members["departmentTotals"] = .array(
                evaluation.departmentTotals.map {
                    .object(["department": .string($0.department), "total": .decimal($0.total)])
                }
            )
            members["departmentItemMeans"] = .array(
                evaluation.departmentItemMeans.map { .object(["item": .string($0.item), "mean": .decimal($0.mean)]) }
            )
        }
        return .object(members)
    }

    static func source(_ score: SourceScore) -> JSONValue {
        .object([
            "score": .decimal(score.score), "sum": .decimal(score.sum), "count": .int(score.count),
            "weight": .decimal(score.weight), "contribution": .decimal(score.contribution),
            "roundedContribution": .optional(score.roundedContribution),
        ])
    }

    static func localized(_ text: LocalizedText) -> JSONValue {
        .object(["zh": .optional(text.zh), "en": .optional(text.en)])
    }

    static func contract(_ contract: PerformanceContract) -> JSONValue {
        .object([
            "id": .string(contract.id),
            "tender": .string(contract.tenderID),
            "buyer": localized(contract.buyer),
            "contractor": .object([
                "name": .string(contract.contractor.name),
                "registrationID": .string(contract.contractor.registrationID),
            ]),
            "services": .array(
                contract.services.map { .object(["id": .string($0.id), "name": localized($0.name)]) }
            ),
            "start": .string(contract.start),
            "end": .string(contract.end),
        ])
    }

    static func plan(_ plan: EvaluationPlan) -> JSONValue {
        .object([
            "decimals": .int(plan.decimals),
            "rounding": .string(plan.rounding.rawValue),
            "weights": .object([
                "survey": .decimal(plan.survey.weight), "team": .decimal(plan.team.weight),
                "department": .decimal(plan.department.weight),
            ]),
            "patrol": .object([
                "maximumPerFinding": .decimal(plan.patrol.maximumPerFinding),
                "monthlyCap": .decimal(plan.patrol.monthlyCap),
            ]),
            "standings": .array(
                plan.standings.map { standing in
                    .object([
                        "id": .string(standing.id), "name": localized(standing.name),
                        "atLeast": .decimal(standing.atLeast),
                        "consequence": standing.consequence.map(localized) ?? .null,
                    ])
                }
            ),
            "rules": .array(
                plan.rules.map { rule in
                    .object([
                        "id": .string(rule.id), "standing": .string(rule.standing), "count": .int(rule.count),
                        "withinMonths": .int(rule.withinMonths), "consequence": localized(rule.consequence),
                        "warnsNextTender": .bool(rule.warnsNextTender),
                    ])
                }
            ),
        ])
    }

    static func pending(_ month: PendingMonth) -> JSONValue {
        var members: [String: JSONValue] = ["month": .string(month.month.description)]
        switch month.status {
        case .incomplete(let missing):
            members["status"] = .string("incomplete")
            members["missing"] = .array(missing.map { .string($0.rawValue) })
        case .notComputed:
            members["status"] = .string("not-computed")
        case .stale(let correction):
            members["status"] = .string("stale")
            members["correction"] = .int(correction)
        }
        return .object(members)
    }

    static func target(_ target: CorrectionTarget) -> JSONValue {
        switch target {
        case .surveyAnswer(let respondent, let item):
            return .object([
                "kind": .string("survey-answer"), "respondent": .string(respondent), "item": .string(item),
            ])
        case .teamScore(let team):
            return .object(["kind": .string("team-score"), "team": .string(team)])
        case .departmentScore(let department, let item):
            return .object([
                "kind": .string("department-score"), "department": .string(department), "item": .string(item),
            ])
        case .patrolDeduction(let finding):
            return .object(["kind": .string("patrol-deduction"), "finding": .string(finding)])
        }
    }

    static func correction(_ correction: PerformanceCorrection, applied: Bool?) -> JSONValue {
        var members: [String: JSONValue] = [
            "number": .int(correction.number), "month": .string(correction.month.description),
            "target": target(correction.target), "from": .string(correction.from), "to": .string(correction.to),
            "reason": .string(correction.reason), "by": .string(correction.by), "date": .string(correction.date),
            "previous": .optional(correction.previous), "hash": .string(correction.hash),
        ]
        if let applied { members["applied"] = .bool(applied) }
        return .object(members)
    }

    static func computation(_ computation: PerformanceComputation) -> JSONValue {
        .object([
            "month": .string(computation.month.description), "number": .int(computation.number),
            "score": .decimal(computation.score), "standing": .string(computation.standing),
            "computedOn": .string(computation.computedOn), "correctionsUpTo": .int(computation.correctionsUpTo),
        ])
    }

    static func raised(_ rule: RaisedRule) -> JSONValue {
        .object([
            "rule": .string(rule.ruleID), "raisedIn": .string(rule.raisedIn.description),
            "months": .array(rule.months.map { .string($0.description) }),
            "consequence": localized(rule.consequence), "warnsNextTender": .bool(rule.warnsNextTender),
        ])
    }

    static func sheet(_ sheet: RecordedSheet, month: YearMonth) -> JSONValue {
        .object([
            "month": .string(month.description), "source": .string(sheet.source.rawValue), "file": .string(sheet.file),
            "sha256": .string(sheet.sha256), "recordedOn": .string(sheet.recordedOn),
        ])
    }
}
