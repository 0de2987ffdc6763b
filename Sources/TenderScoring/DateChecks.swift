import Foundation
import TenderCore
import TenderModel

/// Where the dates in a bid must lie for this tender: nothing after the evaluation date, no submission after the
/// deadline, no commitment or submission before the tender was published, and nothing before
/// `earliestPlausible`.
enum DateChecks {
    /// The earliest day any date in a bid may carry. Company-register and credit records (信用中国, national
    /// business registers) are not kept from before it, so an earlier date is almost always mistyped (0219 or
    /// 1019 for 2019), and a mistyped date must not move a violation out of a look-back window unseen.
    static let earliestPlausible = "1990-01-01"

    /// A violation may be dated any time up to the evaluation date, but not before `earliestPlausible`.
    static func violationProblem(_ date: String, tender: TenderHeader) -> DateProblem? {
        guard let day = calendarDay(date) else { return nil }
        if day > tender.evaluationDate { return .afterEvaluation(evaluationDate: tender.evaluationDate) }
        if day < earliestPlausible { return .beforeEarliestPlausible(earliest: earliestPlausible) }
        return nil
    }

    /// A commitment is signed for this tender and is part of the bid: signed after the tender was published,
    /// and no later than the submission deadline nor than the bid's own submission time (`submittedAt`), since a
    /// document signed after the bid was handed in cannot be in it (unless that time is itself impossible). A date
    /// without a time is a whole day: it is late only when that day is after the deadline's or the submission's.
    static func commitmentProblem(_ date: String, tender: TenderHeader, submittedAt: String? = nil) -> DateProblem? {
        guard let day = calendarDay(date) else { return nil }
        if day > tender.evaluationDate { return .afterEvaluation(evaluationDate: tender.evaluationDate) }
        if let deadline = tender.submissionDeadline, isAfter(date, deadline: deadline) {
            return .afterDeadline(deadline: deadline)
        }
        // A submission time that cannot be true (before publication) is flagged on its own and proves nothing here.
        if let submittedAt, calendarDay(submittedAt) != nil, earlySubmission(submittedAt, tender: tender) == nil,
            isAfter(date, deadline: submittedAt)
        {
            return .afterSubmission(submittedAt: submittedAt)
        }
        return tooEarly(day, tender: tender)
    }

    /// A submission after the deadline (or the evaluation date) is late; the caller refuses it.
    static func lateSubmission(_ submittedAt: String, tender: TenderHeader) -> DateProblem? {
        guard let day = calendarDay(submittedAt) else { return nil }
        if let deadline = tender.submissionDeadline, isAfter(submittedAt, deadline: deadline) {
            return .afterDeadline(deadline: deadline)
        }
        if day > tender.evaluationDate { return .afterEvaluation(evaluationDate: tender.evaluationDate) }
        return nil
    }

    /// A submission before the tender was published: its time cannot be true.
    static func earlySubmission(_ submittedAt: String, tender: TenderHeader) -> DateProblem? {
        calendarDay(submittedAt).flatMap { tooEarly($0, tender: tender) }
    }

    private static func tooEarly(_ day: String, tender: TenderHeader) -> DateProblem? {
        if let published = tender.published, day < published { return .beforePublication(published: published) }
        if day < earliestPlausible { return .beforeEarliestPlausible(earliest: earliestPlausible) }
        return nil
    }

    /// The `YYYY-MM-DD` the text starts with, as written (the bid's own local day).
    static func calendarDay(_ text: String) -> String? {
        let day = String(text.prefix(10))
        return CalendarDate.parts(day) == nil ? nil : day
    }

    /// Whether a submission (or signature) time lies after the deadline (or the bid's submission time). A deadline given as a date ends with that day, in the
    /// bid's own zone; one given with a time is an instant, and a submission time without a zone is read in
    /// the deadline's zone (the tender's local time).
    static func isAfter(_ submittedAt: String, deadline: String) -> Bool {
        guard let submittedDay = calendarDay(submittedAt), let deadlineDay = calendarDay(deadline) else {
            return false
        }
        guard deadline.count > 10, let deadlineInstant = Ranking.instant(deadline) else {
            return submittedDay > deadlineDay
        }
        if let instant = Ranking.instant(submittedAt) { return instant > deadlineInstant }
        guard submittedAt.count > 10 else { return submittedDay > deadlineDay }
        let zone = deadline.hasSuffix("Z") ? "Z" : String(deadline.suffix(6))
        guard let instant = Ranking.instant(submittedAt + zone) else { return submittedDay > deadlineDay }
        return instant > deadlineInstant
    }
}
