import Foundation
import TenderCore
import TenderModel
import Yams

/// Reading a criterion whose fact is the bidder's past performance (`history:`), and the checks that need the
/// tender header.
extension RubricBuilder {
    static let historyKeys = ["months", "buyer", "neutral"]
    /// A monthly score is a number: a yes/no or a lookup table cannot read it.
    static let historyScaleKeys = ["linear", "bands", "per-item"]
    /// Ten years: the longest look-back a procurement rule asks for is far shorter, and a longer window would
    /// weigh contracts nobody remembers.
    static let historyMonths = 1...120

    func readHistory(_ field: Field, criterionID id: String, points: Points?) -> HistoryRule? {
        guard let view = reader.mapping(field) else { return nil }
        let context = "in the history of criterion '\(VisibleText.excerpt(id))'"
        reader.checkKeys(view, allowed: RubricBuilder.historyKeys + RubricBuilder.scaleKeys, context: context)
        let months = reader.required(view, "months", context: context).flatMap {
            reader.integer($0, RubricBuilder.historyMonths)
        }
        let buyer = reader.required(view, "buyer", context: context).flatMap {
            reader.choice($0, [HistoryBuyer.thisBuyer.rawValue, HistoryBuyer.any.rawValue])
        }
        .flatMap(HistoryBuyer.init(rawValue:))
        var neutral: Points?
        if let neutralField = reader.required(view, "neutral", context: context) {
            neutral = reader.points(neutralField, .nonNegative)
            if neutral == .zero {
                reader.error(
                    "neutral 0 rates a bidder without past performance as the worst possible; FAR "
                        + "15.305(a)(2)(iv) rates a bidder with no record neutrally, neither favourably nor "
                        + "unfavourably: give points above 0 and at most the criterion's "
                        + "\(points?.plainText ?? "") points",
                    at: neutralField.location
                )
                neutral = nil
            } else if let value = neutral, let points, value > points {
                checkWithin(value, "neutral", points: points, at: neutralField.location)
                neutral = nil
            }
        }
        let scaleFields = view.fields.filter { RubricBuilder.scaleKeys.contains($0.key) }
        guard let scaleField = scaleFields.first else {
            reader.error(
                "criterion '\(VisibleText.excerpt(id))' needs a scale for the mean monthly score: one of "
                    + RubricBuilder.historyScaleKeys.joined(separator: ", "),
                at: view.location
            )
            return nil
        }
        for extra in scaleFields.dropFirst() {
            reader.error(
                "criterion '\(VisibleText.excerpt(id))' has both '\(VisibleText.excerpt(scaleField.key))' and '\(VisibleText.excerpt(extra.key))'; give exactly one scale",
                at: extra.keyLocation
            )
        }
        guard RubricBuilder.historyScaleKeys.contains(scaleField.key) else {
            reader.error(
                "a mean monthly score is a number: '\(scaleField.key)' cannot turn it into points; use one of "
                    + RubricBuilder.historyScaleKeys.joined(separator: ", "),
                at: scaleField.keyLocation
            )
            return nil
        }
        let scale = readScale(scaleField, otherwise: nil, criterionID: id, points: points)
        guard let months, let buyer, let neutral, let scale else { return nil }
        return HistoryRule(months: months, buyer: buyer, neutral: neutral, scale: scale, location: view.location)
    }

    /// A history window ends with the month before the tender's publication (or, without it, the evaluation):
    /// without either date there is no window. `this-buyer` compares contracts with the tender's buyer, which the
    /// header must then name.
    func checkHistoryCriteria(_ groups: [CriterionGroup], top: MappingView, header: TenderHeader?) {
        let history = groups.flatMap(\.criteria).compactMap { criterion -> (Criterion, HistoryRule)? in
            guard case .history(let rule) = criterion.rule else { return nil }
            return (criterion, rule)
        }
        guard !history.isEmpty else { return }
        let hasReferenceDate = header != nil || writtenTenderDate(top, "published") != nil
        for (criterion, rule) in history {
            if !hasReferenceDate {
                reader.error(
                    "criterion '\(VisibleText.excerpt(criterion.id))' reads the performance history of the months "
                        + "before the tender was published: the tender header needs 'published' (or "
                        + "'evaluation-date') as a date written YYYY-MM-DD",
                    at: criterion.location
                )
            }
            if rule.buyer == .thisBuyer, let header, header.buyer.zh == nil, header.buyer.en == nil {
                reader.error(
                    "criterion '\(VisibleText.excerpt(criterion.id))' counts only contracts with this buyer "
                        + "(buyer: this-buyer), but the tender header names no 'buyer'",
                    at: rule.location
                )
            }
        }
    }

    /// A date the tender header writes under `key`, read without reporting (the header reader does that).
    private func writtenTenderDate(_ top: MappingView, _ key: String) -> String? {
        guard let tender = top["tender"], case .mapping = tender.node, let view = reader.mapping(tender),
            let entry = view[key], case .scalar(let scalar) = entry.node
        else { return nil }
        let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        return RubricBuilder.isCalendarDate(text) ? text : nil
    }
}
