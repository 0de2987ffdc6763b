public import TenderCore
public import TenderModel

extension PerformancePipeline {
    /// Refuses a record, correction or computation dated before the month it concerns began: a sheet cannot
    /// report on a month that has not started, and a date typed for the wrong month would otherwise stand in the
    /// history for good.
    ///
    /// - Parameters:
    ///   - day: `YYYY-MM-DD` (`--date`).
    ///   - month: the month the act concerns.
    ///   - what: the act, as the message opens with it: `sheets for 2021-07 cannot be recorded`.
    /// - Throws: an error when `day` is not a real date or lies before the first day of `month`.
    public static func requireDay(
        _ day: String,
        notBefore month: YearMonth,
        _ what: String
    ) throws(DiagnosticError) {
        guard let dayMonth = YearMonth(dayText: day), CalendarDate.parts(day) != nil else {
            throw DiagnosticError(
                .error("the date must be a real date written YYYY-MM-DD, not '\(VisibleText.escaped(day))'")
            )
        }
        if dayMonth < month {
            throw DiagnosticError(.error("\(what) on \(day), before the month began"))
        }
    }
}
