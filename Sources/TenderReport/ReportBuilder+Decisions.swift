import TenderCore
import TenderModel

/// The recorded decisions, one round each with what it changed, and the members' dissent.
extension ReportBuilder {
    var decisionWords: DecisionLabels { DecisionLabels.labels(for: language) }

    /// What a flag's text gains when a recorded decision resolved it (an accepted clarification of a low price).
    func resolvedText(_ flag: Flag) -> RichText {
        evaluation.resolution(of: flag).map(decisionWords.flagResolved) ?? ""
    }

    /// The decisions section, when the run had a decisions file.
    func decisionsSection() -> Section? {
        guard evaluation.decisionsFile != nil else { return nil }
        var blocks: [Block] = []
        for round in evaluation.decisionRounds {
            blocks.append(.paragraph(decisionHeading(round.decision), style: .strong))
            var lines: [RichText] = []
            if case .dissent(_, let statement) = round.decision.kind {
                // A dissent is its statement; it changes no score.
                lines.append(.user(statement))
            } else if !round.applied {
                lines += [decisionWords.reason(round.decision.reason), .text(decisionWords.notApplied)]
            } else {
                lines.append(decisionWords.reason(round.decision.reason))
                let changes = round.effects.map(effectText) + round.rankChanges.map(rankText)
                lines += changes.isEmpty ? [.text(decisionWords.noChange)] : changes
            }
            blocks.append(.list(lines))
        }
        return Section(
            level: 2,
            title: "\(decisionWords.section)",
            anchor: "decisions",
            pageBreakBefore: false,
            blocks: blocks.isEmpty ? [.paragraph(.text(decisionWords.none))] : blocks
        )
    }

    /// The members' dissent statements, when any is recorded.
    func dissentSection() -> Section? {
        let statements = evaluation.decisionRounds.compactMap { round -> RichText? in
            guard case .dissent(let member, let statement) = round.decision.kind else { return nil }
            return decisionWords.dissent(member, round.decision.date, statement)
        }
        guard !statements.isEmpty else { return nil }
        return Section(
            level: 2,
            title: "\(decisionWords.dissentSection)",
            anchor: "dissent",
            pageBreakBefore: false,
            blocks: [.list(statements)]
        )
    }

    private func decisionHeading(_ decision: Decision) -> RichText {
        let bidder: RichText
        let criterion: RichText
        switch decision.kind {
        case .correction(let correction):
            bidder = .user(correction.bidder)
            criterion = criterionName(correction.criterion)
        case .consensus(let name, let id, _):
            bidder = .user(name)
            criterion = criterionName(id)
        case .recusal(_, let name), .clarification(let name, _), .duplicate(let name, _):
            bidder = .user(name)
            criterion = ""
        case .replacement, .dissent:
            bidder = ""
            criterion = ""
        }
        return decisionWords.heading(decision.number, decision.date, decision.by) + .text(" — ")
            + decisionWords.what(decision.kind, bidder, criterion)
    }

    private func effectText(_ effect: DecisionEffect) -> RichText {
        switch effect {
        case .memberScore(let member, let bidder, let criterion, let before, let after):
            return decisionWords.memberScore(member, bidder, criterionName(criterion)) + change(before, after)
        case .criterionPoints(let bidder, let criterion, let before, let after):
            return decisionWords.criterionPoints(bidder, criterionName(criterion)) + change(before, after)
        case .total(let bidder, let before, let after):
            return decisionWords.total(bidder) + change(before, after)
        case .status(let bidder, let file, let before, let after):
            return decisionWords.status(bidder, file)
                + .text(": \(labels.statusName(before)) → \(labels.statusName(after))")
        case .archived(let member, let scores):
            return decisionWords.archived(member, scores)
        }
    }

    private func rankText(_ change: RankChange) -> RichText {
        let before = change.before.map(String.init) ?? decisionWords.unranked
        let after = change.after.map(String.init) ?? decisionWords.unranked
        return decisionWords.rank(change.bidder) + .text(": \(before) → \(after)")
    }

    private func change(_ before: Points?, _ after: Points?) -> RichText {
        .text(
            ": \(before?.plainText ?? decisionWords.notCounted) → \(after?.plainText ?? decisionWords.notCounted)"
        )
    }
}
