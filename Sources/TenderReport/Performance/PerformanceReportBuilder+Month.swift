import TenderCore
import TenderModel

/// The monthly report: every formula with its numbers, the survey distribution, each team's and department's
/// scores with reasons, the patrol findings with their evidence, and the corrections the score applied.
extension PerformanceReportBuilder {
    func monthBlocks(_ month: YearMonth) -> [Block] {
        let evaluation = input.evaluation(of: month)
        let records = input.records[month] ?? MonthRecords(contractID: contract.id, month: month)
        let forMonth = input.corrections.filter { $0.month == month }
        let applied = forMonth.filter { evaluation?.corrections.contains($0.number) ?? false }
        let notApplied = forMonth.filter { !(evaluation?.corrections.contains($0.number) ?? false) }
        let context = MonthContext(records: records, applied: applied)

        var blocks: [Block] = [section(2, labels.contractSection, anchor: "contract", [contractBlock])]
        if let evaluation {
            blocks.append(
                section(2, labels.calculationSection, anchor: "calculation", calculation(evaluation, context))
            )
            blocks.append(section(2, labels.surveySection, anchor: "survey", [surveyTable(evaluation)]))
        } else {
            let status = input.pending(month).map { pendingText($0.status) } ?? labels.notScored
            blocks.append(
                section(2, labels.calculationSection, anchor: "calculation", [.paragraph("\(status)", style: .alert)])
            )
        }
        blocks.append(
            section(
                2,
                labels.teamSection,
                anchor: "teams",
                listOrNone([teamTable(context)], empty: records.teams.isEmpty)
            )
        )
        blocks.append(
            section(
                2,
                labels.departmentSection,
                anchor: "departments",
                listOrNone(departmentBlocks(evaluation, context), empty: records.departments.isEmpty)
            )
        )
        blocks.append(
            section(
                2,
                labels.patrolSection,
                anchor: "findings",
                listOrNone([findingsTable(context)], empty: records.patrol.isEmpty)
            )
        )
        var correctionBlocks: [Block] = applied.isEmpty ? [] : [correctionsTable(applied)]
        if !notApplied.isEmpty {
            correctionBlocks.append(
                .paragraph(
                    "\(labels.notApplied(notApplied.map { String($0.number) }.joined(separator: ", ")))",
                    style: .alert
                )
            )
            correctionBlocks.append(correctionsTable(notApplied))
        }
        blocks.append(
            section(
                2,
                labels.correctionsSection,
                anchor: "corrections",
                listOrNone(correctionBlocks, empty: forMonth.isEmpty)
            )
        )
        let raised = input.raised.filter { $0.raisedIn == month }
        blocks.append(
            section(
                2,
                labels.raisedThisMonth,
                anchor: "rules-raised",
                listOrNone([.list(raised.map(raisedText))], empty: raised.isEmpty)
            )
        )
        let superseded = input.superseded.filter { $0.month == month }
        if !superseded.isEmpty {
            blocks.append(
                section(
                    2,
                    labels.supersededSection,
                    anchor: "superseded",
                    [.paragraph("\(labels.supersededNote)"), supersededTable(superseded)]
                )
            )
        }
        let sheets = sheets(of: month).map { (month: month, sheet: $0) }
        blocks.append(
            section(
                2,
                labels.sheetsSection,
                anchor: "sheets",
                listOrNone([sheetsTable(sheets, withMonth: false)], empty: sheets.isEmpty)
            )
        )
        return blocks
    }

    /// The month's records and the corrections its score applied, for showing each value as the score read it.
    struct MonthContext {
        var records: MonthRecords
        var applied: [PerformanceCorrection]

        /// The corrections applied to one value, in number order.
        func chain(_ target: CorrectionTarget) -> [PerformanceCorrection] {
            applied.filter { $0.target == target }.sorted { $0.number < $1.number }
        }
    }

