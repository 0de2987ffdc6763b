import TenderCore
import TenderModel

/// Criteria that read the performance history: the rule with its actual window, which contracts and months each
/// bid's points come from, the database read, and the committee's warning flag.
extension ReportBuilder {
    var historyLabels: HistoryLabels { HistoryLabels.labels(for: language) }

    func historyRuleText(_ rule: HistoryRule) -> RichText {
        let window = rubric.historyWindow(for: rule)
        let reference = rubric.historyReferenceMonth.map(\.description) ?? labels.dash
        return historyLabels.rule(
            rule.months,
            window?.first.description ?? labels.dash,
            window?.last.description ?? labels.dash,
            reference,
            rubric.tender.published != nil,
            rule.buyer == .thisBuyer,
            scaleText(rule.scale),
            NumberFormat.exact(rule.neutral)
        )
    }

    /// The fact cell (each contract with its months, the mean) and the rule cell (the scale with the numbers, or
    /// the neutral value and why).
    func historyExplanation(_ evidence: HistoryEvidence, unrounded: ExactRatio) -> (fact: RichText, rule: RichText) {
        let words = historyLabels
        let separator: RichText = language == .en ? "; " : "；"
        var facts: [RichText] = evidence.contracts.map { contract in
            words.contractMonths(
                .user(contract.contractID),
                Self.monthRanges(contract.months.map(\.month), separator: words.monthsSeparator),
                contract.months.count
            )
        }
        if !evidence.otherBuyers.isEmpty {
            facts.append(words.otherBuyers(evidence.otherBuyers.map(RichText.user).joined(separator: ", ")))
        }
        switch evidence.outcome {
        case .scored(let mean, let applied):
            facts.append(
                "\(words.mean(NumberFormat.exact(evidence.sum), evidence.count, NumberFormat.exact(mean)))"
            )
            facts += historyIdentityNotes(evidence)
            return (
                facts.joined(separator: separator),
                appliedText(applied, unrounded: unrounded, fact: .number(mean)) + historyIdentitySeeFlag(evidence)
            )
        case .neutral(let reason, let points):
            let why =
                reason == .noRegistrationID
                ? words.noRegistrationID
                : words.noMonths(
                    evidence.firstMonth.description,
                    evidence.lastMonth.description,
                    evidence.buyer == .thisBuyer
                )
            // An identity problem explains the neutral value better than "no monthly evaluation" does.
            let notes = historyIdentityNotes(evidence)
            facts.insert(contentsOf: notes.isEmpty ? ["\(why)"] : notes, at: 0)
            return (
                facts.joined(separator: separator),
                "\(words.neutral(NumberFormat.exact(points)))" + historyIdentitySeeFlag(evidence)
            )
        }
    }

    /// `2021-01 … 2021-06, 2021-08`: consecutive months as one range, so the months used can be checked at a
    /// glance and a gap stands out.
    static func monthRanges(_ months: [YearMonth], separator: String) -> String {
        var ranges: [(first: YearMonth, last: YearMonth)] = []
        for month in months.sorted() {
            if let last = ranges.last, last.last.months(to: month) == 1 {
                ranges[ranges.count - 1].last = month
            } else if ranges.last?.last != month {
                ranges.append((month, month))
            }
        }
        return ranges.map { $0.first == $0.last ? "\($0.first)" : "\($0.first) … \($0.last)" }
            .joined(separator: separator)
    }

    /// The database the history criteria read, under the rules; nothing when the rubric has none.
    func historySourceBlocks() -> [Block] {
        guard let source = evaluation.history else { return [] }
        return [
            .paragraph(
                historyLabels.source(
                    .user(source.database),
                    .user(source.digest),
                    source.firstMonth.description,
                    source.lastMonth.description
                )
            )
        ]
    }

    func performanceWarningText(
        bidder: String,
        warning: RaisedRule,
        contractID: String,
        tenderID: String,
        buyer: LocalizedText,
        contractor: String
    ) -> RichText {
        historyLabels.flag(
            .user(bidder),
            .user(contractor),
            .user(contractID),
            .user(tenderID),
            .user(buyer.text(in: language)),
            .user(warning.ruleID),
            warning.raisedIn.description,
            warning.months.map(\.description).joined(separator: historyLabels.monthsSeparator),
            .user(warning.consequence.text(in: language))
        )
    }
}
