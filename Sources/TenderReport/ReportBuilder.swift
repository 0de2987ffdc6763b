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
        let title: RichText = "\(labels.reportTitle) — \(user: rubric.tender.title.text(in: language))"
        switch evaluation.conclusion {
        case .preliminary: return "\(conclusionWords.preliminaryStamp): " + title
        case .cannotConclude: return "\(conclusionWords.cannotConcludeStamp): " + title
        case .final, .failed: return title
        }
    }

    func build() -> [Block] {
        var collector = BlockCollector()
        write(to: &collector)
        return collector.blocks
    }

    /// Writes the report's blocks in the order the committee reads and signs it: cover, one-page summary, what
    /// stands in the way, the numbers behind the ranking, the tender and its rules, every member's scores, flags
    /// and decisions, dissent, the signatures; then a page per bidder (each built only when it is written), and
    /// the diagnostics and input hashes.
    func write(to writer: inout some BlockWriter) {
        var blocks: [Block] = [.section(coverSection()), .section(summarySection())]
        if evaluation.conclusion == .cannotConclude {
            blocks.append(
                .section(
                    Section(
                        level: 2,
                        title: "\(conclusionWords.blockersSection)",
                        anchor: "to-fix",
                        pageBreakBefore: false,
                        blocks: blockerBlocks()
                    )
                )
            )
        }
        if !evaluation.outstanding.isEmpty, evaluation.conclusion != .failed {
            blocks.append(
                .section(
                    Section(
                        level: 2,
                        title: "\(conclusionWords.outstandingSection)",
                        anchor: "outstanding",
                        pageBreakBefore: false,
                        blocks: outstandingBlocks()
                    )
                )
            )
        }
        if !evaluation.validResults.isEmpty, !hasRanks {
            blocks.append(
                .section(
                    Section(
                        level: 2,
                        title: "\(conclusionWords.validBidsSection)",
                        anchor: "valid-bids",
                        pageBreakBefore: false,
                        blocks: validBidsBlocks()
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
        if hasRanks {
            blocks.append(
                .section(
                    Section(
                        level: 2,
                        title: "\(signedWords.priceBaseSection)",
                        anchor: "price-base",
                        pageBreakBefore: false,
                        blocks: priceBaseBlocks()
                    )
                )
            )
        }
        blocks.append(
            .section(
                Section(
                    level: 2,
                    title: "\(labels.tenderSection)",
                    anchor: "tender",
                    pageBreakBefore: true,
                    blocks: [.keyValue(headerRows())]
                )
            )
        )
        blocks.append(.section(rulesSection()))
        if let files = inputFilesSection() {
            blocks.append(.section(files))
        }
        if let matrix = scoreMatrixSection() { blocks.append(.section(matrix)) }
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
        if let decisions = decisionsSection() { blocks.append(.section(decisions)) }
        if let dissent = dissentSection() { blocks.append(.section(dissent)) }
        blocks.append(.section(signatureSection()))
        for block in blocks {
            writer.write(block)
        }
        blocks.removeAll()
        let explained = explainedBids
        let bids = Section(
            level: 2,
            title: "\(labels.bidsSection)",
            anchor: "bids",
            pageBreakBefore: true,
            blocks: explanationNote(explained: explained.count).map { [.paragraph($0)] } ?? []
        )
        writer.open(bids)
        for (order, entry) in explained.enumerated() {
            writer.write(
                .section(bidSection(entry.result, anchor: "bid-\(entry.position + 1)", pageBreakBefore: order > 0))
            )
        }
        writer.close(bids)
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
        for block in blocks {
            writer.write(block)
        }
    }
}