    /// A recorded value as the score read it: `28 (corrected from 22, correction 1: reason)`.
    func value(_ recorded: String, _ target: CorrectionTarget, _ context: MonthContext) -> RichText {
        let chain = context.chain(target)
        guard let first = chain.first, let last = chain.last else { return .user(recorded) }
        let reasons = chain.map { RichText.user($0.reason) }.joined(separator: "; ")
        let shown = last.to.isEmpty ? labels.struck : last.to
        let from = first.from.isEmpty ? labels.struck : first.from
        return labels.corrected(shown, from, chain.map(\.number), reasons)
    }

    /// A finding's deduction after its corrections, as text (the score's terms).
    func deduction(_ finding: PatrolFinding, _ context: MonthContext) -> String {
        context.chain(.patrolDeduction(finding: finding.id)).last?.to ?? exact(finding.deduction)
    }

    // MARK: - Calculation

    func calculation(_ evaluation: MonthlyEvaluation, _ context: MonthContext) -> [Block] {
        var rows: [[RichText]] = []
        for source in Self.weightedSources {
            guard let score = sourceScore(evaluation, source) else { continue }
            rows.append([
                "\(labels.sourceName(source))",
                "\(labels.sourceFormula(source, exact(score.sum), score.count, exact(score.score)))",
                "\(labels.contributionFormula(exact(score.weight), exact(score.score), contributionText(score)))",
            ])
        }
        let patrol = evaluation.patrol
        let terms = context.records.patrol.map { deduction($0, context) }
        let sumText =
            terms.count > 1 ? terms.joined(separator: " + ") + " = " + exact(patrol.total) : exact(patrol.total)
        let applied =
            patrol.capped
            ? labels.patrolCap(exact(patrol.total), exact(plan.patrol.monthlyCap), exact(patrol.applied))
            : exact(patrol.applied)
        rows.append([
            "\(labels.sourceName(.patrol))", "\(labels.patrolFormula(sumText, patrol.findings))", "− \(applied)",
        ])
        var blocks: [Block] = [
            .table(
                Table(
                    headers: ["\(labels.source)", "\(labels.formula)", "\(labels.contribution)"],
                    alignments: [.left, .left, .left],
                    rows: rows
                )
            )
        ]
        let contributions = Self.weightedSources.compactMap { sourceScore(evaluation, $0) }.map(counted(contribution:))
        let unfloored = unfloored(evaluation)
        let result =
            floored(evaluation)
            ? exact(unfloored) + " → " + counted(evaluation.score) + " " + labels.floorNote
            : NumberFormat.rounding(unfloored, to: evaluation.score, decimals: decimals)
        blocks.append(
            .paragraph(
                "\(labels.scoreLine(contributions.joined(separator: " + ") + " − " + exact(patrol.applied), result))",
                style: .strong
            )
        )
        if let standing = plan.standing(id: evaluation.standing) {
            var line = labels.standingLine(
                counted(evaluation.score),
                exact(standing.atLeast),
                .user(standing.name.text(in: language))
            )
            if let consequence = standing.consequence {
                line = line + " — " + .user(consequence.text(in: language))
            }
            blocks.append(.paragraph(line, style: isBottom(standing.id) ? .alert : .strong))
        }
        if let correction = stale(evaluation.month) {
            blocks.append(.paragraph("\(labels.stale(correction))", style: .alert))
        }
        if let computation = latestComputation(evaluation.month) {
            blocks.append(.paragraph("\(labels.computationText(computation.number, computation.computedOn))"))
        }
        return blocks
    }

    // MARK: - Sources

    func surveyTable(_ evaluation: MonthlyEvaluation) -> Block {
        let answerLabels = plan.survey.answers.map(\.label)
        var headers: [RichText] = ["\(labels.item)"]
        headers += plan.survey.answers.map { "\(user: $0.label) (\(exact($0.value)))" }
        headers += ["\(labels.answers)", "\(labels.mean)"]
        let rows: [[RichText]] = evaluation.surveyItems.map { item in
            let counts = answerLabels.map { label in item.counts.first { $0.label == label }?.count ?? 0 }
            return [serviceName(item.item)] + counts.map { "\($0)" }
                + ["\(counts.reduce(0, +))", "\(item.mean.map(exact) ?? labels.dash)"]
        }
        return .table(
            Table(
                headers: headers,
                alignments: [.left] + Array(repeating: .right, count: answerLabels.count + 2),
                rows: rows
            )
        )
    }

