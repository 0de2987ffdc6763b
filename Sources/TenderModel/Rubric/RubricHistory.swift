extension Rubric {
    /// Every history criterion, in rubric order.
    public var historyRules: [(criterionID: String, rule: HistoryRule)] {
        criteria.compactMap { criterion in
            guard case .history(let rule) = criterion.rule else { return nil }
            return (criterion.id, rule)
        }
    }

    /// The month the history windows end before: the month of `tender.published`, or of `evaluation-date` when
    /// the rubric gives no publication date (the history must not reach into the time bidders were preparing
    /// their bids). Nil when neither is a date.
    public var historyReferenceMonth: YearMonth? {
        tender.published.flatMap { YearMonth(dayText: $0) } ?? YearMonth(dayText: tender.evaluationDate)
    }

    /// One history criterion's window: its `months` whole months ending with the month before the reference
    /// month. Nil without a reference month, or for a window before year 1.
    public func historyWindow(for rule: HistoryRule) -> (first: YearMonth, last: YearMonth)? {
        guard rule.months >= 1, let reference = historyReferenceMonth,
            let last = reference.adding(months: -1), let first = last.adding(months: -(rule.months - 1))
        else { return nil }
        return (first, last)
    }

    /// The months the history database must be read for: the longest window of the history criteria (they all
    /// end with the same month); nil when the rubric has none.
    public var historyWindow: (first: YearMonth, last: YearMonth)? {
        guard let longest = historyRules.max(by: { $0.rule.months < $1.rule.months }) else { return nil }
        return historyWindow(for: longest.rule)
    }
}
