import Foundation
import TenderCore
import TenderModel

/// Turns an evaluation into the block tree that both the Markdown and the HTML report are written from, so the
/// two always say the same thing. Every number a reader needs to recompute a total by hand is spelt out here.
struct ReportBuilder {
    let evaluation: Evaluation
    let context: ReportContext
    let labels: any Labels
    /// Criteria by id, looked up once per criterion line of every bid.
    let criteria: [String: Criterion]

    init(evaluation: Evaluation, context: ReportContext) {
        self.evaluation = evaluation
        self.context = context
        self.labels = TenderReport.labels(for: context.language)
        self.criteria = Dictionary(
            evaluation.rubric.criteria.map { ($0.id, $0) },
            uniquingKeysWith: { first, _ in first }
        )
    }

    var language: ReportLanguage { context.language }
    var rubric: Rubric { evaluation.rubric }
    var decimals: Int { rubric.tender.decimals }

    var title: RichText {
        "\(labels.reportTitle) — \(user: rubric.tender.title.text(in: language))"
    }

    func build() -> [Block] {
        var blocks: [Block] = [
            .section(
                Section(
                    level: 2,
                    title: "\(labels.tenderSection)",
                    anchor: "tender",
                    pageBreakBefore: false,
                    blocks: [.keyValue(headerRows())]
                )
            ),
            .section(
                Section(
                    level: 2,
                    title: "\(labels.outcomeSection)",
                    anchor: "outcome",
                    pageBreakBefore: false,
                    blocks: outcomeBlocks()
                )
            ),
        ]
        if !evaluation.validResults.isEmpty {
            blocks.append(
                .section(
                    Section(
                        level: 2,
                        title: "\(labels.rankingSection)",
                        anchor: "ranking",
                        pageBreakBefore: false,
                        blocks: rankingBlocks()
                    )
                )
            )
        }
        let unranked = evaluation.results.filter { $0.status != .valid }
        if !unranked.isEmpty {
            blocks.append(
                .section(
                    Section(
                        level: 2,
                        title: "\(labels.notRankedSection)",
                        anchor: "not-ranked",
                        pageBreakBefore: false,
                        blocks: [.table(unrankedTable(unranked))]
                    )
                )
            )
        }
        if let files = inputFilesSection() {
            blocks.append(.section(files))
        }
        blocks.append(
            .section(
                Section(
                    level: 2,
                    title: "\(labels.flagsSection)",
                    anchor: "flags",
                    pageBreakBefore: false,
                    blocks: listOrNone(committeeFlags.map(flagText))
                )
            )
        )
        if let decisions = decisionsSection() { blocks.append(.section(decisions)) }
        if let dissent = dissentSection() { blocks.append(.section(dissent)) }
        blocks.append(
            .section(
                Section(
                    level: 2,
                    title: "\(labels.collusionSection)",
                    anchor: "collusion",
                    pageBreakBefore: false,
                    blocks: collusionBlocks()
                )
            )
        )
        let explained = explainedBids
        var bids = explained.enumerated().map { order, entry in
            Block.section(bidSection(entry.result, anchor: "bid-\(entry.position + 1)", pageBreakBefore: order > 0))
        }
        if let note = explanationNote(explained: explained.count) {
            bids.insert(.paragraph(note), at: 0)
        }
        blocks.append(
            .section(
                Section(
                    level: 2,
                    title: "\(labels.bidsSection)",
                    anchor: "bids",
                    pageBreakBefore: true,
                    blocks: bids
                )
            )
        )
        blocks.append(
            .section(
                Section(
                    level: 2,
                    title: "\(labels.diagnosticsSection)",
                    anchor: "diagnostics",
                    pageBreakBefore: true,
                    blocks: listOrNone(allDiagnostics.map { .shown($0.description) })
                )
            )
        )
        blocks.append(
            .section(
                Section(
                    level: 2,
                    title: "\(labels.inputsSection)",
                    anchor: "inputs",
                    pageBreakBefore: false,
                    blocks: inputBlocks()
                )
            )
        )
        return blocks
    }
}