    func teamTable(_ context: MonthContext) -> Block {
        .table(
            Table(
                headers: ["\(labels.team)", "\(labels.score)", "\(labels.reason)"],
                alignments: [.name, .right, .left],
                rows: context.records.teams.map { team in
                    [
                        .user(team.team), value(exact(team.score), .teamScore(team: team.team), context),
                        .user(team.reason ?? ""),
                    ]
                }
            )
        )
    }

    func departmentBlocks(_ evaluation: MonthlyEvaluation?, _ context: MonthContext) -> [Block] {
        let items = plan.department.items
        var departments: [String] = evaluation?.departmentTotals.map(\.department) ?? []
        for score in context.records.departments where !departments.contains(score.department) {
            departments.append(score.department)
        }
        var headers: [RichText] = ["\(labels.department)"]
        headers += items.map { "\(serviceName($0.id)) (\(exact($0.points)))" }
        headers.append("\(labels.total)")
        var rows: [[RichText]] = departments.map { department in
            var row: [RichText] = [.user(department)]
            for item in items {
                let score = context.records.departments.first { $0.department == department && $0.item == item.id }
                row.append(
                    score.map {
                        value(exact($0.score), .departmentScore(department: department, item: item.id), context)
                    } ?? "\(labels.dash)"
                )
            }
            let total = evaluation?.departmentTotals.first { $0.department == department }?.total
            row.append("\(total.map(exact) ?? labels.dash)")
            return row
        }
        if let evaluation {
            var means: [RichText] = ["\(labels.itemMean)"]
            means += items.map { item in
                "\(evaluation.departmentItemMeans.first { $0.item == item.id }.map { exact($0.mean) } ?? labels.dash)"
            }
            means.append("\(exact(evaluation.department.score))")
            rows.append(means)
        }
        var blocks: [Block] = [
            .table(
                Table(
                    headers: headers,
                    alignments: [.name] + Array(repeating: .right, count: items.count + 1),
                    rows: rows
                )
            )
        ]
        let reasoned = context.records.departments.filter { !($0.reason ?? "").isEmpty }
        if !reasoned.isEmpty {
            blocks.append(.paragraph("\(labels.departmentReasons)"))
            blocks.append(
                .table(
                    Table(
                        headers: ["\(labels.department)", "\(labels.item)", "\(labels.score)", "\(labels.reason)"],
                        alignments: [.name, .left, .right, .left],
                        rows: reasoned.map { score in
                            [
                                .user(score.department), serviceName(score.item),
                                value(
                                    exact(score.score),
                                    .departmentScore(department: score.department, item: score.item),
                                    context
                                ),
                                .user(score.reason ?? ""),
                            ]
                        }
                    )
                )
            )
        }
        return blocks
    }

    func findingsTable(_ context: MonthContext) -> Block {
        .table(
            Table(
                headers: [
                    "\(labels.findingID)", "\(labels.date)", "\(labels.place)", "\(labels.item)",
                    "\(labels.description)", "\(labels.deduction)", "\(labels.photo)", "\(labels.photoSHA256)",
                ],
                alignments: [.left, .left, .left, .left, .left, .right, .left, .left],
                rows: context.records.patrol.map { finding in
                    [
                        .user(finding.id), .user(finding.date), .user(finding.place), serviceName(finding.item),
                        .user(finding.description),
                        value(exact(finding.deduction), .patrolDeduction(finding: finding.id), context),
                        finding.photo.map(RichText.user) ?? "\(labels.dash)",
                        finding.photoSHA256.map(RichText.user) ?? "\(labels.dash)",
                    ]
                }
            )
        )
    }
}
