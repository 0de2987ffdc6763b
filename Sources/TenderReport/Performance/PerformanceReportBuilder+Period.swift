import TenderCore
import TenderModel

/// The contract-period report: the contract, the trend, one row per month, and the record behind it (rules
/// raised, corrections, superseded computations, the sheets recorded).
extension PerformanceReportBuilder {
    func periodBlocks() -> [Block] {
        [
            section(2, labels.contractSection, anchor: "contract", [contractBlock]),
            section(2, labels.summarySection, anchor: "summary", summaryBlocks + [.chart]),
            section(2, labels.monthsSection, anchor: "months", [monthsTable]),
            section(
                2,
                labels.raisedSection,
                anchor: "rules-raised",
                listOrNone([.list(input.raised.map(raisedText))], empty: input.raised.isEmpty)
            ),
            section(
                2,
                labels.correctionsSection,
                anchor: "corrections",
                listOrNone([correctionsTable(input.corrections)], empty: input.corrections.isEmpty)
            ),
            section(
                2,
                labels.supersededSection,
                anchor: "superseded",
                input.superseded.isEmpty
                    ? [.paragraph("\(labels.none)")]
                    : [.paragraph("\(labels.supersededNote)"), supersededTable(input.superseded)]
            ),
            section(
                2,
                labels.sheetsSection,
                anchor: "sheets",
                listOrNone([sheetsTable(periodSheets, withMonth: true)], empty: periodSheets.isEmpty)
            ),
        ]
    }

    var periodSheets: [(month: YearMonth, sheet: RecordedSheet)] {
        input.records.keys.sorted().flatMap { month in sheets(of: month).map { (month, $0) } }
    }

    var summaryBlocks: [Block] {
        var rows: [KeyValue] = [
            KeyValue(
                key: "\(labels.monthsSection)",
                value: .text(labels.monthsScored(input.months.count, input.pending.count))
            )
        ]
        if !input.months.isEmpty, let sum = try? Points.sum(input.months.map(\.score)),
            let mean = try? sum.ratio / ExactRatio(input.months.count)
        {
            rows.append(
                KeyValue(
                    key: "\(labels.meanScore)",
                    value: .text(labels.meanFormula(exact(sum), input.months.count, exact(mean)))
                )
            )
        }
        let counts = plan.standings.map { standing in
            "\(standingName(standing.id))\(labels.monthCount(input.months.filter { $0.standing == standing.id }.count))"
                as RichText
        }
        rows.append(KeyValue(key: "\(labels.monthsPerStanding)", value: counts.joined(separator: "; ")))
        return [.keyValue(rows)]
    }

    var monthsTable: Block {
        var headers: [RichText] = ["\(labels.month)"]
        headers += Self.weightedSources.map { "\(labels.sourceColumn($0))" }
        headers += [
            "\(labels.deduction)", "\(labels.score)", "\(labels.standing)", "\(labels.consequence)",
        ]
        if !input.latest.isEmpty { headers.append("\(labels.computation)") }
        var rows: [[RichText]] = []
        for month in reportedMonths {
            guard let evaluation = input.evaluation(of: month) else {
                let status = input.pending(month).map { pendingText($0.status) } ?? labels.dash
                var row: [RichText] = ["\(month.description)"]
                row += Array(repeating: "\(labels.dash)", count: 5)
                row += ["\(status)", "\(labels.dash)"]
                if !input.latest.isEmpty { row.append("\(labels.dash)") }
                rows.append(row)
                continue
            }
            var row: [RichText] = ["\(month.description)"]
            row += Self.weightedSources.compactMap { sourceScore(evaluation, $0) }.map { source in
                "\(exact(source.score)) (\(counted(contribution: source)))"
            }
            row.append("\(deductionText(evaluation.patrol))")
            row.append("\(scoreText(evaluation))")
            let marker: RichText = isBottom(evaluation.standing) ? "▼ " : ""
            var standing = marker + standingName(evaluation.standing)
            // A stale score is shown with its standing, marked: it counts only once computed again.
            if let correction = stale(month) { standing = labels.staleStanding(standing, labels.stale(correction)) }
            row.append(standing)
            row.append(consequence(ofStanding: evaluation.standing))
            if !input.latest.isEmpty {
                row.append(
                    "\(latestComputation(month).map { labels.computationText($0.number, $0.computedOn) } ?? labels.dash)"
                )
            }
            rows.append(row)
        }
        var alignments: [Table.Alignment] = [.left, .right, .right, .right, .right, .right, .left, .left]
        if !input.latest.isEmpty { alignments.append(.left) }
        return .table(Table(headers: headers, alignments: alignments, rows: rows))
    }
}
