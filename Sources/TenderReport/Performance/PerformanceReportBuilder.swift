import TenderCore
import TenderModel

/// Builds the block trees of the period and monthly performance reports (one tree, written as Markdown or HTML,
/// so both say the same), with every number from the exact values of the evaluations.
struct PerformanceReportBuilder {
    let input: PerformanceReportInput
    let language: ReportLanguage
    let labels: PerformanceLabels

    init(input: PerformanceReportInput, language: ReportLanguage) {
        self.input = input
        self.language = language
        self.labels = PerformanceLabels.labels(for: language)
    }

    var plan: EvaluationPlan { input.plan }
    var contract: PerformanceContract { plan.contract }
    var decimals: Int { plan.decimals }

    var periodTitle: RichText {
        labels.periodTitle(.user(contract.id))
    }

    func monthTitle(_ month: YearMonth) -> RichText {
        labels.monthTitle(month.description, .user(contract.id))
    }

    // MARK: - Names and numbers

    func serviceName(_ id: String) -> RichText {
        .user(contract.service(id: id)?.name.text(in: language) ?? id)
    }

    func standingName(_ id: String) -> RichText {
        .user(plan.standing(id: id)?.name.text(in: language) ?? id)
    }

    func consequence(ofStanding id: String) -> RichText {
        plan.standing(id: id)?.consequence.map { RichText.user($0.text(in: language)) } ?? .text(labels.dash)
    }

    /// The lowest band (不合格): months in it are marked in the table and the chart.
    func isBottom(_ standing: String) -> Bool {
        plan.standings.last?.id == standing
    }

    func counted(_ value: Points) -> String {
        NumberFormat.points(value, decimals: decimals)
    }

    func exact(_ value: ExactRatio) -> String {
        NumberFormat.exact(value)
    }

    func exact(_ value: Points) -> String {
        NumberFormat.exact(value)
    }

    /// A contribution as the score counts it: `exact → rounded` under per-source rounding, exact otherwise.
    func contributionText(_ source: SourceScore) -> String {
        guard let rounded = source.roundedContribution else { return exact(source.contribution) }
        return NumberFormat.rounding(source.contribution, to: rounded, decimals: decimals)
    }

    func counted(contribution source: SourceScore) -> String {
        source.roundedContribution.map(counted) ?? exact(source.contribution)
    }

    func deductionText(_ patrol: PatrolDeduction) -> String {
        patrol.capped ? labels.capped(exact(patrol.total), exact(patrol.applied)) : exact(patrol.applied)
    }

    func scoreText(_ evaluation: MonthlyEvaluation) -> String {
        let score = counted(evaluation.score)
        return floored(evaluation) ? score + " " + labels.floored(exact(unfloored(evaluation))) : score
    }

    func sourceScore(_ evaluation: MonthlyEvaluation, _ source: PerformanceSource) -> SourceScore? {
        switch source {
        case .survey: return evaluation.survey
        case .team: return evaluation.team
        case .department: return evaluation.department
        case .patrol: return nil
        }
    }

    static let weightedSources: [PerformanceSource] = [.survey, .team, .department]

    /// What the sources add up to before the floor at 0: the rounded contributions (per-source rounding) or the
    /// exact ones (total rounding), less the applied deduction.
    func unfloored(_ evaluation: MonthlyEvaluation) -> ExactRatio {
        let sources = Self.weightedSources.compactMap { sourceScore(evaluation, $0) }
        var sum = ExactRatio.zero
        for source in sources {
            let term = source.roundedContribution?.ratio ?? source.contribution
            guard let next = try? sum + term else { return evaluation.unrounded }
            sum = next
        }
        return (try? sum - evaluation.patrol.applied.ratio) ?? evaluation.unrounded
    }

    func floored(_ evaluation: MonthlyEvaluation) -> Bool {
        unfloored(evaluation) < .zero
    }

    func stale(_ month: YearMonth) -> Int? {
        guard case .stale(let correction)? = input.pending(month)?.status else { return nil }
        return correction
    }

    func pendingText(_ status: PendingStatus) -> String {
        switch status {
        case .incomplete(let missing): return labels.pending(status, missing.map(labels.sourceName))
        default: return labels.pending(status, [])
        }
    }

    /// Every month the reports speak of: scored and pending, ascending.
    var reportedMonths: [YearMonth] {
        Array(Set(input.months.map(\.month) + input.pending.map(\.month))).sorted()
    }

    func latestComputation(_ month: YearMonth) -> PerformanceComputation? {
        input.latest.first { $0.month == month }
    }

    func rule(_ id: String) -> StandingRule? {
        plan.rules.first { $0.id == id }
    }

    func raisedText(_ raised: RaisedRule) -> RichText {
        let rule = rule(raised.ruleID)
        let summary =
            rule.map { labels.ruleSummary($0.count, $0.withinMonths, standingName($0.standing)) }
            ?? .user(raised.ruleID)
        return labels.raisedRule(
            summary,
            raised.months.map(\.description).joined(separator: ", "),
            raised.raisedIn.description,
            .user(raised.consequence.text(in: language))
        )
    }

    func changeText(_ correction: PerformanceCorrection) -> RichText {
        let from: RichText = correction.from.isEmpty ? .text(labels.struck) : .user(correction.from)
        let to: RichText = correction.to.isEmpty ? .text(labels.struck) : .user(correction.to)
        return "\(from) → \(to)"
    }

