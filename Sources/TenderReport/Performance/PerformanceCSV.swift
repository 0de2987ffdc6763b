import TenderCore
import TenderModel

/// The performance reports' CSV files, written as `scores.csv` is (RFC 4180, CRLF, UTF-8 with a byte order mark,
/// cells a spreadsheet would run as formulas neutralised). Each source's mean is given with the sum and the count
/// it divides, so a spreadsheet can recompute it exactly; a mean whose decimals do not end is cut after four
/// digits and marked `…`, as in the reports.
enum PerformanceCSV {
    /// `period.csv`: one row per month, scored or not.
    static func writePeriod(_ builder: PerformanceReportBuilder, to sink: some ReportSink) {
        let labels = builder.labels
        var header = ["\(labels.month)", labels.status]
        for source in PerformanceReportBuilder.weightedSources {
            let name = labels.sourceName(source)
            header += ["\(name) S", "\(name) Σ", "\(name) n", "\(name) \(labels.contribution)"]
        }
        header += [
            labels.deductionTotal, labels.deduction, labels.unrounded, labels.score, labels.standing,
            labels.consequence, labels.correctionsColumn, labels.computation, labels.computedOn,
        ]
        sink.write(CSVWriter.byteOrderMark)
        write(header, to: sink)
        for month in builder.reportedMonths {
            guard let evaluation = builder.input.evaluation(of: month) else {
                let status = builder.input.pending(month).map { builder.pendingText($0.status) } ?? ""
                write([month.description, status] + Array(repeating: "", count: header.count - 2), to: sink)
                continue
            }
            let status = builder.stale(month).map(labels.stale) ?? labels.scored
            var record = [month.description, status]
            for source in PerformanceReportBuilder.weightedSources {
                guard let score = builder.sourceScore(evaluation, source) else { continue }
                record += [
                    builder.exact(score.score), builder.exact(score.sum), String(score.count),
                    builder.counted(contribution: score),
                ]
            }
            let computation = builder.latestComputation(month)
            record += [
                builder.exact(evaluation.patrol.total), builder.exact(evaluation.patrol.applied),
                builder.exact(evaluation.unrounded), builder.counted(evaluation.score),
                CSVWriter.text(builder.standingName(evaluation.standing).plain),
                consequence(builder, evaluation),
                evaluation.corrections.map(String.init).joined(separator: " "),
                computation.map { String($0.number) } ?? "", computation.map { CSVWriter.text($0.computedOn) } ?? "",
            ]
            write(record, to: sink)
        }
    }

    /// `months/YYYY-MM.csv`: one row per source, team, department score and patrol finding, then the score.
    static func writeMonth(_ builder: PerformanceReportBuilder, month: YearMonth, to sink: some ReportSink) {
        let labels = builder.labels
        let header = [
            labels.record, labels.name, labels.item, labels.date, labels.place, labels.value, "n", "S",
            labels.weight, labels.contribution, labels.reasonOrDescription, labels.photo, labels.photoSHA256,
            labels.correctionsColumn,
        ]
        sink.write(CSVWriter.byteOrderMark)
        write(header, to: sink)
        let evaluation = builder.input.evaluation(of: month)
        let records = builder.input.records[month] ?? MonthRecords(contractID: builder.contract.id, month: month)
        let applied = builder.input.corrections.filter {
            $0.month == month && (evaluation?.corrections.contains($0.number) ?? false)
        }
        func current(_ recorded: String, _ target: CorrectionTarget) -> (value: String, numbers: String) {
            let chain = applied.filter { $0.target == target }.sorted { $0.number < $1.number }
            return (chain.last?.to ?? recorded, chain.map { String($0.number) }.joined(separator: " "))
        }
        func sourceRow(_ source: PerformanceSource, _ score: SourceScore) -> [String] {
            [
                labels.sourceName(source), "", "", "", "", builder.exact(score.sum), String(score.count),
                builder.exact(score.score), builder.exact(score.weight), builder.counted(contribution: score), "", "",
                "", "",
            ]
        }
        if let evaluation { write(sourceRow(.survey, evaluation.survey), to: sink) }
        for team in records.teams {
            let value = current(builder.exact(team.score), .teamScore(team: team.team))
            write(
                [
                    labels.sourceName(.team), CSVWriter.text(team.team), "", "", "", CSVWriter.text(value.value), "",
                    "",
                    "", "", CSVWriter.text(team.reason ?? ""), "", "", value.numbers,
                ],
                to: sink
            )
        }
        if let evaluation { write(sourceRow(.team, evaluation.team), to: sink) }
        for score in records.departments {
            let value = current(
                builder.exact(score.score),
                .departmentScore(department: score.department, item: score.item)
            )
            write(
                [
                    labels.sourceName(.department), CSVWriter.text(score.department),
                    CSVWriter.text(builder.serviceName(score.item).plain), "", "", CSVWriter.text(value.value), "", "",
                    "", "", CSVWriter.text(score.reason ?? ""), "", "", value.numbers,
                ],
                to: sink
            )
        }
        if let evaluation { write(sourceRow(.department, evaluation.department), to: sink) }
        for finding in records.patrol {
            let value = current(builder.exact(finding.deduction), .patrolDeduction(finding: finding.id))
            write(
                [
                    labels.sourceName(.patrol), CSVWriter.text(finding.id),
                    CSVWriter.text(builder.serviceName(finding.item).plain), CSVWriter.text(finding.date),
                    CSVWriter.text(finding.place), CSVWriter.text(value.value), "", "", "", "",
                    CSVWriter.text(finding.description), CSVWriter.text(finding.photo ?? ""),
                    CSVWriter.text(finding.photoSHA256 ?? ""), value.numbers,
                ],
                to: sink
            )
        }
        guard let evaluation else { return }
        let patrol = evaluation.patrol
        write(
            [
                labels.sourceName(.patrol), "", "", "", "", builder.exact(patrol.total), String(patrol.findings), "",
                "", "-" + builder.exact(patrol.applied), patrol.capped ? labels.cappedNote : "", "", "", "",
            ],
            to: sink
        )
        write(
            [
                labels.score, CSVWriter.text(builder.standingName(evaluation.standing).plain), "", "", "",
                builder.exact(evaluation.unrounded), "", "", "", builder.counted(evaluation.score),
                consequence(builder, evaluation), "", "",
                evaluation.corrections.map(String.init).joined(separator: " "),
            ],
            to: sink
        )
    }

    /// The standing's consequence, or an empty cell when it has none.
    private static func consequence(_ builder: PerformanceReportBuilder, _ evaluation: MonthlyEvaluation) -> String {
        let consequence = builder.plan.standing(id: evaluation.standing)?.consequence
        return CSVWriter.text(consequence?.text(in: builder.language) ?? "")
    }

    /// Text from the sheets (a reason, a place) reaches the CSV with control characters and bidi overrides made
    /// visible, as in the other formats: a spreadsheet or terminal showing it cannot be made to show something else.
    private static func write(_ record: [String], to sink: some ReportSink) {
        sink.write(record.map { CSVWriter.quoted(VisibleText.shown($0)) }.joined(separator: ",") + "\r\n")
    }
}
