import TenderCore
import TenderModel

/// The "files in the bid folders" section: every entry the run was handed that is not itself a bid (those are
/// in the ranking or among the bids not ranked), so a reader sees that nothing was left out unnoticed.
extension ReportBuilder {
    func inputFilesSection() -> Section? {
        let entries = evaluation.inputFiles
        guard !entries.isEmpty else { return nil }
        let words = FileInventoryLabels.labels(for: language)
        let bids = entries.filter { $0.role == .bid }
        let sheets = entries.filter { $0.role == .scoreSheet }.count
        let notRead = entries.filter { $0.ignoredReason != nil }.count
        var blocks: [Block] = [.paragraph(.text(words.summary(bids.count, sheets, notRead)))]
        let listed = entries.filter { $0.role != .bid || $0.nameIsNotUTF8 }
        if !listed.isEmpty {
            blocks.append(
                .table(
                    Table(
                        headers: [.text(words.file), .text(words.use), "\(labels.reason)"],
                        alignments: [.left, .left, .left],
                        rows: listed.map { entry in
                            let use: String
                            var reason: [RichText] = []
                            switch entry.role {
                            case .bid: use = words.bid
                            case .scoreSheet: use = words.scoreSheet
                            case .committee: use = CommitteeLabels.labels(for: language).committeeFile
                            case .decisions: use = DecisionLabels.labels(for: language).decisionsFile
                            case .ignored(let why):
                                use = words.notRead
                                reason.append(.shown(words.reason(why)))
                            }
                            if entry.nameIsNotUTF8 { reason.append(.text(words.nameNotUTF8)) }
                            return [.shown(entry.path), .text(use), reason.joined(separator: "; ")]
                        }
                    )
                )
            )
        }
        return Section(level: 2, title: .text(words.section), anchor: "files", pageBreakBefore: false, blocks: blocks)
    }
}