    func correctionRow(_ correction: PerformanceCorrection) -> [RichText] {
        [
            "\(correction.number)", .user(correction.date), "\(correction.month.description)",
            labels.target(correction.target, serviceName), changeText(correction), .user(correction.reason),
            .user(correction.by),
        ]
    }

    var correctionHeaders: [RichText] {
        [
            "\(labels.number)", "\(labels.date)", "\(labels.month)", "\(labels.record)", "\(labels.change)",
            "\(labels.reason)", "\(labels.by)",
        ]
    }

    func correctionsTable(_ corrections: [PerformanceCorrection]) -> Block {
        .table(
            Table(
                headers: correctionHeaders,
                alignments: [.right, .left, .left, .left, .left, .left, .name],
                rows: corrections.map(correctionRow)
            )
        )
    }

    func supersededTable(_ computations: [PerformanceComputation]) -> Block {
        .table(
            Table(
                headers: [
                    "\(labels.month)", "\(labels.computation)", "\(labels.score)", "\(labels.standing)",
                    "\(labels.computedOn)", "\(labels.correctionsUpTo)",
                ],
                alignments: [.left, .right, .right, .left, .left, .right],
                rows: computations.map { computation in
                    [
                        "\(computation.month.description)", "\(computation.number)", "\(counted(computation.score))",
                        standingName(computation.standing), .user(computation.computedOn),
                        "\(computation.correctionsUpTo)",
                    ]
                }
            )
        )
    }

    func sheetsTable(_ sheets: [(month: YearMonth, sheet: RecordedSheet)], withMonth: Bool) -> Block {
        var headers: [RichText] = withMonth ? ["\(labels.month)"] : []
        headers += ["\(labels.source)", "\(labels.file)", "SHA-256", "\(labels.recordedOn)"]
        return .table(
            Table(
                headers: headers,
                alignments: (withMonth ? [.left] : []) + [.left, .left, .left, .left],
                rows: sheets.map { entry in
                    (withMonth ? ["\(entry.month.description)"] : [])
                        + [
                            "\(labels.sourceName(entry.sheet.source))", .user(entry.sheet.file),
                            .user(entry.sheet.sha256), .user(entry.sheet.recordedOn),
                        ]
                }
            )
        )
    }

    /// Sheets in month order, then in source order (survey, team, department, patrol).
    func sheets(of month: YearMonth) -> [RecordedSheet] {
        let order = PerformanceSource.allCases
        return (input.records[month]?.sheets ?? []).sorted {
            (order.firstIndex(of: $0.source) ?? 0, $0.file) < (order.firstIndex(of: $1.source) ?? 0, $1.file)
        }
    }

    func section(_ level: Int, _ title: String, anchor: String, _ blocks: [Block]) -> Block {
        .section(Section(level: level, title: .text(title), anchor: anchor, pageBreakBefore: false, blocks: blocks))
    }

    func listOrNone(_ blocks: [Block], empty: Bool) -> [Block] {
        empty ? [.paragraph("\(labels.none)")] : blocks
    }

    // MARK: - Contract header (both reports)

    var contractBlock: Block {
        let survey = plan.survey.weight
        var rows: [KeyValue] = [
            KeyValue(key: "\(labels.contractID)", value: .user(contract.id)),
            KeyValue(key: "\(labels.tender)", value: .user(contract.tenderID)),
            KeyValue(key: "\(labels.buyer)", value: .user(contract.buyer.text(in: language))),
            KeyValue(key: "\(labels.contractor)", value: .user(contract.contractor.name)),
            KeyValue(key: "\(labels.registrationID)", value: .user(contract.contractor.registrationID)),
            KeyValue(
                key: "\(labels.services)",
                value: contract.services.map { serviceName($0.id) }.joined(separator: .text(labels.listSeparator))
            ),
            KeyValue(key: "\(labels.term)", value: "\(user: contract.start) – \(user: contract.end)"),
            KeyValue(
                key: "\(labels.sources)",
                value: .text(
                    labels.weights(
                        exact(survey),
                        exact(plan.team.weight),
                        exact(plan.department.weight),
                        exact(plan.patrol.monthlyCap),
                        exact(plan.patrol.maximumPerFinding)
                    )
                )
            ),
            KeyValue(key: "\(labels.rounding)", value: .text(labels.roundingRule(plan.rounding, decimals))),
            KeyValue(
                key: "\(labels.standings)",
                value: plan.standings.map { standing in
                    labels.band(
                        .user(standing.name.text(in: language)),
                        exact(standing.atLeast),
                        standing.consequence.map { .user($0.text(in: language)) }
                    )
                }
                .joined(separator: "; ")
            ),
        ]
        if !plan.rules.isEmpty {
            rows.append(
                KeyValue(
                    key: "\(labels.rules)",
                    value: plan.rules.map { rule in
                        labels.rule(
                            rule.count,
                            rule.withinMonths,
                            standingName(rule.standing),
                            .user(rule.consequence.text(in: language)),
                            rule.warnsNextTender
                        )
                    }
                    .joined(separator: "; ")
                )
            )
        }
        return .keyValue(rows)
    }
}
