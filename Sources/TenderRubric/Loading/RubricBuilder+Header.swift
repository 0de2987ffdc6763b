import Foundation
import TenderCore
import TenderModel
import Yams

/// Reading the tender header.
extension RubricBuilder {
    /// The header (tie-break still empty; nil when a required key is broken) and the raw tie-break entries,
    /// resolved once the groups are known.
    func readTender(
        _ field: Field
    ) -> (TenderHeader?, [(String, SourceLocation)]) {
        guard let view = reader.mapping(field) else { return (nil, []) }
        let context = "in 'tender'"
        reader.checkKeys(view, allowed: RubricBuilder.tenderKeys, context: context)

        let id = reader.required(view, "id", context: context).flatMap { reader.string($0) }
        let title = view["title"].flatMap { reader.localized($0) } ?? LocalizedText()
        let buyer = view["buyer"].flatMap { reader.localized($0) } ?? LocalizedText()
        var currency: String?
        if let entry = reader.required(view, "currency", context: context), let text = reader.string(entry) {
            if text.count == 3 && text.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) {
                currency = text
            } else {
                reader.error(
                    "currency must be a 3-letter ISO 4217 code such as CNY, found '\(VisibleText.excerpt(text))'",
                    at: entry.location
                )
            }
        }
        let budget = view["budget"].flatMap { reader.money($0, .positive) }
        let method =
            view["method"].flatMap { reader.choice($0, EvaluationMethod.allCases.map(\.rawValue)) }
            .flatMap(EvaluationMethod.init(rawValue:)) ?? .comprehensive
        let decimals = view["decimals"].flatMap { reader.integer($0, 0...6) } ?? 2
        let rounding =
            view["rounding"].flatMap { reader.choice($0, RoundingPolicy.allCases.map(\.rawValue)) }
            .flatMap(RoundingPolicy.init(rawValue:)) ?? .perCriterion
        let minimumBids = view["minimum-valid-bids"].flatMap { reader.integer($0, 1...Int.max) } ?? 3
        var evaluationDate: String?
        if let entry = reader.required(view, "evaluation-date", context: context), let text = reader.string(entry) {
            if RubricBuilder.isCalendarDate(text) {
                evaluationDate = text
            } else {
                reader.error(
                    "evaluation-date must be a date written YYYY-MM-DD, found '\(VisibleText.excerpt(text))'",
                    at: entry.location
                )
            }
        }
        let (published, deadline) = readTenderDates(view, evaluationDate: evaluationDate)
        var profile: String?
        if let entry = view["profile"], let text = reader.choice(entry, RubricBuilder.profiles) {
            profile = text == "none" ? nil : text
        }
        var tieBreak: [(String, SourceLocation)] = []
        if let entry = view["tie-break"], let items = reader.sequence(entry) {
            for item in items {
                if let text = reader.string(item, what: "a tie-break rule") {
                    tieBreak.append((text, reader.location(item)))
                }
            }
        }
        guard let id, let currency, let evaluationDate else { return (nil, tieBreak) }
        let header = TenderHeader(
            id: id,
            title: title,
            buyer: buyer,
            currency: currency,
            budget: budget,
            method: method,
            decimals: decimals,
            rounding: rounding,
            minimumValidBids: minimumBids,
            tieBreak: [],
            evaluationDate: evaluationDate,
            profile: profile,
            location: view.location,
            published: published,
            submissionDeadline: deadline
        )
        return (header, tieBreak)
    }

    /// `published` (a date) and `submission-deadline` (a date, or a date-time with a zone), both optional, in the
    /// order published ≤ deadline ≤ evaluation date.
    func readTenderDates(_ view: MappingView, evaluationDate: String?) -> (String?, String?) {
        var published: String?
        if let entry = view["published"], let text = reader.string(entry) {
            if RubricBuilder.isCalendarDate(text) {
                published = text
            } else {
                reader.error(
                    "published must be a date written YYYY-MM-DD, found '\(VisibleText.excerpt(text))'",
                    at: entry.location
                )
            }
        }
        var deadline: String?
        if let entry = view["submission-deadline"], let text = reader.string(entry) {
            if RubricBuilder.isDeadline(text) {
                deadline = text
            } else {
                reader.error(
                    "submission-deadline must be a date (YYYY-MM-DD) or a date and time with a time zone "
                        + "(2020-11-19T09:30:00+08:00), found '\(VisibleText.excerpt(text))'",
                    at: entry.location
                )
            }
            let day = String(text.prefix(10))
            if deadline != nil, let published, day < published {
                reader.error(
                    "submission-deadline \(text) is before the publication date \(published)",
                    at: entry.location
                )
            }
            if deadline != nil, let evaluationDate, day > evaluationDate {
                reader.error(
                    "submission-deadline \(text) is after the evaluation date \(evaluationDate)",
                    at: entry.location
                )
            }
        }
        if deadline == nil, let entry = view["published"], let published, let evaluationDate,
            published > evaluationDate
        {
            reader.error("published \(published) is after the evaluation date \(evaluationDate)", at: entry.location)
        }
        return (published, deadline)
    }

    /// A calendar date, or one followed by `THH:MM[:SS[.fff]]` and `Z` or `±HH:MM`.
    static func isDeadline(_ text: String) -> Bool {
        let day = String(text.prefix(10))
        guard isCalendarDate(day) else { return false }
        if text.count == 10 { return true }
        let time = text.dropFirst(10)
        guard time.first == "T", text.allSatisfy(\.isASCII) else { return false }
        let hasZone = time.hasSuffix("Z") || time.dropFirst(6).contains("+") || time.dropFirst(6).contains("-")
        return hasZone && (try? Date(text, strategy: .iso8601)) != nil
    }

    static func isCalendarDate(_ text: String) -> Bool {
        guard let parts = CalendarDate.parts(text) else { return false }
        return parts.year >= 1900
    }
}
