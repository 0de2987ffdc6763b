import Foundation
import TenderCore
import TenderModel

/// Names and numbers as the report writes them.
extension ReportBuilder {
    // MARK: - Names

    func groupName(_ id: String) -> RichText {
        .user(rubric.groups.first { $0.id == id }?.name.text(in: language) ?? id)
    }

    func criterionName(_ id: String) -> RichText {
        .user(criteria[id]?.name.text(in: language) ?? id)
    }

    func gateName(_ id: String) -> RichText {
        .user(rubric.gates.first { $0.id == id }?.name.text(in: language) ?? id)
    }

    /// A group or criterion name for tie-break rules, whichever the id refers to.
    func ruleTargetName(_ id: String) -> RichText {
        rubric.groups.contains { $0.id == id } ? groupName(id) : criterionName(id)
    }

    func joinedNames(_ names: [String]) -> RichText {
        names.map { RichText.user($0) }.joined(separator: .text(labels.listSeparator))
    }

    func listOrNone(_ items: [RichText]) -> [Block] {
        items.isEmpty ? [.paragraph("\(labels.none)")] : [.list(items)]
    }

    // MARK: - Numbers

    func money(_ value: Money) -> String {
        NumberFormat.money(value)
    }

    func money(_ value: ExactRatio) -> String {
        NumberFormat.money(value)
    }

    /// Points as counted in the total, at the rubric's decimals.
    func counted(_ value: Points) -> String {
        NumberFormat.points(value, decimals: decimals)
    }

    /// A criterion score as the total counts it: rounded at the rubric's decimals, or exact when only the
    /// total is rounded.
    func countedScore(_ score: CriterionScore) -> String {
        rubric.tender.rounding == .perCriterion ? counted(score.points) : NumberFormat.exact(score.unrounded)
    }

    func pointsCell(_ score: CriterionScore) -> String {
        guard rubric.tender.rounding == .perCriterion else { return NumberFormat.exact(score.unrounded) }
        return NumberFormat.rounding(score.unrounded, to: score.points, decimals: decimals)
    }

    func totalText(_ result: BidResult) -> String {
        guard let total = result.total else { return labels.dash }
        return NumberFormat.points(total, decimals: decimals)
    }

    func rankText(_ result: BidResult) -> String {
        guard let rank = result.rank else { return labels.dash }
        return result.tiedWith.isEmpty ? String(rank) : labels.tiedRank(rank)
    }

    func location(_ line: Int?, in result: BidResult) -> String {
        guard let line else { return "" }
        return labels.source("\(result.file):\(line)")
    }

    func sourceText(_ line: Int?, in result: BidResult) -> RichText {
        guard let line else { return "" }
        return .shown(labels.source("\(result.file):\(line)"))
    }
}
